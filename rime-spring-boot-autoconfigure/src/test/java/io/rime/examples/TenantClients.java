package io.rime.examples;

// README example starts here
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.rime.client.RimeClient;
import io.rime.client.RimeClientBuilder;

@Configuration(proxyBeanMethods = false)
class TenantClients {

	@Bean(defaultCandidate = false)
	@Qualifier("tenantB")
	RimeClient tenantBRime(RimeClientBuilder builder, @Value("${tenant-b.rime.address}") String address,
			@Value("${tenant-b.rime.api-key}") String apiKey) {
		return builder.address(address).apiKey(apiKey).build();
	}

}
