package io.rime.readme;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import io.rime.client.RimeClient;
import io.rime.watch.RimeJobFinishedEvent;

/**
 * The README's service example as a top-level class, for the README's test of it.
 */
@Service
class ModelGate {

	private final RimeClient rime;

	ModelGate(RimeClient rime) {
		this.rime = rime;
	}

	String stressTest(String projectId) {
		return this.rime.startStressTest(Map.of("run_name", "titanic",
				"data_info", Map.of("label_col", "Survived", "ref_path", "s3://bucket/ref.csv", "eval_path", "s3://bucket/eval.csv"),
				"model_info", Map.of("path", "s3://bucket/model.py")), projectId).jobId();
	}

	@EventListener
	void onFinished(RimeJobFinishedEvent event) {
		if (event.succeeded()) {
			event.job().getResultCsv(Path.of(event.jobId() + ".csv"));
		}
	}

}
