package dev.ragchat.api.access.security;

import java.time.Clock;
import java.time.Duration;

import dev.ragchat.api.RagChatProperties;
import dev.ragchat.api.access.ActiveSessions;
import dev.ragchat.api.access.ApiKeyStore;
import dev.ragchat.api.access.ApiKeys;
import dev.ragchat.api.access.JwtProperties;
import dev.ragchat.api.access.KeyOwners;
import dev.ragchat.api.access.MasterKey;
import dev.ragchat.api.access.MasterKeyProperties;
import dev.ragchat.api.access.PersonSignIn;
import dev.ragchat.api.access.Scope;
import dev.ragchat.api.access.SessionTokens;
import dev.ragchat.api.audit.Audit;
import dev.ragchat.api.keys.ApiKeyProperties;
import dev.ragchat.api.web.Problems;
import dev.ragchat.api.web.RequestLimitProperties;
import dev.ragchat.api.web.RequestSizeLimitFilter;
import dev.ragchat.api.web.SecurityHeaders;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.session.NullAuthenticatedSessionStrategy;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;

/**
 * The one security filter chain: stateless, credentials from headers, problem responses
 * for 401, 403, 413 and 429, HSTS on every response.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/**
	 * The console's static files: public (only GET and HEAD), every API call it makes is
	 * not. The favicon is public too (the console names none, a browser asks anyway): a
	 * 404 problem, not a demand for credentials.
	 */
	static final String[] CONSOLE = { "/", "/index.html", "/console/*.js", "/console/*.css", "/favicon.ico",
			"/webjars/**" };

	private static final java.util.Set<String> SAFE_METHODS = java.util.Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private static final String AUTHENTICATION_REQUIRED = "Authentication required: send X-Master-Key, X-API-Key"
			+ " or Authorization: Bearer <session token or API key>";

	private static final String KEYS_MANAGED_BY = "Keys are managed with the master key, or by a signed-in person"
			+ " for themselves from the console (their session cookie and its CSRF token), never with an API key";

	@Bean
	MasterKey masterKey(MasterKeyProperties properties, RagChatProperties ragchat) {
		return MasterKey.of(properties.masterKey(), ragchat.dataDir());
	}

	@Bean
	ApiKeys apiKeys(ApiKeyStore store, ApiKeyProperties properties, Clock clock, ApplicationEventPublisher events) {
		return new ApiKeys(store, properties, clock, events);
	}

	@Bean
	SessionTokens sessionTokens(JwtProperties properties, RagChatProperties ragchat, Clock clock) {
		return new SessionTokens(properties, ragchat.dataDir(), clock);
	}

	@Bean
	RateLimits rateLimits(RateLimitProperties properties) {
		return new RateLimits(properties);
	}

	/**
	 * The chain: the credential read from its header and authenticated, failures answered
	 * as problems and counted, and who may call what: the rules of {@link #publicPaths},
	 * {@link #accessAndAdministration}, {@link #knowledgeAndConversations} and
	 * {@link #compatibleApis} in that order (the first rule that matches a request
	 * decides), anything else for any credential.
	 */
	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, MasterKey masterKey, ApiKeys apiKeys,
			SessionTokens tokens, ActiveSessions sessions, RateLimits limits, Problems problems,
			RequestLimitProperties requestLimits, Audit audit, ObjectProvider<KeyOwners> keyOwners,
			ObjectProvider<ClientRegistrationRepository> registrations, ObjectProvider<PersonSignIn> signIn,
			ObjectProvider<OAuth2AuthorizedClientRepository> authorizedClients, ObjectProvider<SslBundles> sslBundles,
			Environment environment, Clock clock) throws Exception {
		KeyOwners owners = keyOwners.getIfAvailable(KeyOwners::none);
		ClientRegistrationRepository providers = registrations.getIfAvailable();
		ProviderCheck check = (providers != null)
				? new ProviderCheck(providers, signIn.getObject(), signIn.getObject().checkEvery(), clock) : null;
		AuthenticationEntryPoint entryPoint = entryPoint(problems);
		AuthenticationFilter authentication = new AuthenticationFilter(
				new ProviderManager(new CallerAuthenticationProvider(masterKey, apiKeys, tokens, sessions, owners)),
				new CredentialConverter());
		authentication.setSuccessHandler((request, response, auth) -> PersonSessionFilter.named(request, auth));
		authentication.setFailureHandler(failureHandler(audit, limits, problems, entryPoint));
		statelessWithCsrfForPeople(http);
		http.exceptionHandling(
				(e) -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied(problems)))
			.addFilterBefore(new RequestSizeLimitFilter(requestLimits, problems), BasicAuthenticationFilter.class)
			.addFilterBefore(new FailedAuthenticationLockoutFilter(limits, problems, audit),
					BasicAuthenticationFilter.class)
			.addFilterAt(authentication, BasicAuthenticationFilter.class)
			.addFilterAfter(new PersonSessionFilter(apiKeys, owners, check), AuthenticationFilter.class)
			.addFilterAfter(new RateLimitFilter(limits, problems), PersonSessionFilter.class)
			.authorizeHttpRequests((requests) -> {
				publicPaths(requests);
				accessAndAdministration(requests);
				knowledgeAndConversations(requests);
				compatibleApis(requests);
				requests.anyRequest().authenticated();
			});
		if (providers != null) {
			RedirectBase base = new RedirectBase(signIn.getObject().publicUrl(),
					() -> RedirectBase.serverNames(sslBundles.getIfAvailable(), environment));
			new PersonSignInConfigurer(providers, signIn.getObject(), problems, check, authorizedClients.getObject(),
					base)
				.configure(http);
		}
		else {
			http.logout(AbstractHttpConfigurer::disable);
		}
		return http.build();
	}

	/**
	 * No credential, or one that does not authenticate: a 401 problem naming the
	 * credentials the API takes.
	 */
	private static AuthenticationEntryPoint entryPoint(Problems problems) {
		return (request, response, ex) -> {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
			problems.write(request, response, HttpStatus.UNAUTHORIZED,
					(ex instanceof BadCredentialsException) ? ex.getMessage() : AUTHENTICATION_REQUIRED);
		};
	}

	/**
	 * A credential refused: audited, counted against its address, and answered 429 once
	 * the address is locked out, 401 before.
	 */
	private static AuthenticationFailureHandler failureHandler(Audit audit, RateLimits limits, Problems problems,
			AuthenticationEntryPoint entryPoint) {
		return (request, response, ex) -> {
			if (ex instanceof ExpiredKeyException expired) {
				audit.expiredKeyUsed(expired.keyId());
			}
			else {
				audit.signInFailed(CredentialConverter.kind(request));
			}
			Duration wait = limits.tryFailedAuthentication(request.getRemoteAddr());
			if (!wait.isZero()) {
				if (limits.lockOutStarts(request.getRemoteAddr(), wait)) {
					audit.lockedOut(CredentialConverter.kind(request));
				}
				RateLimitFilter.tooManyRequests(problems, request, response, wait,
						FailedAuthenticationLockoutFilter.DETAIL);
				return;
			}
			entryPoint.commence(request, response, ex);
		};
	}

	/** A credential that does not allow the request: a 403 problem saying why. */
	private static AccessDeniedHandler accessDenied(Problems problems) {
		return (request, response, ex) -> problems.write(request, response, HttpStatus.FORBIDDEN,
				(ex instanceof CsrfException)
						? "This change needs the CSRF token of your session (the X-CSRF-TOKEN header, as"
								+ " GET /api/v1/me gives it): reload the console"
						: isKeysPath(request) ? KEYS_MANAGED_BY : "These credentials do not allow this request");
	}

	/**
	 * Stateless, credentials from headers, HSTS and the content security policy on every
	 * response. People signed in with an identity provider: their console's calls carry
	 * the session cookie, so those that change something need the session's CSRF token
	 * (sent by GET /api/v1/me); calls with a credential header are not ambient. The
	 * person's authentication is read anew at every request, never "new" to Spring
	 * Security's session strategies: the session id and the CSRF token change at the
	 * sign-in only (PersonSignInConfigurer), not at every request.
	 */
	private static void statelessWithCsrfForPeople(HttpSecurity http) throws Exception {
		http.csrf((csrf) -> csrf
			.requireCsrfProtectionMatcher((request) -> !SAFE_METHODS.contains(request.getMethod())
					&& PersonSessionFilter.fromPersonSession(request))
			.sessionAuthenticationStrategy(new NullAuthenticatedSessionStrategy()))
			.httpBasic(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.sessionManagement((s) -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
				.sessionAuthenticationStrategy(new NullAuthenticatedSessionStrategy()))
			.headers((headers) -> headers
				.httpStrictTransportSecurity(
						(hsts) -> hsts.includeSubDomains(true).maxAgeInSeconds(SecurityHeaders.HSTS_MAX_AGE_SECONDS))
				.contentSecurityPolicy((csp) -> csp.policyDirectives(SecurityHeaders.CONTENT_SECURITY_POLICY)));
	}

	/** Health, the API's description, the console's files and signing in: anyone. */
	private static void publicPaths(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		requests
			.requestMatchers("/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
					"/swagger-ui.html", "/swagger-ui/**", "/error")
			.permitAll()
			.requestMatchers(HttpMethod.GET, CONSOLE)
			.permitAll()
			// signing in with an identity provider, and which ones there are
			.requestMatchers(PersonSignInConfigurer.AUTHORIZATION_BASE + "/*", "/login/oauth2/code/*",
					PersonSignInConfigurer.SIGN_OUT, "/api/v1/sign-in")
			.permitAll()
			.requestMatchers(HttpMethod.HEAD, CONSOLE)
			.permitAll();
	}

	/** Who calls, the keys, analytics and the administration. */
	private static void accessAndAdministration(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		requests
			// who is signed in: any credential, about itself
			.requestMatchers(HttpMethod.GET, "/api/v1/me")
			.authenticated()
			// usage analytics: also for keys with the admin scope (their knowledge bases)
			.requestMatchers(HttpMethod.GET, "/api/v1/admin/analytics")
			.hasAnyAuthority(CallerAuthentication.MASTER, Scope.ADMIN.authority())
			// what the presented credential may do: any credential, about itself
			.requestMatchers(HttpMethod.GET, "/api/v1/keys/current")
			.authenticated()
			// keys: the master key, and signed-in people for themselves from their
			// console session (cookie, and the CSRF token for changes); never a key
			// presented in a header, a person's included: it could issue a key outliving
			// it, list its siblings or revoke the console's
			.requestMatchers("/api/v1/keys", "/api/v1/keys/*", "/api/v1/keys/*/renew")
			.hasAnyAuthority(CallerAuthentication.MASTER, CallerAuthentication.CONSOLE)
			.requestMatchers("/api/v1/admin/**", "/actuator/**", CredentialConverter.SEED_KEY_PATH)
			.hasAuthority(CallerAuthentication.MASTER);
	}

	/**
	 * Knowledge bases, chat configurations, and conversations (sessions) with their
	 * files, media and extractions.
	 */
	private static void knowledgeAndConversations(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		requests.requestMatchers("/api/v1/knowledge-bases", "/api/v1/knowledge-bases/**")
			.hasAnyAuthority(CallerAuthentication.MASTER, Scope.CHAT.authority(), Scope.UPLOAD.authority(),
					Scope.ADMIN.authority(), CallerAuthentication.PERSON)
			.requestMatchers("/api/v1/chat-configs", "/api/v1/chat-configs/**")
			.hasAnyAuthority(CallerAuthentication.MASTER, Scope.CHAT.authority())
			.requestMatchers(HttpMethod.POST, "/api/v1/sessions", "/api/start_chat", "/start_chat")
			.hasAuthority(Scope.CHAT.authority())
			.requestMatchers(HttpMethod.GET, "/api/v1/sessions")
			.hasAuthority(Scope.CHAT.authority())
			.requestMatchers(HttpMethod.POST, "/api/v1/sessions/*/token")
			.hasAuthority(Scope.CHAT.authority())
			.requestMatchers(HttpMethod.DELETE, "/api/v1/sessions/*")
			.hasAnyAuthority(CallerAuthentication.SESSION, Scope.CHAT.authority())
			.requestMatchers(HttpMethod.PUT, "/api/v1/sessions/*/title")
			.hasAnyAuthority(CallerAuthentication.SESSION, Scope.CHAT.authority())
			.requestMatchers(HttpMethod.PATCH, "/api/v1/sessions/*")
			.hasAnyAuthority(CallerAuthentication.SESSION, Scope.CHAT.authority())
			.requestMatchers(HttpMethod.GET, "/api/v1/sessions/*/export")
			.hasAnyAuthority(CallerAuthentication.SESSION, Scope.CHAT.authority())
			// files dropped into a conversation: its token, or the key that started it
			.requestMatchers("/api/v1/sessions/*/files", "/api/v1/sessions/*/files/**")
			.hasAnyAuthority(CallerAuthentication.SESSION, Scope.CHAT.authority())
			.requestMatchers(HttpMethod.POST, "/api/v1/media")
			.hasAnyAuthority(CallerAuthentication.SESSION, Scope.CHAT.authority())
			.requestMatchers("/api/v1/extractions", "/api/v1/extractions/**")
			.hasAuthority(Scope.CHAT.authority())
			// the rest of a conversation: its session token
			.requestMatchers("/api/v1/sessions/**")
			.hasAuthority(CallerAuthentication.SESSION);
	}

	/**
	 * The APIs other clients speak: the legacy chat endpoints, the OpenAI-compatible chat
	 * API and the MCP server.
	 */
	private static void compatibleApis(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		requests.requestMatchers(HttpMethod.POST, "/api/chat", "/chat")
			.hasAuthority(CallerAuthentication.SESSION)
			.requestMatchers(HttpMethod.POST, "/make_embedding")
			.hasAuthority(Scope.UPLOAD.authority())
			// the OpenAI-compatible chat API: an API key that may chat
			.requestMatchers("/v1/**")
			.hasAuthority(Scope.CHAT.authority())
			// the MCP server: API keys only; each tool checks the scope it needs
			.requestMatchers("/mcp", "/mcp/**")
			.hasAnyAuthority(Scope.CHAT.authority(), Scope.UPLOAD.authority(), Scope.ADMIN.authority());
	}

	private static boolean isKeysPath(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals("/api/v1/keys")
				|| (path.startsWith("/api/v1/keys/") && !path.equals("/api/v1/keys/current"));
	}

}
