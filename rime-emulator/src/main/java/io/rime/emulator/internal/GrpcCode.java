package io.rime.emulator.internal;

/**
 * The gRPC status codes RIME's error bodies carry, with the HTTP status grpc-gateway maps each to.
 */
public enum GrpcCode {

	CANCELLED(1, 499), UNKNOWN(2, 500), INVALID_ARGUMENT(3, 400), DEADLINE_EXCEEDED(4, 504), NOT_FOUND(5, 404),
	ALREADY_EXISTS(6, 409), PERMISSION_DENIED(7, 403), RESOURCE_EXHAUSTED(8, 429), FAILED_PRECONDITION(9, 400),
	ABORTED(10, 409), OUT_OF_RANGE(11, 400), UNIMPLEMENTED(12, 501), INTERNAL(13, 500), UNAVAILABLE(14, 503),
	UNAUTHENTICATED(16, 401);

	private final int code;

	private final int httpStatus;

	GrpcCode(int code, int httpStatus) {
		this.code = code;
		this.httpStatus = httpStatus;
	}

	public int code() {
		return this.code;
	}

	public int httpStatus() {
		return this.httpStatus;
	}

	/**
	 * Returns the code that grpc-gateway sends with an HTTP status.
	 * @param httpStatus an HTTP error status
	 * @return the matching code
	 */
	public static GrpcCode forHttpStatus(int httpStatus) {
		return switch (httpStatus) {
			case 400 -> INVALID_ARGUMENT;
			case 401 -> UNAUTHENTICATED;
			case 403 -> PERMISSION_DENIED;
			case 404 -> NOT_FOUND;
			case 405, 501 -> UNIMPLEMENTED;
			case 408, 504 -> DEADLINE_EXCEEDED;
			case 409 -> ABORTED;
			case 429 -> RESOURCE_EXHAUSTED;
			case 499 -> CANCELLED;
			case 502, 503 -> UNAVAILABLE;
			default -> (httpStatus >= 500) ? INTERNAL : FAILED_PRECONDITION;
		};
	}

}
