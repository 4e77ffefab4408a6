/**
 * Typed stress test results: a {@link io.rime.client.results.RimeTestRun} with its test batches, its test
 * cases streamed page by page, their metrics, and helpers to gate a deploy on them.
 */
@NullMarked
package io.rime.client.results;

import org.jspecify.annotations.NullMarked;
