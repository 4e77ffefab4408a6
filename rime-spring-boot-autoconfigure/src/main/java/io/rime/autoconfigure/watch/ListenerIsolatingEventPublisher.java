package io.rime.autoconfigure.watch;

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
 * context's. A parent context gets the event as well, as with
 * {@link ApplicationContext#publishEvent(Object)}.
 */
final class ListenerIsolatingEventPublisher implements ApplicationEventPublisher {

	private static final Log logger = LogFactory.getLog(RimeJobWatcher.class);

	private final AbstractApplicationContext context;

	private volatile @Nullable SimpleApplicationEventMulticaster multicaster;

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

	// Built at the first event, which the watcher publishes only once the context is running, so
	// that every listener of the refreshed context is known.
	private SimpleApplicationEventMulticaster multicaster() {
		SimpleApplicationEventMulticaster multicaster = this.multicaster;
		if (multicaster == null) {
			synchronized (this) {
				multicaster = this.multicaster;
				if (multicaster == null) {
					multicaster = new IsolatingMulticaster(this.context);
					this.multicaster = multicaster;
				}
			}
		}
		return multicaster;
	}

	private static final class IsolatingMulticaster extends SimpleApplicationEventMulticaster {

		IsolatingMulticaster(AbstractApplicationContext context) {
			super(context.getBeanFactory());
			context.getApplicationListeners().forEach(this::addApplicationListener);
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
