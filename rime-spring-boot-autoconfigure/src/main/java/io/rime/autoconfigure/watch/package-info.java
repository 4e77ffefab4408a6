/**
 * Auto-configuration of the job watcher, on with {@code rime.watcher.enabled=true}.
 */
@NullMarked
package io.rime.autoconfigure.watch;

import org.jspecify.annotations.NullMarked;
