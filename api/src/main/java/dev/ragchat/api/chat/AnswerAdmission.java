package dev.ragchat.api.chat;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.ragchat.errors.BusyException;

import org.springframework.util.Assert;

/**
 * A limit on answers in progress: beyond it a question is refused at once (429 with
 * {@code Retry-After}) instead of waiting in line past any client's timeout.
 */
public final class AnswerAdmission {

	private final Semaphore permits;

	private final int limit;

	/**
	 * @param limit how many answers may be in progress at once
	 */
	public AnswerAdmission(int limit) {
		Assert.isTrue(limit >= 1, "limit must be at least 1");
		this.limit = limit;
		this.permits = new Semaphore(limit);
	}

	/**
	 * @return a permit to answer, to close when the answer is done
	 * @throws BusyException when the limit is reached
	 */
	public Permit admit() {
		if (!this.permits.tryAcquire()) {
			throw new BusyException("The server is answering " + this.limit
					+ " questions, its limit (RAGCHAT_CHAT_MAX_ANSWERS_IN_PROGRESS); try again in a second", 1);
		}
		return new Permit();
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
