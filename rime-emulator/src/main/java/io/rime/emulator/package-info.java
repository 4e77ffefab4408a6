/**
 * A local RIME backend that speaks RIME's REST v1 API in memory, for development and tests.
 *
 * <p>Start one with {@link io.rime.emulator.RimeEmulator#builder()}, or run the jar standalone.
 */
@NullMarked
package io.rime.emulator;

import org.jspecify.annotations.NullMarked;
