/**
 * The emulator's real data checks: drift, abnormal inputs and data cleanliness computed by
 * streaming a reference and an evaluation CSV file, after RIME's published definitions. Not an
 * API.
 */
@NullMarked
package io.rime.emulator.internal.checks;

import org.jspecify.annotations.NullMarked;
