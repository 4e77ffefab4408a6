package io.rime.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.exc.MismatchedInputException;

import io.rime.client.RimeException;

/**
 * Reads a response body for {@link Transport}, turning what can go wrong while reading into what a
 * caller can act on: too large, too slow, cut short (an I/O failure, which may be retried, told by
 * {@link BoundedBody} from the byte count, never from where the parser stopped), or not the JSON
 * expected (a complete body that is malformed, which is not retried).
 */
final class ResponseBodies {

	private ResponseBodies() {
	}

	static <T> T read(HttpCall call, URI target, InputStream body, Transport.BodyReader<T> reader,
			ErrorMapper errorMapper) throws IOException {
		try {
			return unwrapped(reader, body);
		}
		catch (BoundedBody.TooLarge ex) {
			throw new RimeException("RIME sent a response to " + call.operation() + " (" + call.method() + " "
					+ target.getRawPath() + ") that is too large: " + ex.getMessage(), ex);
		}
		catch (BoundedBody.DeadlinePassed ex) {
			throw errorMapper.toConnectionException(call, target, ex);
		}
		catch (MismatchedInputException ex) {
			throw new RimeException("RIME sent a response to " + call.operation() + " (" + call.method() + " "
					+ target.getRawPath() + ") that is not the expected JSON: " + wrongType(ex), ex);
		}
		catch (JacksonException ex) {
			throw new RimeException("RIME sent a response to " + call.operation() + " (" + call.method() + " "
					+ target.getRawPath() + ") that is not the expected JSON: " + ex.getOriginalMessage(), ex);
		}
	}

	static boolean isJson(String contentType) {
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.getSubtype().endsWith("+json");
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	// Jackson's own message names the SDK's internal types; a user needs the field.
	private static String wrongType(MismatchedInputException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append((path.length() > 0) ? "." : "").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return (path.length() > 0) ? "the value of '" + path + "' has the wrong type" : ex.getOriginalMessage();
	}

	private static <T> T unwrapped(Transport.BodyReader<T> reader, InputStream body) throws IOException {
		try {
			return reader.read(body);
		}
		catch (JacksonIOException ex) {
			throw ex.getCause();
		}
	}

}
