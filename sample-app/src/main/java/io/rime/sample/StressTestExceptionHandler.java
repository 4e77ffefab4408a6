package io.rime.sample;

import java.net.URI;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import io.rime.client.RimeApiException;
import io.rime.client.RimeConnectionException;
import io.rime.client.RimeException;

/**
 * Turns the failures of the {@link StressTestController} into RFC 9457 problem details: Spring
 * MVC's own (malformed JSON, wrong parameter types, unsupported media types) through the base
 * class, and the SDK's here. Bad input is a 400, never a 500; no stack trace is ever sent.
 */
@RestControllerAdvice(assignableTypes = StressTestController.class)
class StressTestExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Log logger = LogFactory.getLog(StressTestExceptionHandler.class);

	static final URI INVALID_INPUT = URI.create("https://github.com/rime/rime-spring-boot/problems/invalid-input");

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String where = "";
		if (ex.getMostSpecificCause() instanceof JacksonException jackson && jackson.getLocation() != null
				&& jackson.getLocation().getLineNr() > 0) {
			where = " at line " + jackson.getLocation().getLineNr() + ", column " + jackson.getLocation().getColumnNr();
		}
		if (ex.getMostSpecificCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()
				&& mismatch.getPath().get(0).getPropertyName() != null) {
			// The body's fields are all strings; Jackson's own message names Java types, which mean nothing to a caller.
			String field = mismatch.getPath().get(0).getPropertyName();
			where += (mismatch instanceof UnrecognizedPropertyException) ? ": '" + field + "' is not a field"
					: ": '" + field + "' must be a string";
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request body is not"
				+ " a valid JSON object" + where + "; expected {\"projectId\": \"...\", \"runName\": \"...\"}"
				+ " (both optional) or no body");
		problem.setType(INVALID_INPUT);
		problem.setTitle("Malformed request body");
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	@ExceptionHandler
	ResponseEntity<Object> invalidInput(IllegalArgumentException ex, WebRequest request) {
		// The SDK checks arguments before calling RIME and says what it expected.
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setType(INVALID_INPUT);
		problem.setTitle("Invalid input");
		return handleExceptionInternal(ex, problem, null, HttpStatus.BAD_REQUEST, request);
	}

	@ExceptionHandler
	ResponseEntity<Object> rimeAnswered(RimeApiException ex, WebRequest request) {
		HttpStatus status = switch (ex.getHttpStatus()) {
			case 404 -> HttpStatus.NOT_FOUND;
			case 400, 409, 412 -> HttpStatus.BAD_REQUEST;
			default -> HttpStatus.BAD_GATEWAY;
		};
		String detail = (ex.getServerMessage() != null) ? ex.getServerMessage() : ex.getMessage();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle((status == HttpStatus.BAD_GATEWAY) ? "RIME answered an error" : status.getReasonPhrase());
		problem.setProperty("rimeStatus", ex.getHttpStatus());
		if (status == HttpStatus.BAD_GATEWAY) {
			logger.warn("RIME answered " + ex.getHttpStatus() + ": " + ex.getMessage());
		}
		return handleExceptionInternal(ex, problem, null, status, request);
	}

	@ExceptionHandler
	ResponseEntity<Object> rimeUnreachable(RimeConnectionException ex, WebRequest request) {
		logger.warn("RIME could not be reached: " + ex.getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"RIME could not be reached; see GET /actuator/health");
		problem.setTitle("RIME unavailable");
		return handleExceptionInternal(ex, problem, null, HttpStatus.SERVICE_UNAVAILABLE, request);
	}

	@ExceptionHandler
	ResponseEntity<Object> rimeFailed(RimeException ex, WebRequest request) {
		logger.warn("A RIME call failed: " + ex.getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, ex.getMessage());
		problem.setTitle("RIME call failed");
		return handleExceptionInternal(ex, problem, null, HttpStatus.BAD_GATEWAY, request);
	}

}
