package io.rime.client.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The threads and TCP sockets of this JVM that a client could leave behind. The emulator's request
 * threads are not counted: its pool keeps idle threads for a minute, which says nothing of the
 * client. Sockets are read from {@code /proc} where there is one (Linux); elsewhere only threads
 * are compared.
 *
 * @param threads live threads, the emulator's request threads and Awaitility's excepted
 * @param sockets open TCP sockets: listening ones and both ends of every loopback connection
 */
record Resources(long threads, long sockets) {

	private static final Path FILE_DESCRIPTORS = Path.of("/proc/self/fd");

	private static final List<Path> TCP_TABLES = List.of(Path.of("/proc/self/net/tcp"), Path.of("/proc/self/net/tcp6"));

	static Resources now() {
		long threads = Thread.getAllStackTraces()
			.keySet()
			.stream()
			.map(Thread::getName)
			.filter((name) -> !name.startsWith("rime-emulator-") && !name.startsWith("awaitility"))
			.count();
		return new Resources(threads, countTcpSockets());
	}

	boolean isWithin(Resources before) {
		return this.threads <= before.threads && this.sockets <= before.sockets;
	}

	private static long countTcpSockets() {
		if (!Files.isDirectory(FILE_DESCRIPTORS)) {
			return 0;
		}
		try (Stream<Path> descriptors = Files.list(FILE_DESCRIPTORS)) {
			Set<String> inodes = descriptors.map(Resources::socketInode)
				.filter((inode) -> !inode.isEmpty())
				.collect(Collectors.toSet());
			long count = 0;
			for (Path table : TCP_TABLES) {
				// Columns: sl local remote state tx:rx tr:when retrnsmt uid timeout inode ...
				count += Files.readAllLines(table).stream()
					.skip(1)
					.map((line) -> line.trim().split("\\s+"))
					.filter((columns) -> columns.length > 9 && inodes.contains(columns[9]))
					.count();
			}
			return count;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
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
