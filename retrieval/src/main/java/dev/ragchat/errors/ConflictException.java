package dev.ragchat.errors;

/**
 * The request conflicts with the state of what it names.
 */
public non-sealed class ConflictException extends RagChatException {

	public ConflictException(String message) {
		super(message);
	}

}
