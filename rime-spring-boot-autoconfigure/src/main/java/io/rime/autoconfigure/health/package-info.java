/**
 * Auto-configuration of the RIME health indicator and info contributor.
 */
@NullMarked
package io.rime.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
