package dev.ragchat.errors;

/**
 * Input that is well formed but that this server, as it is configured, cannot act on (an
 * audio question without a language model, an image without OCR). The message names the
 * setting or the package that would enable it.
 */
public class UnprocessableException extends RejectedInputException {

	public UnprocessableException(String message) {
		super(message);
	}

}
