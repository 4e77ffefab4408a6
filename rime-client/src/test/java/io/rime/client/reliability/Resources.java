package io.rime.client.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a leak would leave behind: live threads, and open client connections to a port. The
 * connections are read from Linux's socket tables; elsewhere they are not counted.
 */
final class Resources {

	private static final Path[] SOCKET_TABLES = { Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6") };

	private static final String ESTABLISHED = "01";

	private Resources() {
	}

	/**
	 * Return the live threads by id.
	 * @return thread id to name
	 */
	static Map<Long, String> threads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter(Thread::isAlive)
			.collect(Collectors.toMap(Thread::getId, Thread::getName, (first, second) -> first));
	}

	/**
	 * Return the threads alive now that were not before, except those named with a prefix to ignore.
	 * @param before the threads before
	 * @param ignoredPrefixes threads that are someone else's business, such as the emulator's
	 * @return the names of the new threads
	 */
	static Set<String> newThreads(Map<Long, String> before, List<String> ignoredPrefixes) {
		return threads().entrySet()
			.stream()
			.filter((thread) -> !before.containsKey(thread.getKey())
					&& ignoredPrefixes.stream().noneMatch(thread.getValue()::startsWith))
			.map(Map.Entry::getValue)
			.collect(Collectors.toSet());
	}

	/**
	 * Count threads, except those named with a prefix to ignore.
	 * @param threads thread id to name
	 * @param ignoredPrefixes threads that are someone else's business
	 * @return the count
	 */
	static long count(Map<Long, String> threads, List<String> ignoredPrefixes) {
		return threads.values().stream().filter((name) -> ignoredPrefixes.stream().noneMatch(name::startsWith)).count();
	}

	static boolean canCountConnections() {
		return Files.isReadable(SOCKET_TABLES[0]);
	}

	/**
	 * Count established connections from this host to a local port: the client ends of the
	 * connections to a server in this JVM.
	 * @param serverPort the server's port
	 * @return the count, or -1 where the socket tables cannot be read
	 */
	static int openConnectionsTo(int serverPort) {
		if (!canCountConnections()) {
			return -1;
		}
		String port = String.format(Locale.ROOT, ":%04X", serverPort);
		int count = 0;
		for (Path table : SOCKET_TABLES) {
			if (!Files.isReadable(table)) {
				continue;
			}
			List<String> lines;
			try {
				lines = Files.readAllLines(table);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			// Columns: sl local_address rem_address st ...; the first line names them.
			for (String line : lines.subList(1, lines.size())) {
				String[] fields = line.trim().split("\\s+");
				if (fields[2].endsWith(port) && fields[3].equals(ESTABLISHED)) {
					count++;
				}
			}
		}
		return count;
	}

}
