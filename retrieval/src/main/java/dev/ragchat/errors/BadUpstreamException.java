package dev.ragchat.errors;

/**
 * A service ragchat called (a language model) answered with something unusable, such as
 * JSON that breaks the schema it was given; nothing was stored.
 */
public final class BadUpstreamException extends RagChatException {

	public BadUpstreamException(String message) {
		super(message);
	}

}
