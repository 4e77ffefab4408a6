package io.rime.client.internal;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import io.rime.client.RimeException;

/**
 * The one way the SDK reads a paged listing (projects, jobs, batch results, test cases). Each page
 * is one call, fetched again under the call's retry policy when it fails transiently, and handed
 * on only once it was read whole, so a page fetched again is never duplicated. A listing is
 * bounded: a page token seen before in the same listing, or {@code hasMore} without a token, is a
 * {@link RimeException} naming the operation, and so is a listing still going after its timeout
 * or on an interrupted thread.
 */
final class PagedReads {

	/** Without a call deadline, a listing still ends after this. */
	static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

	/** A listing may take this many call deadlines: hundreds of pages, each answered at once. */
	static final int CALL_DEADLINES_PER_LISTING = 10;

	private final Duration timeout;

	/**
	 * Create the reader of listings.
	 * @param timeout how long one listing may take, all its pages and their retries together
	 */
	public PagedReads(Duration timeout) {
		this.timeout = timeout;
	}

	/**
	 * The default listing timeout for a call deadline: ten call deadlines, or five minutes when calls
	 * have no deadline.
	 * @param callTimeout the deadline of one call and its retries; zero or negative for none
	 * @return the listing timeout
	 */
	public static Duration defaultTimeout(Duration callTimeout) {
		return (callTimeout.isZero() || callTimeout.isNegative()) ? DEFAULT_TIMEOUT
				: callTimeout.multipliedBy(CALL_DEADLINES_PER_LISTING);
	}

	/**
	 * Return how long one listing may take.
	 * @return the timeout
	 */
	public Duration timeout() {
		return this.timeout;
	}

	/**
	 * Start the clock of one SDK call that reads one listing or several (the jobs of every
	 * project, the batches and test cases of a result): they share the one timeout.
	 * @return the deadline, in {@link System#nanoTime()}
	 */
	public long deadline() {
		return System.nanoTime() + Math.min(Durations.nanos(this.timeout), Long.MAX_VALUE / 2);
	}

	/**
	 * Start a listing whose pages the caller pulls one by one, so that only one page is in memory.
	 * @param <P> the page type
	 * @param operation the SDK operation, for messages
	 * @param fetcher reads one page
	 * @return the cursor; its first {@link Cursor#next()} reads the first page
	 */
	public <P extends Wire.Page> Cursor<P> open(String operation, PageFetcher<P> fetcher) {
		return open(operation, deadline(), fetcher);
	}

	/**
	 * Start a listing that is part of a larger call and shares its deadline.
	 * @param <P> the page type
	 * @param operation the SDK operation, for messages
	 * @param deadline the call's {@link #deadline()}
	 * @param fetcher reads one page
	 * @return the cursor; its first {@link Cursor#next()} reads the first page
	 */
	public <P extends Wire.Page> Cursor<P> open(String operation, long deadline, PageFetcher<P> fetcher) {
		return new Cursor<>(operation, fetcher, this.timeout, deadline);
	}

	/**
	 * Read every page of a listing.
	 * @param <P> the page type
	 * @param operation the SDK operation, for messages
	 * @param fetcher reads one page
	 * @param action receives each page, in order
	 */
	public <P extends Wire.Page> void forEach(String operation, PageFetcher<P> fetcher, Consumer<? super P> action) {
		forEach(operation, deadline(), fetcher, action);
	}

	/**
	 * Read every page of a listing that is part of a larger call and shares its deadline.
	 * @param <P> the page type
	 * @param operation the SDK operation, for messages
	 * @param deadline the call's {@link #deadline()}
	 * @param fetcher reads one page
	 * @param action receives each page, in order
	 */
	public <P extends Wire.Page> void forEach(String operation, long deadline, PageFetcher<P> fetcher,
			Consumer<? super P> action) {
		Cursor<P> cursor = open(operation, deadline, fetcher);
		for (P page = cursor.next(); page != null; page = cursor.next()) {
			action.accept(page);
		}
	}

	/**
	 * Reads one page of a listing; one call to RIME, retried by the transport.
	 * @param <P> the page type
	 */
	@FunctionalInterface
	public interface PageFetcher<P> {

		/**
		 * Read a page.
		 * @param pageToken the token of the page, or {@code null} for the first
		 * @return the page
		 */
		P fetch(@Nullable String pageToken);

	}

	/**
	 * One listing in progress. Not thread-safe: one reader pulls its pages.
	 * @param <P> the page type
	 */
	public static final class Cursor<P extends Wire.Page> {

		private final String operation;

		private final PageFetcher<P> fetcher;

		private final Duration timeout;

		private final long deadline;

		private final Set<String> tokensSeen = new HashSet<>();

		private @Nullable String token;

		private int pages;

		private boolean done;

		Cursor(String operation, PageFetcher<P> fetcher, Duration timeout, long deadline) {
			this.operation = operation;
			this.fetcher = fetcher;
			this.timeout = timeout;
			this.deadline = deadline;
		}

		/**
		 * Read the next page.
		 * @return the page, or {@code null} after the last one
		 * @throws RimeException if the listing does not end, or the thread was interrupted
		 */
		public @Nullable P next() {
			if (this.done) {
				return null;
			}
			if (Thread.currentThread().isInterrupted()) {
				this.done = true;
				throw new RimeException("Interrupted while reading page " + (this.pages + 1) + " of " + this.operation);
			}
			if (System.nanoTime() - this.deadline > 0) {
				this.done = true;
				throw new RimeException("RIME was still sending pages of " + this.operation + " after " + this.pages
						+ " pages and the listing's timeout of " + this.timeout + "; stopped so that it ends");
			}
			P page = this.fetcher.fetch(this.token);
			this.pages++;
			this.token = nextToken(page);
			this.done = (this.token == null);
			return page;
		}

		/**
		 * Return the pages read so far.
		 * @return the count
		 */
		public int pages() {
			return this.pages;
		}

		private @Nullable String nextToken(P page) {
			if (!Boolean.TRUE.equals(page.hasMore())) {
				return null;
			}
			String next = page.nextPageToken();
			if (next == null || next.isEmpty()) {
				this.done = true;
				throw new RimeException("RIME answered page " + this.pages + " of " + this.operation
						+ " with hasMore=true but no nextPageToken; stopped, since the rest cannot be asked for");
			}
			if (!this.tokensSeen.add(next)) {
				this.done = true;
				throw new RimeException("RIME answered page " + this.pages + " of " + this.operation
						+ " with a page token it had already sent in this listing ('" + shortened(next)
						+ "'); stopped so that the listing does not loop forever");
			}
			return next;
		}

		private static String shortened(String token) {
			return (token.length() > 80) ? token.substring(0, 80) + "..." : token;
		}

	}

}
