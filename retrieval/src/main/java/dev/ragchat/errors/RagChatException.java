package dev.ragchat.errors;

/**
 * A request ragchat refuses; the message says why and is safe to show to the caller.
 */
public abstract sealed class RagChatException extends RuntimeException
		permits NotFoundException, RejectedInputException, ConflictException, ForbiddenException, TooLargeException,
		UnavailableException, BadUpstreamException, BusyException {

	protected RagChatException(String message) {
		super(message);
	}

}
