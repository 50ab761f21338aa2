package dev.ragchat.errors;

/**
 * Something the caller named does not exist, or is not theirs to see.
 */
public final class NotFoundException extends RagChatException {

	public NotFoundException(String message) {
		super(message);
	}

}
