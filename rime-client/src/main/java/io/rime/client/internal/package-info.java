/**
 * Implementation of the SDK (transport, wire types, mapping, retries, CSV). Not public API:
 * anything here may change in any release.
 */
@NullMarked
package io.rime.client.internal;

import org.jspecify.annotations.NullMarked;
