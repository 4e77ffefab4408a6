package io.rime.autoconfigure.watch;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.SimpleApplicationEventMulticaster;
import org.springframework.context.support.AbstractApplicationContext;

import io.rime.watch.RimeJobWatcher;

/**
 * Publishes the watcher's events to each listener of the application context on its own, so
 * that a listener that throws is logged and the listeners after it still get the event.
 * <p>
 * Spring's own multicaster stops at the first listener that throws and hands the exception
 * back to the publisher, and replacing the application's {@code applicationEventMulticaster}
 * would change every event of the application, not only RIME's. So the watcher's events go
 * through a multicaster of their own that sees the same listeners, in the same order, as the
 * context's at the time of the event, including listeners added after the first one. A parent context gets the event as well, as with
 * {@link ApplicationContext#publishEvent(Object)}.
 */
final class ListenerIsolatingEventPublisher implements ApplicationEventPublisher {

	private static final Log logger = LogFactory.getLog(RimeJobWatcher.class);

	private final AbstractApplicationContext context;

	private volatile @Nullable Current current;

	ListenerIsolatingEventPublisher(AbstractApplicationContext context) {
		this.context = context;
	}

	@Override
	public void publishEvent(Object event) {
		ApplicationEvent applicationEvent = (event instanceof ApplicationEvent given) ? given
				: new PayloadApplicationEvent<>(this.context, event);
		multicaster().multicastEvent(applicationEvent);
		ApplicationContext parent = this.context.getParent();
		if (parent != null) {
			parent.publishEvent(event);
		}
	}

	// Rebuilt whenever the context's listeners changed since the last event (Spring's test
	// framework adds the listener of @RecordApplicationEvents to a running context, and so may an
	// application), so that every listener the context has now gets the event. Listeners rarely
	// change, so most events reuse the multicaster and its cache.
	private SimpleApplicationEventMulticaster multicaster() {
		List<ApplicationListener<?>> listeners = List.copyOf(this.context.getApplicationListeners());
		Current current = this.current;
		if (current == null || !current.listeners().equals(listeners)) {
			synchronized (this) {
				current = this.current;
				if (current == null || !current.listeners().equals(listeners)) {
					current = new Current(listeners, new IsolatingMulticaster(this.context, listeners));
					this.current = current;
				}
			}
		}
		return current.multicaster();
	}

	private record Current(List<ApplicationListener<?>> listeners, SimpleApplicationEventMulticaster multicaster) {
	}

	private static final class IsolatingMulticaster extends SimpleApplicationEventMulticaster {

		IsolatingMulticaster(AbstractApplicationContext context, List<ApplicationListener<?>> listeners) {
			super(context.getBeanFactory());
			listeners.forEach(this::addApplicationListener);
			for (String name : context.getBeanNamesForType(ApplicationListener.class, true, false)) {
				addApplicationListenerBean(name);
			}
		}

		@Override
		protected void invokeListener(ApplicationListener<?> listener, ApplicationEvent event) {
			try {
				super.invokeListener(listener, event);
			}
			catch (RuntimeException ex) {
				logger.warn("RIME job watcher: listener " + listener + " failed on " + event
						+ "; the other listeners still get it and the watcher goes on", ex);
			}
		}

	}

}
