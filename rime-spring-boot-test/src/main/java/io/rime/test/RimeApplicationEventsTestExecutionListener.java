package io.rime.test;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.ApplicationEventsHolder;
import org.springframework.test.context.event.ApplicationEventsTestExecutionListener;

import io.rime.watch.RimeJobFinishedEvent;
import io.rime.watch.RimeJobStatusChangedEvent;

/**
 * Lets {@code @RecordApplicationEvents} record the RIME job watcher's events. Spring's test
 * framework records only events published on the test's thread (or a thread it started), and the
 * watcher publishes on its own thread, started with the context; so, while a test records events,
 * this hands each RIME event to the recorder on a thread started by the test's thread.
 */
public final class RimeApplicationEventsTestExecutionListener implements TestExecutionListener, Ordered {

	private static final String RECORDER_CLASS = "org.springframework.test.context.event.ApplicationEventsApplicationListener";

	private static final String BRIDGE = RimeApplicationEventsTestExecutionListener.class.getName() + ".bridge";

	@Override
	public int getOrder() {
		// After Spring's listener has started recording for the test method.
		return ApplicationEventsTestExecutionListener.ORDER + 10;
	}

	@Override
	public void beforeTestMethod(TestContext testContext) {
		if (ApplicationEventsHolder.getApplicationEvents() == null || !testContext.hasApplicationContext()
				|| !(testContext.getApplicationContext() instanceof ConfigurableApplicationContext context)) {
			return;
		}
		ApplicationListener<?> recorder = recorder(context);
		if (recorder != null) {
			Bridge bridge = new Bridge(recorder);
			context.addApplicationListener(bridge);
			testContext.setAttribute(BRIDGE, bridge);
		}
	}

	@Override
	public void afterTestMethod(TestContext testContext) {
		if (testContext.removeAttribute(BRIDGE) instanceof Bridge bridge) {
			if (testContext.getApplicationContext() instanceof ConfigurableApplicationContext context) {
				context.removeApplicationListener(bridge);
			}
			bridge.close();
		}
	}

	private static @Nullable ApplicationListener<?> recorder(ConfigurableApplicationContext context) {
		if (!(context instanceof AbstractApplicationContext listenersKnown)) {
			return null;
		}
		return listenersKnown.getApplicationListeners()
			.stream()
			.filter((listener) -> listener.getClass().getName().equals(RECORDER_CLASS))
			.findFirst()
			.orElse(null);
	}

	/**
	 * Hands RIME events published on other threads to the recorder, on a thread that records for
	 * the test.
	 */
	private static final class Bridge implements ApplicationListener<ApplicationEvent>, AutoCloseable {

		private final ApplicationListener<ApplicationEvent> recorder;

		private final ExecutorService recordingThread;

		@SuppressWarnings("unchecked")
		Bridge(ApplicationListener<?> recorder) {
			this.recorder = (ApplicationListener<ApplicationEvent>) recorder;
			// Created on the test's thread, so that it inherits the test's ApplicationEvents.
			this.recordingThread = Executors.newSingleThreadExecutor((task) -> {
				Thread thread = new Thread(task, "rime-application-events");
				thread.setDaemon(true);
				return thread;
			});
			this.recordingThread.submit(ApplicationEventsHolder::getApplicationEvents);
		}

		@Override
		public void onApplicationEvent(ApplicationEvent event) {
			if (!(event instanceof RimeJobFinishedEvent || event instanceof RimeJobStatusChangedEvent)) {
				return;
			}
			ApplicationEvents here = ApplicationEventsHolder.getApplicationEvents();
			if (here != null) {
				// Published on a recording thread: Spring's recorder has it already.
				return;
			}
			try {
				this.recordingThread.submit(() -> this.recorder.onApplicationEvent(event)).get(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (ExecutionException | TimeoutException ex) {
				throw new IllegalStateException("Could not record " + event, ex);
			}
		}

		@Override
		public void close() {
			this.recordingThread.shutdownNow();
		}

	}

}
