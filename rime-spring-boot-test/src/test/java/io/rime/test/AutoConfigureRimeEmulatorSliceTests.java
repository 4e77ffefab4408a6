package io.rime.test;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.json.JsonTest;

import io.rime.client.RimeClient;
import io.rime.emulator.MutableClock;
import io.rime.emulator.RimeEmulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A test slice, which has no RIME auto-configuration of its own, gets the client, the emulator and
 * the hand-moved clock from {@link AutoConfigureRimeEmulator}.
 */
@JsonTest(properties = "rime.address=https://rime.example.com")
@AutoConfigureRimeEmulator(manualClock = true)
class AutoConfigureRimeEmulatorSliceTests {

	@Autowired
	private RimeClient rime;

	@Autowired
	private RimeEmulator emulator;

	@Autowired
	private MutableClock clock;

	@Test
	void aSliceGetsAClientOfTheEmulatorOnTheTestsClock() {
		assertThat(this.rime.getRimeInfo().version()).isNotBlank();
		assertThat(this.emulator.clock()).isSameAs(this.clock);
	}

}
