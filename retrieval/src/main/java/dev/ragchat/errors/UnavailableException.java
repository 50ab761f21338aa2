package dev.ragchat.errors;

/**
 * The request needs a part that this server does not have configured (for example a
 * language model); the message names the setting that provides it. Not the caller's
 * fault, and not a passing failure either.
 */
public final class UnavailableException extends RagChatException {

	public UnavailableException(String message) {
		super(message);
	}

}
