package io.rime.client.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a leak would leave behind: live threads, open client connections to a port, and the TCP
 * sockets of this JVM. Sockets are read from Linux's {@code /proc}; elsewhere they are not counted.
 */
public final class Resources {

	private static final List<Path> SOCKET_TABLES = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));

	private static final Path FILE_DESCRIPTORS = Path.of("/proc/self/fd");

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
	public static long count(Map<Long, String> threads, List<String> ignoredPrefixes) {
		return threads.values().stream().filter((name) -> ignoredPrefixes.stream().noneMatch(name::startsWith)).count();
	}

	/**
	 * Count the threads alive now, except those named with a prefix to ignore.
	 * @param ignoredPrefixes threads that are someone else's business
	 * @return the count
	 */
	public static long liveThreads(List<String> ignoredPrefixes) {
		return count(threads(), ignoredPrefixes);
	}

	static boolean canCountConnections() {
		return Files.isReadable(SOCKET_TABLES.get(0));
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
		return (int) socketTableRows().stream()
			.filter((columns) -> columns[2].endsWith(port) && columns[3].equals(ESTABLISHED))
			.count();
	}

	/**
	 * Count the TCP sockets this JVM holds open: listening ones and both ends of every loopback
	 * connection.
	 * @return the count, or 0 where {@code /proc} cannot be read
	 */
	public static long tcpSockets() {
		if (!Files.isDirectory(FILE_DESCRIPTORS) || !canCountConnections()) {
			return 0;
		}
		try (Stream<Path> descriptors = Files.list(FILE_DESCRIPTORS)) {
			Set<String> inodes = descriptors.map(Resources::socketInode)
				.filter((inode) -> !inode.isEmpty())
				.collect(Collectors.toSet());
			return socketTableRows().stream().filter((columns) -> columns.length > 9 && inodes.contains(columns[9]))
				.count();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// Columns: sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode ...; the
	// first line names them.
	private static List<String[]> socketTableRows() {
		List<String[]> rows = new ArrayList<>();
		for (Path table : SOCKET_TABLES) {
			if (!Files.isReadable(table)) {
				continue;
			}
			try {
				Files.readAllLines(table).stream().skip(1).map((line) -> line.trim().split("\\s+")).forEach(rows::add);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return rows;
	}

	private static String socketInode(Path descriptor) {
		try {
			String target = Files.readSymbolicLink(descriptor).toString();
			return target.startsWith("socket:[") ? target.substring(8, target.length() - 1) : "";
		}
		catch (IOException ex) {
			// Closed between listing and reading: not open any more.
			return "";
		}
	}

}
