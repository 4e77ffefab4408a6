/**
 * The job watcher across replicas: leader election on Spring Integration's
 * {@code LockRegistryLeaderInitiator} and a ledger of watched and announced jobs in a database,
 * fenced by the leader's epoch.
 */
@NullMarked
package io.rime.watch.cluster;

import org.jspecify.annotations.NullMarked;
