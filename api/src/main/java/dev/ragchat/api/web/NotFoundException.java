package dev.ragchat.api.web;

/**
 * Something the caller asked for does not exist, or is not theirs to see (both answer
 * 404, so that nobody learns what others have).
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String message) {
		super(message);
	}

}
