package dev.ragchat.api.access.security;

import java.util.Optional;

import dev.ragchat.api.access.ActiveSessions;
import dev.ragchat.api.access.ApiKey;
import dev.ragchat.api.access.ApiKeys;
import dev.ragchat.api.access.Caller;
import dev.ragchat.api.access.KeyOwners;
import dev.ragchat.api.access.MasterKey;
import dev.ragchat.api.access.SessionTokens;
import dev.ragchat.api.access.SessionTokens.InvalidSessionTokenException;
import dev.ragchat.api.access.SessionTokens.SessionClaims;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

/**
 * Checks a {@link Credential}: the master key in constant time, an API key by format,
 * checksum and hash, a session token by signature and claims and then by whether its key
 * and session are still alive.
 */
final class CallerAuthenticationProvider implements AuthenticationProvider {

	private final MasterKey masterKey;

	private final ApiKeys apiKeys;

	private final SessionTokens tokens;

	private final ActiveSessions sessions;

	private final KeyOwners owners;

	CallerAuthenticationProvider(MasterKey masterKey, ApiKeys apiKeys, SessionTokens tokens, ActiveSessions sessions,
			KeyOwners owners) {
		this.masterKey = masterKey;
		this.apiKeys = apiKeys;
		this.tokens = tokens;
		this.sessions = sessions;
		this.owners = owners;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		Credential credential = (Credential) authentication;
		String value = (String) credential.getCredentials();
		return switch (credential.type()) {
			case MASTER_KEY -> {
				if (!this.masterKey.matches(value)) {
					throw new BadCredentialsException("The master key is not valid");
				}
				yield new CallerAuthentication(Caller.master());
			}
			case API_KEY -> this.apiKeys.authenticate(value)
				.map((key) -> new CallerAuthentication(held(Caller.apiKey(key))))
				.orElseThrow(() -> refusedKey(value));
			case SESSION_TOKEN -> session(value);
		};
	}

	private BadCredentialsException refusedKey(String presented) {
		String message = "The API key is not valid, has expired or was revoked";
		return this.apiKeys.expired(presented)
			.<BadCredentialsException>map((key) -> new ExpiredKeyException(message, key.id()))
			.orElseGet(() -> new BadCredentialsException(message));
	}

	private CallerAuthentication session(String token) {
		SessionClaims claims;
		try {
			claims = this.tokens.verify(token);
		}
		catch (InvalidSessionTokenException ex) {
			throw expiredKey(ex.expiredTokenKeyId(), ex.getMessage())
				.orElseGet(() -> new BadCredentialsException(ex.getMessage()));
		}
		String refused = "The API key behind this session has expired or was revoked";
		ApiKey key = this.apiKeys.active(claims.keyId())
			.orElseThrow(
					() -> expiredKey(claims.keyId(), refused).orElseGet(() -> new BadCredentialsException(refused)));
		if (!this.sessions.isActive(claims.sessionId(), claims.keyId())) {
			throw new BadCredentialsException("The session has ended");
		}
		return new CallerAuthentication(held(Caller.session(key, claims.sessionId())));
	}

	/**
	 * A key a person holds acts with at most what they may do now.
	 */
	private Caller held(Caller caller) {
		return this.owners.ownerOf(caller.keyId()).map(caller::heldBy).orElse(caller);
	}

	/**
	 * A session token whose key has expired (the token with it, or before it): a use of
	 * that key after its expiry.
	 */
	private Optional<BadCredentialsException> expiredKey(String keyId, String message) {
		return this.apiKeys.expiredById(keyId).map((key) -> new ExpiredKeyException(message, key.id()));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return Credential.class.isAssignableFrom(authentication);
	}

}
