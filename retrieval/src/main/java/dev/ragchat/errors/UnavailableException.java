package dev.ragchat.errors;

/**
 * The request needs a part that this server does not have configured (for example a
 * language model; the message names the setting that provides it), or a part it has
 * configured that cannot answer now (a language model that is unreachable, busy or did
 * not answer in time; the message says to try again later). Not the caller's fault.
 */
public final class UnavailableException extends RagChatException {

	public UnavailableException(String message) {
		super(message);
	}

}
