package dev.ragchat.api.access.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import dev.ragchat.api.access.PersonSignIn;
import dev.ragchat.errors.RagChatException;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.WebUtils;

/**
 * Asks the identity provider again, every so often, whether a signed-in person is still
 * who they were: with the session's refresh token it gets a new ID token (checked like
 * the first: signature, issuer, audience, expiry) and records the person's groups anew,
 * so a person removed from a group at the provider loses its grants at their next request
 * after that. When the provider refuses (the person disabled, the session ended at the
 * provider, the refresh token revoked) the session ends. A provider that issued no
 * refresh token is not asked again: its people keep their groups until they sign in
 * again.
 */
final class ProviderCheck {

	static final String REGISTRATION = ProviderCheck.class.getName() + ".registration";

	static final String REFRESH_TOKEN = ProviderCheck.class.getName() + ".refreshToken";

	static final String CHECKED_AT = ProviderCheck.class.getName() + ".checkedAt";

	private final ClientRegistrationRepository registrations;

	private final PersonSignIn people;

	private final Duration every;

	private final Clock clock;

	private final RestClientRefreshTokenTokenResponseClient tokens = new RestClientRefreshTokenTokenResponseClient();

	private final OidcIdTokenDecoderFactory decoders = new OidcIdTokenDecoderFactory();

	ProviderCheck(ClientRegistrationRepository registrations, PersonSignIn people, Duration every, Clock clock) {
		this.registrations = registrations;
		this.people = people;
		this.every = every;
		this.clock = clock;
	}

	/**
	 * After a sign-in: what the check needs later, kept in the session (on the server).
	 */
	void signedIn(HttpSession session, String registrationId, OAuth2RefreshToken refreshToken) {
		session.setAttribute(REGISTRATION, registrationId);
		session.setAttribute(CHECKED_AT, this.clock.instant());
		if (refreshToken != null) {
			session.setAttribute(REFRESH_TOKEN, refreshToken.getTokenValue());
		}
	}

	/**
	 * @param session a person's session
	 * @return whether the provider still vouches for them (asked when the last answer is
	 * older than the check's period)
	 */
	boolean stillValid(HttpSession session) {
		if (!due(session)) {
			return true;
		}
		// one check at a time per session: the console's calls come in parallel, and a
		// provider that rotates refresh tokens refuses a token's second use
		synchronized (WebUtils.getSessionMutex(session)) {
			return !due(session) || check(session);
		}
	}

	private boolean due(HttpSession session) {
		Instant checked = (Instant) session.getAttribute(CHECKED_AT);
		return session.getAttribute(REFRESH_TOKEN) != null && checked != null
				&& !checked.plus(this.every).isAfter(this.clock.instant());
	}

	private boolean check(HttpSession session) {
		String refreshToken = (String) session.getAttribute(REFRESH_TOKEN);
		Instant now = this.clock.instant();
		ClientRegistration registration = this.registrations
			.findByRegistrationId((String) session.getAttribute(REGISTRATION));
		if (registration == null) {
			return false;
		}
		try {
			// the expired access token the grant request wants is a placeholder: only the
			// refresh token is sent
			OAuth2AccessTokenResponse response = this.tokens.getTokenResponse(new OAuth2RefreshTokenGrantRequest(
					registration, new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "expired",
							now.minusSeconds(2), now.minusSeconds(1)),
					new OAuth2RefreshToken(refreshToken, null), Set.of()));
			Object idToken = response.getAdditionalParameters().get("id_token");
			if (idToken != null) {
				Jwt jwt = this.decoders.createDecoder(registration).decode(idToken.toString());
				this.people.refreshed(jwt.getClaimAsString("iss"), jwt.getSubject(), Map.copyOf(jwt.getClaims()));
			}
			if (response.getRefreshToken() != null) {
				session.setAttribute(REFRESH_TOKEN, response.getRefreshToken().getTokenValue());
			}
			session.setAttribute(CHECKED_AT, now);
			return true;
		}
		catch (OAuth2AuthorizationException | JwtException | RagChatException ex) {
			return false;
		}
		catch (RestClientException ex) {
			// the provider cannot be reached: asked again after another period, the
			// person keeps what they had meanwhile
			session.setAttribute(CHECKED_AT, now);
			return true;
		}
	}

}
