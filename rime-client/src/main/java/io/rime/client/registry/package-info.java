/**
 * RIME's registry: datasets and models registered once in a project and referred to by id in stress tests.
 */
@NullMarked
package io.rime.client.registry;

import org.jspecify.annotations.NullMarked;
