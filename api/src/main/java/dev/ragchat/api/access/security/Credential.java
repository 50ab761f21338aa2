package dev.ragchat.api.access.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A credential as sent, not yet checked.
 */
final class Credential extends AbstractAuthenticationToken {

	private final Type type;

	private final String value;

	Credential(Type type, String value) {
		super(List.of());
		this.type = type;
		this.value = value;
		setAuthenticated(false);
	}

	Type type() {
		return this.type;
	}

	@Override
	public Object getCredentials() {
		return this.value;
	}

	@Override
	public Object getPrincipal() {
		return this.type;
	}

	enum Type {

		MASTER_KEY, API_KEY, SESSION_TOKEN

	}

}
