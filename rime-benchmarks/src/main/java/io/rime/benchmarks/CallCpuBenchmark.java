package io.rime.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import com.sun.management.OperatingSystemMXBean;

/**
 * P1, second view: CPU time per call for each client of {@link CallOverheadBenchmark}, which
 * unlike wall time leaves out the waits for a core and so stays meaningful on a busy machine. Two
 * figures: the calling thread's (nanosecond resolution; misses the work the JDK
 * {@code HttpClient} does on its own threads) and the whole process's (client, server, GC and the
 * HTTP clients' threads, the server's share equal for all; the OS counts it in 10 ms ticks). The
 * clients take turns in rounds; each figure is the client's best round after the first third.
 * Writes {@code p1-cpu.json}.
 */
public final class CallCpuBenchmark {

	private CallCpuBenchmark() {
	}

	/**
	 * Run the benchmark.
	 * @param args optionally the rounds (default 6) and the calls per round (default 10,000)
	 * @throws Exception if a call fails
	 */
	public static void main(String[] args) throws Exception {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 6;
		int calls = (args.length > 1) ? Integer.parseInt(args[1]) : 10_000;
		CallOverheadBenchmark benchmark = new CallOverheadBenchmark();
		benchmark.start();
		try {
			Map<String, Callable<?>> clients = new LinkedHashMap<>();
			clients.put("rawJdkHttpClient", benchmark::rawJdkHttpClient);
			clients.put("rawHttpUrlConnection", benchmark::rawHttpUrlConnection);
			clients.put("restClientJdkHttpClient", benchmark::restClientJdkHttpClient);
			clients.put("restClientSimple", benchmark::restClientSimple);
			clients.put("restClientSimpleTimeouts", benchmark::restClientSimpleTimeouts);
			clients.put("restClientApache", benchmark::restClientApache);
			clients.put("sdkDefault", benchmark::sdkDefault);
			clients.put("sdkDefaultObserved", benchmark::sdkDefaultObserved);
			clients.put("sdkInBoot", benchmark::sdkInBoot);
			clients.put("sdkJdkHttpClient", benchmark::sdkJdkHttpClient);
			clients.put("sdkApache", benchmark::sdkApache);
			ThreadMXBean threads = ManagementFactory.getThreadMXBean();
			OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
			Map<String, Double> thread = new LinkedHashMap<>();
			Map<String, Double> process = new LinkedHashMap<>();
			for (int round = 0; round < rounds; round++) {
				for (Map.Entry<String, Callable<?>> client : clients.entrySet()) {
					long threadCpu = threads.getCurrentThreadCpuTime();
					long processCpu = os.getProcessCpuTime();
					for (int i = 0; i < calls; i++) {
						client.getValue().call();
					}
					if (round >= rounds / 3) {
						thread.merge(client.getKey(), (threads.getCurrentThreadCpuTime() - threadCpu) / 1e3 / calls,
								Math::min);
						process.merge(client.getKey(), (os.getProcessCpuTime() - processCpu) / 1e3 / calls, Math::min);
					}
				}
			}
			thread.forEach((name, micros) -> System.out.printf("P1 CPU %-24s thread %6.1f us/call, process %6.1f us/call%n",
					name, micros, process.get(name)));
			BenchSupport.writeResult("p1-cpu", Map.of("rounds", rounds, "callsPerRound", calls,
					"threadCpuMicrosPerCall", thread, "processCpuMicrosPerCall", process));
		}
		finally {
			benchmark.stop();
		}
	}

}
