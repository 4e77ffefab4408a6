package io.rime.client.internal;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.AotServices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every record that RIME's answers are bound to can be read reflectively in an AOT-processed or
 * native application, through the registrar that {@code META-INF/spring/aot.factories} lists.
 */
class WireRuntimeHintsTests {

	@Test
	void aotFactoriesRegisterBindingHintsForEveryWireRecord() {
		RuntimeHints hints = new RuntimeHints();
		List<RuntimeHintsRegistrar> registrars = AotServices.factories().load(RuntimeHintsRegistrar.class).asList();
		assertThat(registrars).hasAtLeastOneElementOfType(WireRuntimeHints.class);
		registrars.forEach((registrar) -> registrar.registerHints(hints, getClass().getClassLoader()));

		List<Class<?>> records = Arrays.stream(Wire.class.getDeclaredClasses()).filter(Class::isRecord).toList();
		assertThat(records).hasSizeGreaterThan(30).contains(Wire.JobResponse.class, Wire.RimeInfoResponse.class);
		for (Class<?> record : records) {
			assertThat(RuntimeHintsPredicates.reflection().onType(record)).as(record.getName()).accepts(hints);
			assertThat(RuntimeHintsPredicates.reflection().onConstructor(record.getDeclaredConstructors()[0]))
				.as(record.getName() + "'s constructor").accepts(hints);
			for (RecordComponent component : record.getRecordComponents()) {
				assertThat(RuntimeHintsPredicates.reflection().onMethod(component.getAccessor()))
					.as(record.getName() + "." + component.getName()).accepts(hints);
			}
		}
	}

}
