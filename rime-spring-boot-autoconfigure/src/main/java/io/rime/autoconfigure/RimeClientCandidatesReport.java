package io.rime.autoconfigure;

import java.util.Arrays;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AbstractBeanDefinition;

import io.rime.client.RimeClient;

/**
 * Logs, once the context has its beans, that the application's own {@link RimeClient} beans
 * replace the auto-configured one, and whether the features that need one client (the watcher,
 * the {@code rime} endpoint, the info contributor) have one to follow.
 */
final class RimeClientCandidatesReport implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(RimeAutoConfiguration.class);

	private final ConfigurableListableBeanFactory beanFactory;

	RimeClientCandidatesReport(ConfigurableListableBeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	public void afterSingletonsInstantiated() {
		List<String> candidates = Arrays.stream(this.beanFactory.getBeanNamesForType(RimeClient.class, true, false))
			.filter(this::isDefaultCandidate)
			.toList();
		if (candidates.isEmpty()) {
			return;
		}
		logger.info("RIME: the application declares its own RimeClient bean" + ((candidates.size() > 1) ? "s " : " ")
				+ candidates + ", so the auto-configured client, its 'rime.*' client settings and its observations"
				+ " are not created. Declare a client with @Bean(defaultCandidate = false) to keep the"
				+ " auto-configured one beside it, or build yours from the RimeClientBuilder bean.");
		if (candidates.size() > 1 && candidates.stream().noneMatch(this::isPrimary)) {
			logger.warn("RIME: " + candidates.size() + " RimeClient beans " + candidates + " and none is @Primary,"
					+ " so the job watcher, the 'rime' actuator endpoint and the 'rime' info contributor are not"
					+ " configured. Mark the client they should use @Primary, or declare the others with"
					+ " @Bean(defaultCandidate = false).");
		}
	}

	private boolean isDefaultCandidate(String name) {
		return !this.beanFactory.containsBeanDefinition(name)
				|| !(this.beanFactory.getBeanDefinition(name) instanceof AbstractBeanDefinition definition)
				|| definition.isDefaultCandidate();
	}

	private boolean isPrimary(String name) {
		if (!this.beanFactory.containsBeanDefinition(name)) {
			return false;
		}
		BeanDefinition definition = this.beanFactory.getBeanDefinition(name);
		return definition.isPrimary();
	}

}
