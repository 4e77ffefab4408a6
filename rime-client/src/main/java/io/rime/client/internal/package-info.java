/**
 * Implementation of the SDK (transport, wire types, mapping, retries, CSV), composed in one
 * place, {@link io.rime.client.internal.Sdk}; all else here is package-private. Not public API:
 * anything here may change in any release.
 */
@NullMarked
package io.rime.client.internal;

import org.jspecify.annotations.NullMarked;
