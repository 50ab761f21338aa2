package dev.ragchat.errors;

/**
 * An {@code Idempotency-Key} reused with another request body.
 */
public final class IdempotencyConflictException extends ConflictException {

	public IdempotencyConflictException(String message) {
		super(message);
	}

}
