package dev.ragchat.ingestion;

/**
 * An Idempotency-Key reused for a different request.
 */
public class IdempotencyConflictException extends RuntimeException {

	public IdempotencyConflictException(String message) {
		super(message);
	}

}
