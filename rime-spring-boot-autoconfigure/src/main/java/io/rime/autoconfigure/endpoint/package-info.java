/**
 * Auto-configuration of the {@code rime} actuator endpoint.
 */
@NullMarked
package io.rime.autoconfigure.endpoint;

import org.jspecify.annotations.NullMarked;
