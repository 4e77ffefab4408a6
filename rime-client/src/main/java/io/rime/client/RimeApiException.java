package io.rime.client;

import java.io.Serial;

import org.jspecify.annotations.Nullable;

/**
 * RIME answered with an HTTP error status.
 */
public class RimeApiException extends RimeException {

	@Serial
	private static final long serialVersionUID = 1L;

	private final int httpStatus;

	private final @Nullable Integer grpcCode;

	private final @Nullable String serverMessage;

	/**
	 * Create an exception.
	 * @param message the full message
	 * @param httpStatus the HTTP status code
	 * @param grpcCode the gRPC status code from the error body, or {@code null} if it had none
	 * @param serverMessage the message from the error body, or {@code null} if it had none
	 */
	public RimeApiException(String message, int httpStatus, @Nullable Integer grpcCode,
			@Nullable String serverMessage) {
		super(message);
		this.httpStatus = httpStatus;
		this.grpcCode = grpcCode;
		this.serverMessage = serverMessage;
	}

	/**
	 * Return the HTTP status code, for example 404.
	 * @return the status code
	 */
	public int getHttpStatus() {
		return this.httpStatus;
	}

	/**
	 * Return the gRPC status code from the error body, for example 5 for {@code NOT_FOUND}.
	 * @return the code, or {@code null} if the body had none (for example a proxy's HTML page)
	 */
	public @Nullable Integer getGrpcCode() {
		return this.grpcCode;
	}

	/**
	 * Return the server's own error message.
	 * @return the message, or {@code null} if the body had none
	 */
	public @Nullable String getServerMessage() {
		return this.serverMessage;
	}

}
