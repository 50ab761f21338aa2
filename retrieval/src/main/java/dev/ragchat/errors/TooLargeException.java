package dev.ragchat.errors;

/**
 * A body, file or field over its limit.
 */
public final class TooLargeException extends RagChatException {

	public TooLargeException(String message) {
		super(message);
	}

}
