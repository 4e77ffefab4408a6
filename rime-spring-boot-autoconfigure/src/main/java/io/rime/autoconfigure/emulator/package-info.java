/**
 * Auto-configuration of an embedded RIME emulator, used when {@code rime-emulator} is on the class path and no {@code rime.address} is set.
 */
@NullMarked
package io.rime.autoconfigure.emulator;

import org.jspecify.annotations.NullMarked;
