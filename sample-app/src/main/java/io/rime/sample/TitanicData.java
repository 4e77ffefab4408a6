package io.rime.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The dataset and model paths of the Titanic stress test. Paths set in {@code rime.sample.*} are
 * used as they are; for those not set, the files bundled with the application are copied to a
 * temporary folder (deleted on shutdown), because the embedded emulator, like RIME, reads files
 * by path and cannot read inside a jar. The bundled CSV is split into a reference part (the first
 * two thirds of its rows) and an evaluation part (the rest).
 */
@Component
public class TitanicData implements DisposableBean {

	static final String BUNDLED_CSV = "titanic/titanic.csv";

	static final String BUNDLED_MODEL = "titanic/titanic_example_model.py";

	private static final Log logger = LogFactory.getLog(TitanicData.class);

	private final SampleProperties properties;

	private @Nullable Path folder;

	private @Nullable Paths bundled;

	TitanicData(SampleProperties properties) {
		this.properties = properties;
	}

	/**
	 * Return the paths to start a stress test with, copying the bundled files on first use.
	 * @return the paths
	 */
	public synchronized Paths paths() {
		String ref = this.properties.getRefPath();
		String eval = this.properties.getEvalPath();
		String model = this.properties.getModelPath();
		if (ref != null && eval != null && model != null) {
			return new Paths(ref, eval, model);
		}
		Paths copies = bundled();
		return new Paths((ref != null) ? ref : copies.refPath(), (eval != null) ? eval : copies.evalPath(),
				(model != null) ? model : copies.modelPath());
	}

	private Paths bundled() {
		if (this.bundled == null) {
			try {
				Path target = Files.createTempDirectory("rime-sample-");
				this.folder = target;
				List<String> lines = readLines(BUNDLED_CSV);
				String header = lines.get(0);
				List<String> rows = lines.subList(1, lines.size());
				int split = rows.size() * 2 / 3;
				Path ref = write(target.resolve("titanic_ref.csv"), header, rows.subList(0, split));
				Path eval = write(target.resolve("titanic_eval.csv"), header, rows.subList(split, rows.size()));
				Path model = target.resolve("titanic_example_model.py");
				try (InputStream in = new ClassPathResource(BUNDLED_MODEL).getInputStream()) {
					Files.copy(in, model);
				}
				logger.info("Using the bundled Titanic data (" + split + " reference rows, " + (rows.size() - split)
						+ " evaluation rows) and stand-in model, copied to " + target);
				this.bundled = new Paths(ref.toString(), eval.toString(), model.toString());
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not copy the bundled Titanic data: " + ex.getMessage(), ex);
			}
		}
		return this.bundled;
	}

	private static List<String> readLines(String resource) throws IOException {
		try (InputStream in = new ClassPathResource(resource).getInputStream()) {
			List<String> lines = new ArrayList<>(
					new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter((line) -> !line.isBlank()).toList());
			if (lines.size() < 3) {
				throw new IOException(resource + " has " + lines.size() + " lines; expected a header and rows");
			}
			return lines;
		}
	}

	private static Path write(Path file, String header, List<String> rows) throws IOException {
		List<String> lines = new ArrayList<>(rows.size() + 1);
		lines.add(header);
		lines.addAll(rows);
		return Files.write(file, lines, StandardCharsets.UTF_8);
	}

	@Override
	public synchronized void destroy() throws IOException {
		if (this.folder != null) {
			try (Stream<Path> files = Files.walk(this.folder)) {
				for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
					Files.deleteIfExists(file);
				}
			}
			this.folder = null;
			this.bundled = null;
		}
	}

	/**
	 * Where the data of a stress test are.
	 *
	 * @param refPath the reference dataset
	 * @param evalPath the evaluation dataset
	 * @param modelPath the model
	 */
	public record Paths(String refPath, String evalPath, String modelPath) {
	}

}
