/**
 * Test support for code that uses RIME, on the RIME emulator:
 * {@link io.rime.test.AutoConfigureRimeEmulator} for Spring Boot tests and
 * {@link io.rime.test.RimeEmulatorTest}, a JUnit extension for SDK-only tests.
 */
@NullMarked
package io.rime.test;

import org.jspecify.annotations.NullMarked;
