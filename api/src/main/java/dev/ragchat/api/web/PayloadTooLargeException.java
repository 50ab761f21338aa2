package dev.ragchat.api.web;

/**
 * A request body went past its limit while it was being read.
 */
public class PayloadTooLargeException extends RuntimeException {

	public PayloadTooLargeException(String message) {
		super(message);
	}

}
