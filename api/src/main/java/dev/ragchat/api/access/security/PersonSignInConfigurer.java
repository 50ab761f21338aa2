package dev.ragchat.api.access.security;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.ragchat.api.access.PersonSignIn;
import dev.ragchat.api.web.Problems;
import dev.ragchat.api.web.SecurityHeaders;
import dev.ragchat.errors.RagChatException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpStatus;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * OpenID Connect sign-in for the console, when an identity provider is configured (Spring
 * Security's {@code spring.security.oauth2.client.registration.*}): the authorization
 * code flow with PKCE and a nonce, through Spring Security's OAuth2 client (it checks
 * state, nonce, the ID token's signature, issuer, audience and expiry). A person who
 * signs in is recorded ({@link PersonSignIn}), the session id changes, and the session
 * keeps the id of the key their console acts with and the ID token for signing out at the
 * provider. {@code POST /sign-out} ends the session, and at the provider when it
 * announces an {@code end_session_endpoint} (RP-initiated logout).
 */
final class PersonSignInConfigurer {

	/**
	 * Where the console starts a sign-in: {@code /oauth2/authorization/{registrationId}}.
	 */
	static final String AUTHORIZATION_BASE = "/oauth2/authorization";

	/**
	 * Where the provider sends people back: {@code /login/oauth2/code/{registrationId}}.
	 */
	static final String CALLBACK_BASE = "/login/oauth2/code";

	static final String SIGN_OUT = "/sign-out";

	private static final String ID_TOKEN = PersonSignInConfigurer.class.getName() + ".idToken";

	private static final String REGISTRATION = PersonSignInConfigurer.class.getName() + ".registration";

	private static final String END_SESSION = PersonSignInConfigurer.class.getName() + ".endSession";

	private final ClientRegistrationRepository registrations;

	private final PersonSignIn signIn;

	private final Problems problems;

	private final ProviderCheck check;

	private final OAuth2AuthorizedClientRepository authorizedClients;

	private final RedirectBase base;

	PersonSignInConfigurer(ClientRegistrationRepository registrations, PersonSignIn signIn, Problems problems,
			ProviderCheck check, OAuth2AuthorizedClientRepository authorizedClients, RedirectBase base) {
		this.registrations = registrations;
		this.signIn = signIn;
		this.problems = problems;
		this.check = check;
		this.authorizedClients = authorizedClients;
		this.base = base;
	}

	void configure(HttpSecurity http) throws Exception {
		DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(
				this.registrations, AUTHORIZATION_BASE);
		resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
		OAuth2AuthorizationRequestResolver onPublicUrl = new OnPublicUrl(resolver, this.base);
		http.oauth2Login((login) -> login.authorizationEndpoint((a) -> a.authorizationRequestResolver(onPublicUrl))
			.successHandler(this::signedIn)
			.failureHandler(this::failed)
			// a sign-in that cannot start is a problem, not Spring Security's bare 500
			.withObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
				@Override
				public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(O filter) {
					filter
						.setAuthenticationFailureHandler((request, response, ex) -> PersonSignInConfigurer.this.problems
							.write(request, response, HttpStatus.BAD_REQUEST, "The sign-in could not start"));
					return filter;
				}
			}))
			.logout((logout) -> logout.logoutUrl(SIGN_OUT)
				.addLogoutHandler((request, response, authentication) -> endSessionAtProvider(request))
				.logoutSuccessHandler((request, response, authentication) -> {
					Object endSession = request.getAttribute(END_SESSION);
					response.sendRedirect((endSession != null) ? (String) endSession : this.base.of(request) + "/");
				}))
			// an unknown provider, a foreign host: refused before the filters above
			.addFilterBefore(new SignInRequestFilter(this.registrations, this.base, this.problems), LogoutFilter.class)
			// the console's sign-out form ends at the provider: its origin is a form
			// action
			.headers((headers) -> headers.contentSecurityPolicy(
					(csp) -> csp.policyDirectives(SecurityHeaders.contentSecurityPolicy(endSessionOrigins()))));
	}

	/**
	 * @return the origins of the providers' end-session endpoints
	 */
	private List<String> endSessionOrigins() {
		List<String> origins = new ArrayList<>();
		if (this.registrations instanceof Iterable<?> all) {
			for (Object each : all) {
				Object endpoint = ((ClientRegistration) each).getProviderDetails()
					.getConfigurationMetadata()
					.get("end_session_endpoint");
				if (endpoint != null) {
					URI uri = URI.create(endpoint.toString());
					origins.add(uri.getScheme() + "://" + uri.getRawAuthority());
				}
			}
		}
		return origins;
	}

	private void signedIn(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
			throws IOException {
		OAuth2AuthenticationToken token = (OAuth2AuthenticationToken) authentication;
		OidcUser user = (OidcUser) token.getPrincipal();
		String keyId;
		try {
			keyId = this.signIn.signIn(user.getIssuer().toString(), user.getSubject(), Map.copyOf(user.getClaims()));
		}
		catch (RagChatException ex) {
			this.problems.write(request, response, HttpStatus.FORBIDDEN, ex.getMessage());
			return;
		}
		// a new session id and CSRF token: a session fixed before the sign-in is not the
		// signed-in one
		request.changeSessionId();
		new HttpSessionCsrfTokenRepository().saveToken(null, request, response);
		HttpSession session = request.getSession();
		session.setAttribute(PersonSessionFilter.CONSOLE_KEY, keyId);
		session.setAttribute(ID_TOKEN, user.getIdToken().getTokenValue());
		session.setAttribute(REGISTRATION, token.getAuthorizedClientRegistrationId());
		// the tokens Spring Security kept: the refresh token stays in the session for the
		// provider check, nothing else is kept
		OAuth2AuthorizedClient client = this.authorizedClients
			.loadAuthorizedClient(token.getAuthorizedClientRegistrationId(), authentication, request);
		this.check.signedIn(session, token.getAuthorizedClientRegistrationId(),
				(client != null) ? client.getRefreshToken() : null);
		this.authorizedClients.removeAuthorizedClient(token.getAuthorizedClientRegistrationId(), authentication,
				request, response);
		response.sendRedirect(this.base.of(request) + "/");
	}

	private void failed(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		String reason = (ex instanceof OAuth2AuthenticationException oauth)
				? oauth.getError().getErrorCode()
						+ ((oauth.getError().getDescription() != null) ? ": " + oauth.getError().getDescription() : "")
				: "the provider's answer could not be checked";
		this.problems.write(request, response, HttpStatus.UNAUTHORIZED, "Sign-in failed (" + reason + ")");
	}

	/**
	 * Before the session ends: where the provider ends its own (with the ID token as a
	 * hint and the console as the place to come back to), if it says where.
	 */
	private void endSessionAtProvider(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null || session.getAttribute(REGISTRATION) == null) {
			return;
		}
		ClientRegistration registration = this.registrations
			.findByRegistrationId((String) session.getAttribute(REGISTRATION));
		Object endpoint = (registration != null)
				? registration.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint") : null;
		if (endpoint != null) {
			// the public URL, or this request's host (SignInRequestFilter checked it)
			String back = this.base.of(request) + "/";
			request.setAttribute(END_SESSION,
					UriComponentsBuilder.fromUri(URI.create(endpoint.toString()))
						.queryParam("id_token_hint", session.getAttribute(ID_TOKEN))
						.queryParam("post_logout_redirect_uri", back)
						.queryParam("client_id", registration.getClientId())
						.encode()
						.toUriString());
		}
	}

	/**
	 * Spring Security's resolver, its redirect URI moved onto the public URL when one is
	 * configured (it expands {@code {baseUrl}} from the request's address).
	 */
	private static final class OnPublicUrl implements OAuth2AuthorizationRequestResolver {

		private final OAuth2AuthorizationRequestResolver resolver;

		private final RedirectBase base;

		OnPublicUrl(OAuth2AuthorizationRequestResolver resolver, RedirectBase base) {
			this.resolver = resolver;
			this.base = base;
		}

		@Override
		public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
			return onPublicUrl(request, this.resolver.resolve(request));
		}

		@Override
		public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String clientRegistrationId) {
			return onPublicUrl(request, this.resolver.resolve(request, clientRegistrationId));
		}

		private OAuth2AuthorizationRequest onPublicUrl(HttpServletRequest request,
				OAuth2AuthorizationRequest resolved) {
			if (resolved == null || !this.base.isConfigured()) {
				return resolved;
			}
			// the authorization request URI is built anew, with the new redirect URI
			return OAuth2AuthorizationRequest.from(resolved)
				.redirectUri(this.base.redirectUri(request, resolved.getRedirectUri()))
				.build();
		}

	}

}
