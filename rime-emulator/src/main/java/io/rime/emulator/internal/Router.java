package io.rime.emulator.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Matches a method and a decoded path against route templates such as
 * {@code /v1/jobs/{jobId}/project-id}. Routes with more literal segments win.
 */
final class Router {

	private final List<Route> routes = new ArrayList<>();

	Router add(String method, String template, Function<ApiRequest, ApiResponse> handler) {
		this.routes.add(new Route(method, template.substring(1).split("/"), handler));
		this.routes.sort((a, b) -> Long.compare(b.literals(), a.literals()));
		return this;
	}

	/**
	 * Finds the route of a request.
	 * @param method the request method
	 * @param segments the decoded path segments
	 * @param variables receives the path variables of the match
	 * @return the handler
	 * @throws ApiError 404 when no route has this path, 405 when none has this method
	 */
	Function<ApiRequest, ApiResponse> route(String method, List<String> segments, Map<String, String> variables) {
		boolean pathKnown = false;
		for (Route route : this.routes) {
			Map<String, String> matched = route.match(segments);
			if (matched != null) {
				pathKnown = true;
				if (route.method().equals(method)) {
					variables.putAll(matched);
					return route.handler();
				}
			}
		}
		if (pathKnown) {
			throw new ApiError(GrpcCode.UNIMPLEMENTED, 405,
					"method " + method + " is not allowed on /" + String.join("/", segments));
		}
		throw ApiError.notFound("no endpoint at /" + String.join("/", segments));
	}

	private record Route(String method, String[] template, Function<ApiRequest, ApiResponse> handler) {

		long literals() {
			return java.util.Arrays.stream(this.template).filter((part) -> !part.startsWith("{")).count();
		}

		@Nullable Map<String, String> match(List<String> segments) {
			if (segments.size() != this.template.length) {
				return null;
			}
			Map<String, String> variables = new HashMap<>();
			for (int i = 0; i < this.template.length; i++) {
				String part = this.template[i];
				if (part.startsWith("{")) {
					variables.put(part.substring(1, part.length() - 1), segments.get(i));
				}
				else if (!part.equals(segments.get(i))) {
					return null;
				}
			}
			return variables;
		}

	}

}
