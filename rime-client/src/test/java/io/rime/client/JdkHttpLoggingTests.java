package io.rime.client;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.rime.emulator.RimeEmulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JDK's {@code HttpURLConnection}, the SDK's default transport, logs every request header at
 * JUL {@code FINE}; the API key's header is masked there.
 */
class JdkHttpLoggingTests {

	private final RimeEmulator emulator = TestRime.emulator();

	private final Logger jdkHttp = Logger.getLogger("sun.net.www.protocol.http.HttpURLConnection");

	private final List<String> logged = new CopyOnWriteArrayList<>();

	private final Handler capture = new Handler() {

		@Override
		public void publish(LogRecord record) {
			JdkHttpLoggingTests.this.logged.add(record.getMessage());
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
		}

	};

	@AfterEach
	void restore() {
		this.jdkHttp.removeHandler(this.capture);
		this.jdkHttp.setLevel(null);
		this.emulator.close();
	}

	@Test
	void theApiKeyHeaderIsMaskedInTheJdkHttpLog() {
		this.jdkHttp.setLevel(Level.ALL);
		this.jdkHttp.addHandler(this.capture);
		this.capture.setLevel(Level.ALL);

		try (RimeClient client = TestRime.client(this.emulator)) {
			client.getRimeInfo();
		}

		assertThat(this.logged).anyMatch((message) -> message.contains("{rime-api-key: ******}"));
		assertThat(this.logged).noneMatch((message) -> message.contains(TestRime.API_KEY));
	}

}
