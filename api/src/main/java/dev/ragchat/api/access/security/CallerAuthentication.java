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

	/**
	 * A person's console session (the session cookie, its CSRF token for changes): the
	 * only way, besides the master key, to manage a person's keys. A key they hold,
	 * presented in a header, may not (it would outlive, widen or revoke its siblings).
	 */
	static final String CONSOLE = "CONSOLE";

	private final Caller caller;

	CallerAuthentication(Caller caller) {
		this(caller, false);
	}

	/**
	 * @param caller who is calling
	 * @param console whether the call comes from a person's console session
	 */
	CallerAuthentication(Caller caller, boolean console) {
		super(authorities(caller, console));
		this.caller = caller;
		setAuthenticated(true);
	}

	private static List<GrantedAuthority> authorities(Caller caller, boolean console) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		switch (caller.kind()) {
			case MASTER -> authorities.add(new SimpleGrantedAuthority(MASTER));
			case API_KEY -> caller.scopes().forEach((s) -> authorities.add(new SimpleGrantedAuthority(s.authority())));
			case SESSION -> authorities.add(new SimpleGrantedAuthority(SESSION));
		}
		if (caller.person() != null && caller.kind() == Caller.Kind.API_KEY) {
			authorities.add(new SimpleGrantedAuthority(PERSON));
			if (console) {
				authorities.add(new SimpleGrantedAuthority(CONSOLE));
			}
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
