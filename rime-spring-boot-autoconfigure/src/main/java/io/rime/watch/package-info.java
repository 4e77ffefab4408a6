/**
 * The job watcher: one background poller per application that turns RIME job status changes into Spring application events.
 */
@NullMarked
package io.rime.watch;

import org.jspecify.annotations.NullMarked;
