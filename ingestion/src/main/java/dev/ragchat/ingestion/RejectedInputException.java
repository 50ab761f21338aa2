package dev.ragchat.ingestion;

/**
 * Input ragchat will not take; the message says why and is safe to show.
 */
public class RejectedInputException extends RuntimeException {

	public RejectedInputException(String message) {
		super(message);
	}

}
