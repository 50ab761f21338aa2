package dev.ragchat.api.chat;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.ragchat.errors.BusyException;

import org.springframework.util.Assert;

/**
 * A limit on answers in progress: beyond it a question waits in line (first come, first
 * served) for at most a short while, then is refused (429 with {@code Retry-After})
 * instead of waiting past any client's timeout. The short wait matters: clients that
 * retry at once (load tools, impatient scripts) would otherwise spend the server's time
 * on refusals.
 */
public final class AnswerAdmission {

	private final Semaphore permits;

	private final int limit;

	private final Duration wait;

	/**
	 * @param limit how many answers may be in progress at once
	 * @param wait how long a question waits for a place before it is refused
	 */
	public AnswerAdmission(int limit, Duration wait) {
		Assert.isTrue(limit >= 1, "limit must be at least 1");
		Assert.isTrue(wait != null && !wait.isNegative(), "wait must not be negative");
		this.limit = limit;
		this.wait = wait;
		this.permits = new Semaphore(limit, true);
	}

	/**
	 * @return a permit to answer, to close when the answer is done
	 * @throws BusyException when the limit is reached
	 */
	public Permit admit() {
		if (!acquired()) {
			throw new BusyException("The server is answering " + this.limit
					+ " questions, its limit (RAGCHAT_CHAT_MAX_ANSWERS_IN_PROGRESS), and none ended within "
					+ this.wait.toMillis() + " ms; try again in a second", 1);
		}
		return new Permit();
	}

	/**
	 * @return how many answers are in progress now (a background evaluation waits while
	 * any is)
	 */
	public int inProgress() {
		return this.limit - this.permits.availablePermits();
	}

	private boolean acquired() {
		try {
			return this.permits.tryAcquire(this.wait.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * One answer in progress; closing it (once, more closes do nothing) frees its place.
	 */
	public final class Permit implements AutoCloseable {

		private final AtomicBoolean open = new AtomicBoolean(true);

		private Permit() {
		}

		@Override
		public void close() {
			if (this.open.compareAndSet(true, false)) {
				AnswerAdmission.this.permits.release();
			}
		}

	}

}
