package dev.ragchat.api.web;

/**
 * The request is well-formed but asks for something ragchat will not do; the message
 * tells the caller what to change.
 */
public class BadRequestException extends RuntimeException {

	public BadRequestException(String message) {
		super(message);
	}

}
