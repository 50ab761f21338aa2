package dev.ragchat.api.access.security;

import java.util.ArrayList;
import java.util.List;

import dev.ragchat.api.access.Caller;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An authenticated {@link Caller}: {@code ROLE_MASTER} for the master key,
 * {@code SCOPE_*} for an API key's scopes, {@code SESSION} for a session token.
 */
final class CallerAuthentication extends AbstractAuthenticationToken {

	static final String MASTER = "ROLE_MASTER";

	static final String SESSION = "SESSION";

	/**
	 * A key a person holds: whatever their grants are now (none, too), the knowledge base
	 * endpoints answer them, each knowledge base as their grants allow (404 for those not
	 * granted, an empty list when none is).
	 */
	static final String PERSON = "PERSON";

	private final Caller caller;

	CallerAuthentication(Caller caller) {
		super(authorities(caller));
		this.caller = caller;
		setAuthenticated(true);
	}

	private static List<GrantedAuthority> authorities(Caller caller) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		switch (caller.kind()) {
			case MASTER -> authorities.add(new SimpleGrantedAuthority(MASTER));
			case API_KEY -> caller.scopes().forEach((s) -> authorities.add(new SimpleGrantedAuthority(s.authority())));
			case SESSION -> authorities.add(new SimpleGrantedAuthority(SESSION));
		}
		if (caller.person() != null && caller.kind() == Caller.Kind.API_KEY) {
			authorities.add(new SimpleGrantedAuthority(PERSON));
		}
		return authorities;
	}

	@Override
	public Object getCredentials() {
		return null;
	}

	@Override
	public Caller getPrincipal() {
		return this.caller;
	}

	@Override
	public String getName() {
		return (this.caller.keyId() != null) ? this.caller.keyId() : "master";
	}

}
