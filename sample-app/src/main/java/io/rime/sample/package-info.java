/**
 * The sample application: runs the Titanic stress test on start-up, reports its progress and
 * results, and offers a small REST API for trying the starter.
 */
@NullMarked
package io.rime.sample;

import org.jspecify.annotations.NullMarked;
