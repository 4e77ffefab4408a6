package io.rime.benchmarks;

import java.io.IOException;
import java.io.Writer;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import io.rime.emulator.internal.checks.DataCheckReport;
import io.rime.emulator.internal.checks.DataCheckSpec;
import io.rime.emulator.internal.checks.DataChecks;

/**
 * P8: the emulator's data checks over a reference and an evaluation CSV of 10,000, 100,000 and
 * 1,000,000 rows x 20 columns (12 float columns with 1% nulls, 2 integer, 6 categorical with 3 to
 * 40 levels; the evaluation shifted a little), single-threaded in the calling thread: the best
 * wall time and the best thread CPU time of three runs (CPU time leaves out the waits for a core
 * on a busy machine; a serial collector's pauses are in the wall time only), then the live-heap
 * growth in a fourth run. Run it with
 * {@code -Xmx64m} (bench/run.sh does) to show that the heap does not grow with the rows. Writes
 * {@code p8-data-checks.json}.
 */
public final class DataChecksBenchmark {

	private static final int RUNS = 3;

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private DataChecksBenchmark() {
	}

	/**
	 * Run the benchmark.
	 * @param args optionally the row counts (default 10000 100000 1000000)
	 * @throws IOException if the files cannot be written
	 */
	public static void main(String[] args) throws IOException {
		List<Integer> sizes = new ArrayList<>();
		for (String arg : args) {
			sizes.add(Integer.parseInt(arg));
		}
		if (sizes.isEmpty()) {
			sizes.addAll(List.of(10_000, 100_000, 1_000_000));
		}
		Path directory = Files.createTempDirectory("rime-bench-checks");
		List<Map<String, Object>> rows = new ArrayList<>();
		try {
			for (int size : sizes) {
				Path ref = write(directory.resolve("ref-" + size + ".csv"), size, 1, 0);
				Path eval = write(directory.resolve("eval-" + size + ".csv"), size, 2, 0.05);
				DataCheckSpec spec = new DataCheckSpec(ref, ref.toString(), eval, eval.toString(), null, Set.of(),
						Set.of(), List.of());
				double best = Double.MAX_VALUE;
				double bestCpu = Double.MAX_VALUE;
				double gc = 0;
				int cases = 0;
				for (int run = 0; run < RUNS; run++) {
					long gcBefore = gcMillis();
					long cpuStart = THREADS.getCurrentThreadCpuTime();
					long start = System.nanoTime();
					DataCheckReport report = DataChecks.run(spec, "bench", List.of(), (bytes) -> {
					});
					double seconds = (System.nanoTime() - start) / 1e9;
					if (seconds < best) {
						best = seconds;
						gc = (gcMillis() - gcBefore) / 1000.0;
					}
					bestCpu = Math.min(bestCpu, (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9);
					cases = report.testCases().size();
				}
				long growth;
				try (HeapGrowth heap = new HeapGrowth()) {
					DataChecks.run(spec, "bench", List.of(), (bytes) -> {
					});
					growth = heap.bytes();
				}
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("rows", size);
				row.put("columns", 20);
				row.put("bytesPerFile", Files.size(ref));
				row.put("testCases", cases);
				row.put("bestSeconds", Math.round(best * 1000) / 1000.0);
				row.put("bestThreadCpuSeconds", Math.round(bestCpu * 1000) / 1000.0);
				row.put("gcSecondsInBestRun", gc);
				row.put("loadAverage", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
				row.put("liveHeapGrowthBytes", growth);
				row.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
				System.out.println("P8 " + row);
				rows.add(row);
				Files.delete(ref);
				Files.delete(eval);
			}
		}
		finally {
			Files.deleteIfExists(directory);
		}
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("runs", rows);
		result.put("goalSecondsAtAMillionRows", 6);
		BenchSupport.writeResult("p8-data-checks", result);
	}

	private static long gcMillis() {
		long total = 0;
		for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
			total += Math.max(0, collector.getCollectionTime());
		}
		return total;
	}

	/** Writes a file of the benchmark's shape; the shift moves the evaluation's means and levels. */
	private static Path write(Path file, int rows, long seed, double shift) throws IOException {
		SplittableRandom random = new SplittableRandom(seed);
		int[] levels = { 3, 5, 8, 12, 20, 40 };
		try (Writer writer = Files.newBufferedWriter(file)) {
			StringBuilder header = new StringBuilder();
			for (int i = 0; i < 12; i++) {
				header.append("f").append(i).append(',');
			}
			header.append("count,age,");
			for (int i = 0; i < 6; i++) {
				header.append("c").append(i).append((i < 5) ? "," : "\n");
			}
			writer.write(header.toString());
			StringBuilder line = new StringBuilder(256);
			for (int row = 0; row < rows; row++) {
				line.setLength(0);
				for (int i = 0; i < 12; i++) {
					if (random.nextInt(100) != 0) {
						line.append(Math.round((random.nextGaussian() * (i + 1) + shift * (i + 1)) * 1e4) / 1e4);
					}
					line.append(',');
				}
				line.append(random.nextInt(1000)).append(',').append(18 + random.nextInt(70)).append(',');
				for (int i = 0; i < 6; i++) {
					int level = (int) Math.min(levels[i] - 1, Math.abs(random.nextGaussian() + shift) * levels[i] / 3);
					line.append("level-").append(level).append((i < 5) ? ',' : '\n');
				}
				writer.write(line.toString());
			}
		}
		return file;
	}

}
