package io.rime.endpoint;

import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;

/**
 * The {@link RimeEndpoint} over HTTP: {@code DELETE /actuator/rime/{jobId}} answers 404 for a job
 * RIME does not know and 409 for one that has already finished, each with the reason in the body,
 * where the endpoint itself can only answer 400.
 */
@EndpointWebExtension(endpoint = RimeEndpoint.class)
public class RimeEndpointWebExtension {

	private final RimeEndpoint endpoint;

	/**
	 * Create the extension.
	 * @param endpoint the endpoint it extends
	 */
	public RimeEndpointWebExtension(RimeEndpoint endpoint) {
		this.endpoint = endpoint;
	}

	/**
	 * Ask RIME to cancel a job; allowed only with unrestricted access to the endpoint.
	 * @param jobId the job id
	 * @return 200 with the job as RIME reports it after the request; 404 or 409 (400 when RIME
	 * refuses for another reason) with a {@link RimeEndpoint.CancelRefusal}
	 */
	@DeleteOperation
	public WebEndpointResponse<Object> cancel(@Selector String jobId) {
		RimeEndpoint.Cancellation cancellation = this.endpoint.requestCancel(jobId);
		return switch (cancellation.outcome()) {
			case CANCELLING -> new WebEndpointResponse<>(cancellation.job(), WebEndpointResponse.STATUS_OK);
			case UNKNOWN_JOB -> new WebEndpointResponse<>(cancellation.refusal(), WebEndpointResponse.STATUS_NOT_FOUND);
			case FINISHED -> new WebEndpointResponse<>(cancellation.refusal(), 409);
			case REFUSED -> new WebEndpointResponse<>(cancellation.refusal(), WebEndpointResponse.STATUS_BAD_REQUEST);
		};
	}

}
