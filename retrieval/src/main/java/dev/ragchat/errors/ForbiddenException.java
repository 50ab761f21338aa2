package dev.ragchat.errors;

/**
 * The caller is known but may not do this.
 */
public final class ForbiddenException extends RagChatException {

	public ForbiddenException(String message) {
		super(message);
	}

}
