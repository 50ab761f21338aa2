package dev.ragchat.ingestion;

/**
 * A knowledge base or document that does not exist.
 */
public class UnknownResourceException extends RuntimeException {

	public UnknownResourceException(String message) {
		super(message);
	}

}
