package dev.ragchat.errors;

/**
 * Input ragchat will not take.
 */
public non-sealed class RejectedInputException extends RagChatException {

	public RejectedInputException(String message) {
		super(message);
	}

}
