package dev.ragchat.errors;

/**
 * A file of a type ragchat does not read.
 */
public class UnsupportedMediaTypeException extends RejectedInputException {

	public UnsupportedMediaTypeException(String message) {
		super(message);
	}

}
