package dev.ragchat.errors;

import org.springframework.util.Assert;

/**
 * The server is at its limit of work of this kind in progress; the caller may try again
 * after the given seconds. Not the caller's fault, and it passes.
 */
public final class BusyException extends RagChatException {

	private final int retryAfterSeconds;

	/**
	 * @param message what is at its limit and the setting that raises it
	 * @param retryAfterSeconds when trying again is likely to succeed
	 */
	public BusyException(String message, int retryAfterSeconds) {
		super(message);
		Assert.isTrue(retryAfterSeconds >= 1, "retryAfterSeconds must be at least 1");
		this.retryAfterSeconds = retryAfterSeconds;
	}

	/**
	 * @return when trying again is likely to succeed, in seconds
	 */
	public int retryAfterSeconds() {
		return this.retryAfterSeconds;
	}

}
