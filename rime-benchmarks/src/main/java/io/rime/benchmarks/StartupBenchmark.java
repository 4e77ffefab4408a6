package io.rime.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import io.rime.emulator.RimeEmulator;

/**
 * P3: what the starter adds to an application's start. Starts a non-web
 * {@code @EnableAutoConfiguration} application with everything on this classpath (Boot's REST
 * client, Jackson, actuator, metrics), with and without the RIME auto-configurations (excluded by
 * {@code spring.autoconfigure.exclude}), alternating, and takes the medians; and counts the
 * requests RIME has received when {@code run} returns. Writes {@code p3-startup.json}.
 */
public final class StartupBenchmark {

	private StartupBenchmark() {
	}

	/**
	 * Run the benchmark.
	 * @param args optionally the number of measured starts of each kind (default 30)
	 */
	public static void main(String[] args) {
		int runs = (args.length > 0) ? Integer.parseInt(args[0]) : 30;
		List<String> rime = new ArrayList<>();
		ImportCandidates.load(AutoConfiguration.class, StartupBenchmark.class.getClassLoader())
			.forEach((name) -> {
				if (name.startsWith("io.rime.")) {
					rime.add(name);
				}
			});
		try (RimeEmulator emulator = RimeEmulator.builder().apiKey(BenchSupport.API_KEY).build().start()) {
			String[] common = { "--rime.address=" + emulator.baseUrl(), "--rime.api-key=" + emulator.apiKey(),
					"--spring.main.banner-mode=off", "--spring.main.log-startup-info=false" };
			String[] without = with(common, "--spring.autoconfigure.exclude=" + String.join(",", rime));
			String[] withWatcher = with(common, "--rime.watcher.enabled=true");
			for (int i = 0; i < Math.max(5, runs / 4); i++) {
				start(without, emulator);
				start(common, emulator);
			}
			double[] withoutMillis = new double[runs];
			double[] withMillis = new double[runs];
			double[] withWatcherMillis = new double[runs];
			int requests = 0;
			int requestsWithWatcher = 0;
			for (int i = 0; i < runs; i++) {
				withoutMillis[i] = start(without, emulator).millis();
				Start plain = start(common, emulator);
				withMillis[i] = plain.millis();
				requests += plain.requests();
				Start watched = start(withWatcher, emulator);
				withWatcherMillis[i] = watched.millis();
				requestsWithWatcher += watched.requests();
			}
			double baseline = BenchSupport.median(withoutMillis);
			Map<String, Object> result = new LinkedHashMap<>();
			result.put("runs", runs);
			result.put("rimeAutoConfigurations", rime.size());
			result.put("withoutStarterMedianMillis", baseline);
			result.put("withStarterMedianMillis", BenchSupport.median(withMillis));
			result.put("withStarterAndWatcherMedianMillis", BenchSupport.median(withWatcherMillis));
			result.put("addedMedianMillis", BenchSupport.median(withMillis) - baseline);
			result.put("addedWithWatcherMedianMillis", BenchSupport.median(withWatcherMillis) - baseline);
			result.put("requestsDuringStart", requests);
			result.put("requestsDuringStartWithWatcher", requestsWithWatcher);
			result.put("goalAddedMillis", 50);
			System.out.println("P3 " + result);
			BenchSupport.writeResult("p3-startup", result);
		}
	}

	private static String[] with(String[] args, String more) {
		String[] all = Arrays.copyOf(args, args.length + 1);
		all[args.length] = more;
		return all;
	}

	private static Start start(String[] args, RimeEmulator emulator) {
		int before = emulator.requests().size();
		SpringApplication application = new SpringApplication(Application.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		long started = System.nanoTime();
		try (ConfigurableApplicationContext context = application.run(args)) {
			double millis = (System.nanoTime() - started) / 1e6;
			return new Start(millis, emulator.requests().size() - before);
		}
	}

	/**
	 * The application: nothing but auto-configuration.
	 */
	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	public static class Application {

	}

	private record Start(double millis, int requests) {
	}

}
