package io.rime.emulator.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Remembers the successful answers to POSTs that carried an {@code Idempotency-Key} for a day,
 * so that a retried request gets the first answer and changes nothing. A retry that arrives while
 * the first request is still being handled waits for its answer. Errors are not remembered: the
 * request changed nothing, so a retry may try again.
 */
final class IdempotencyCache {

	static final Duration RETENTION = Duration.ofHours(24);

	private static final int PURGE_EVERY = 1024;

	private final EmulatorSettings settings;

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	IdempotencyCache(EmulatorSettings settings) {
		this.settings = settings;
	}

	ApiResponse answer(String key, Supplier<ApiResponse> handler) {
		Instant now = this.settings.now();
		Entry fresh = new Entry(now, new CompletableFuture<>());
		Entry entry = this.entries.compute(key,
				(k, existing) -> (existing == null || existing.isOlderThan(now.minus(RETENTION))) ? fresh : existing);
		if (entry == fresh) {
			ApiResponse response;
			try {
				response = handler.get();
			}
			catch (RuntimeException | Error ex) {
				this.entries.remove(key, fresh);
				fresh.response().completeExceptionally(ex);
				throw ex;
			}
			fresh.response().complete(response);
			if (this.entries.size() % PURGE_EVERY == 0) {
				this.entries.values().removeIf((old) -> old.isOlderThan(now.minus(RETENTION)));
			}
			return response;
		}
		try {
			return entry.response().get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ApiError(GrpcCode.UNAVAILABLE, "interrupted while waiting for the first request with this key");
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof ApiError error) {
				throw error;
			}
			throw new ApiError(GrpcCode.INTERNAL, "the first request with this Idempotency-Key failed");
		}
	}

	private record Entry(Instant created, CompletableFuture<ApiResponse> response) {

		boolean isOlderThan(Instant limit) {
			return this.created.isBefore(limit);
		}

	}

}
