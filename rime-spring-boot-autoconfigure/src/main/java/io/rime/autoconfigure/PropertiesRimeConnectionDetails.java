package io.rime.autoconfigure;

import java.net.URI;

import org.jspecify.annotations.Nullable;

/**
 * Adapts {@link RimeProperties} to {@link RimeConnectionDetails}, checking the values.
 */
class PropertiesRimeConnectionDetails implements RimeConnectionDetails {

	private final RimeProperties properties;

	private final RimeConfigurationChecks.EmulatorState emulatorState;

	PropertiesRimeConnectionDetails(RimeProperties properties, RimeConfigurationChecks.EmulatorState emulatorState) {
		this.properties = properties;
		this.emulatorState = emulatorState;
	}

	@Override
	public URI getAddress() {
		String address = this.properties.getAddress();
		if (address == null) {
			throw RimeConfigurationChecks.missingAddress(this.emulatorState);
		}
		return RimeConfigurationChecks.address(address);
	}

	@Override
	public @Nullable String getApiKey() {
		return RimeConfigurationChecks.apiKey(this.properties.getApiKey());
	}

	@Override
	public @Nullable String getDefaultProjectId() {
		String id = this.properties.getDefaultProjectId();
		return (id != null && !id.isBlank()) ? RimeConfigurationChecks.defaultProjectId(id.strip()) : null;
	}

	@Override
	public String toString() {
		String address = this.properties.getAddress();
		// Never show credentials, even in an address that startup will refuse.
		return "PropertiesRimeConnectionDetails[address="
				+ ((address != null) ? address.replaceAll("//[^/@]*@", "//******@") : null) + "]";
	}

}
