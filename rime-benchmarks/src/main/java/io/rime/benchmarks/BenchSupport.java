package io.rime.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import io.rime.client.RimeClient;
import io.rime.emulator.RimeEmulator;

/**
 * What the scale benchmarks share (emulator state comes from {@link RimeEmulator#seed()}): bounded
 * waiting, heap readings and writing a result file under {@code bench/results}.
 */
public final class BenchSupport {

	/** The API key of every emulator the benchmarks start. */
	public static final String API_KEY = "sk-bench-0123456789abcdef";

	/** Reads and writes result files. */
	public static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	static {
		// The JDK HTTP server (the emulator's) stalls ~40 ms per keep-alive response without it.
		System.setProperty("sun.net.httpserver.nodelay", "true");
	}

	private BenchSupport() {
	}

	/**
	 * Return the folder result files go to: {@code -Dbench.results}, by default {@code bench/results}.
	 * @return the folder
	 */
	public static Path resultsDirectory() {
		return Path.of(System.getProperty("bench.results", "bench/results"));
	}

	/**
	 * Write one benchmark's figures as {@code <name>.json} in the results folder.
	 * @param name the file name without extension, such as {@code p5-emulator}
	 * @param figures the figures
	 */
	public static void writeResult(String name, Object figures) {
		try {
			Path directory = resultsDirectory();
			Files.createDirectories(directory);
			Path file = directory.resolve(name + ".json");
			JSON.writeValue(file.toFile(), figures);
			System.out.println("Wrote " + file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Build a client of an emulator with the SDK's defaults.
	 * @param emulator the emulator
	 * @return the client
	 */
	public static RimeClient client(RimeEmulator emulator) {
		return RimeClient.builder().address(emulator.baseUrl()).apiKey(emulator.apiKey()).build();
	}

	/**
	 * Wait until a condition holds, checking every few milliseconds, at most for the timeout.
	 * @param what what is awaited, for the failure message
	 * @param timeout the longest wait
	 * @param condition the condition
	 */
	public static void await(String what, Duration timeout, BooleanSupplier condition) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Timed out after " + timeout + " waiting for " + what);
			}
			LockSupport.parkNanos(Duration.ofMillis(2).toNanos());
		}
	}

	/**
	 * Return the heap in use after a few full collections: the live set.
	 * @return bytes
	 */
	public static long liveHeap() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	/**
	 * Return the median of some readings.
	 * @param values the readings, sorted in place
	 * @return the median
	 */
	public static double median(double[] values) {
		Arrays.sort(values);
		int middle = values.length / 2;
		return (values.length % 2 == 1) ? values[middle] : (values[middle - 1] + values[middle]) / 2;
	}

	/**
	 * GET from the emulator with its API key and return the body.
	 * @param emulator the emulator
	 * @param pathAndQuery the path and query
	 * @return the body
	 */
	public static byte[] get(RimeEmulator emulator, String pathAndQuery) {
		try {
			HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + pathAndQuery))
				.header("rime-api-key", emulator.apiKey())
				.build(), HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("GET " + pathAndQuery + " answered " + response.statusCode());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
