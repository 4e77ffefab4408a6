/**
 * The {@code rime} actuator endpoint: the RIME address, the watcher's state and the watched and finished jobs.
 */
@NullMarked
package io.rime.endpoint;

import org.jspecify.annotations.NullMarked;
