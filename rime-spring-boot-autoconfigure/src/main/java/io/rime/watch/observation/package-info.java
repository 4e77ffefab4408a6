/**
 * Observation of the job watcher's poll cycles: the {@code rime.watcher.poll} documentation, its
 * context and its replaceable convention.
 */
@NullMarked
package io.rime.watch.observation;

import org.jspecify.annotations.NullMarked;
