/**
 * The emulator's internals: HTTP front end, routing, in-memory stores, job lifecycle, results
 * generation and fault injection. Not an API.
 */
@NullMarked
package io.rime.emulator.internal;

import org.jspecify.annotations.NullMarked;
