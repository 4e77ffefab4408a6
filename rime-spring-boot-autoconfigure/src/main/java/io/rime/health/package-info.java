/**
 * Health indicator and info contributor for a RIME server.
 */
@NullMarked
package io.rime.health;

import org.jspecify.annotations.NullMarked;
