package io.rime.emulator.internal;

/**
 * An error answer: its gRPC code, HTTP status and a message for the user.
 */
public final class ApiError extends RuntimeException {

	private final GrpcCode code;

	private final int httpStatus;

	public ApiError(GrpcCode code, String message) {
		this(code, code.httpStatus(), message);
	}

	public ApiError(GrpcCode code, int httpStatus, String message) {
		super(message, null, false, false);
		this.code = code;
		this.httpStatus = httpStatus;
	}

	public static ApiError invalid(String message) {
		return new ApiError(GrpcCode.INVALID_ARGUMENT, message);
	}

	public static ApiError notFound(String message) {
		return new ApiError(GrpcCode.NOT_FOUND, message);
	}

	public static ApiError failedPrecondition(String message) {
		return new ApiError(GrpcCode.FAILED_PRECONDITION, message);
	}

	public GrpcCode code() {
		return this.code;
	}

	public int httpStatus() {
		return this.httpStatus;
	}

}
