package io.rime.client.internal;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * Registers the reflection that Jackson needs to bind RIME's answers to the {@link Wire} records,
 * so that an AOT-processed or native application can read them; listed in
 * {@code META-INF/spring/aot.factories}.
 */
final class WireRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		new BindingReflectionHintsRegistrar().registerReflectionHints(hints.reflection(),
				Arrays.stream(Wire.class.getDeclaredClasses()).filter(Class::isRecord).toArray(Class<?>[]::new));
	}

}
