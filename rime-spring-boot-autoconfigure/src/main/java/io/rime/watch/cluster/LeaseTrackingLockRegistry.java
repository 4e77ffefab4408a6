package io.rime.watch.cluster;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;

import org.springframework.integration.support.locks.LockRegistry;

/**
 * Decorates a {@link LockRegistry} to remember when the last successful {@code tryLock} began:
 * that is when the lock's time to live was last renewed in the store, so the holder's lease runs
 * from then, whatever the store's own clock says and however long later calls hang.
 */
public final class LeaseTrackingLockRegistry implements LockRegistry<Lock> {

	private final LockRegistry<?> delegate;

	private volatile long lastRenewalNanos;

	private volatile boolean renewed;

	/**
	 * Decorate a registry.
	 * @param delegate the registry whose locks are tracked
	 */
	public LeaseTrackingLockRegistry(LockRegistry<?> delegate) {
		this.delegate = delegate;
	}

	@Override
	public Lock obtain(Object lockKey) {
		return new TrackedLock(this.delegate.obtain(lockKey));
	}

	/**
	 * Return when the last successful {@code tryLock} of a lock of this registry began.
	 * @return the {@link System#nanoTime()} value, or {@link Long#MIN_VALUE} if never
	 */
	public long lastRenewalNanos() {
		return this.renewed ? this.lastRenewalNanos : Long.MIN_VALUE;
	}

	/**
	 * Return the registry this one decorates.
	 * @return the delegate
	 */
	public LockRegistry<?> delegate() {
		return this.delegate;
	}

	private void renewedAt(long nanos) {
		this.lastRenewalNanos = nanos;
		this.renewed = true;
	}

	private final class TrackedLock implements Lock {

		private final Lock lock;

		TrackedLock(Lock lock) {
			this.lock = lock;
		}

		@Override
		public void lock() {
			long start = System.nanoTime();
			this.lock.lock();
			renewedAt(start);
		}

		@Override
		public void lockInterruptibly() throws InterruptedException {
			long start = System.nanoTime();
			this.lock.lockInterruptibly();
			renewedAt(start);
		}

		@Override
		public boolean tryLock() {
			long start = System.nanoTime();
			boolean acquired = this.lock.tryLock();
			if (acquired) {
				renewedAt(start);
			}
			return acquired;
		}

		@Override
		public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
			long start = System.nanoTime();
			boolean acquired = this.lock.tryLock(time, unit);
			if (acquired) {
				renewedAt(start);
			}
			return acquired;
		}

		@Override
		public void unlock() {
			this.lock.unlock();
		}

		@Override
		public Condition newCondition() {
			return this.lock.newCondition();
		}

	}

}
