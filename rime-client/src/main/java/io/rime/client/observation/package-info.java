/**
 * Observation of the SDK's operations: the {@code rime.client.operation} documentation, its
 * context and its replaceable convention.
 */
@NullMarked
package io.rime.client.observation;

import org.jspecify.annotations.NullMarked;
