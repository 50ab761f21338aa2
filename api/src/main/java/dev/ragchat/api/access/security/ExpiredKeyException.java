package dev.ragchat.api.access.security;

import org.springframework.security.authentication.BadCredentialsException;

/**
 * A known API key presented after it expired: answered like any bad key, recorded in the
 * audit trail with its id.
 */
final class ExpiredKeyException extends BadCredentialsException {

	private final transient String keyId;

	ExpiredKeyException(String message, String keyId) {
		super(message);
		this.keyId = keyId;
	}

	String keyId() {
		return this.keyId;
	}

}
