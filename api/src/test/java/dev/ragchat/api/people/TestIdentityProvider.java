package dev.ragchat.api.people;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * A real OpenID provider for tests: Spring Authorization Server on loopback (plain HTTP),
 * with a login form, one confidential client ({@code ragchat}, PKCE required, no consent
 * screen) whose redirect URI is the service's, people whose groups are a {@code groups}
 * claim of their ID token, and RP-initiated logout. Public: the console's browser tests
 * sign in through it too ({@code PeopleBrowserTests}).
 */
public final class TestIdentityProvider implements AutoCloseable {

	public static final String CLIENT_ID = "ragchat";

	public static final String CLIENT_SECRET = "ragchat-test-secret";

	public static final String PASSWORD = "password";

	/** A client whose authorization codes expire after a second. */
	static final String SLOW_CLIENT_ID = "ragchat-slow";

	static final String SLOW_CLIENT_SECRET = "ragchat-slow-test-secret";

	/** A person whose ID tokens name another client as their audience. */
	static final String FOR_ANOTHER_CLIENT = "eve";

	/** A person whose ID tokens name another issuer. */
	static final String FROM_ANOTHER_ISSUER = "mallory";

	/** Each person's groups, changeable while the provider runs. */
	public static final Map<String, List<String>> groups = new ConcurrentHashMap<>();

	private final ConfigurableApplicationContext context;

	private TestIdentityProvider(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/**
	 * @param redirectUri the service's redirect URI
	 * @param postLogoutRedirectUri where the provider may send a person back after
	 * signing out
	 * @param work a folder for what the service's start-up processors write
	 * @return the running provider
	 */
	public static TestIdentityProvider start(String redirectUri, String postLogoutRedirectUri, Path work) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(Provider.class)
			.properties("spring.config.name=test-identity-provider", "server.port=0", "server.ssl.enabled=false",
					"ragchat.data-dir=" + work.resolve("idp-data"), "ragchat.tls.cert=" + work.resolve("idp.crt"),
					"ragchat.tls.key=" + work.resolve("idp.key"), "idp.redirect-uri=" + redirectUri,
					"idp.post-logout-redirect-uri=" + postLogoutRedirectUri)
			.run();
		return new TestIdentityProvider(context);
	}

	/**
	 * @return the issuer URL
	 */
	public String issuer() {
		return "http://localhost:" + ((ServletWebServerApplicationContext) this.context).getWebServer().getPort();
	}

	@Override
	public void close() {
		this.context.close();
	}

	// not a @Configuration: the service's component scan must not find it
	@EnableWebSecurity
	@ImportAutoConfiguration({ ServletWebServerFactoryAutoConfiguration.class,
			DispatcherServletAutoConfiguration.class })
	static class Provider {

		@Bean
		@Order(1)
		SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
			OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
			http.securityMatcher(server.getEndpointsMatcher())
				.with(server, (s) -> s.oidc(Customizer.withDefaults()))
				.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.exceptionHandling(
						(e) -> e.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
								new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
			return http.build();
		}

		@Bean
		@Order(2)
		SecurityFilterChain login(HttpSecurity http) throws Exception {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.formLogin(Customizer.withDefaults())
				.build();
		}

		@Bean
		UserDetailsService people() {
			return new InMemoryUserDetailsManager(
					User.withUsername("ada").password("{noop}" + PASSWORD).roles("USER").build(),
					User.withUsername("grace").password("{noop}" + PASSWORD).roles("USER").build(),
					User.withUsername("linus").password("{noop}" + PASSWORD).roles("USER").build(),
					User.withUsername("margaret").password("{noop}" + PASSWORD).roles("USER").build(),
					User.withUsername("hedy").password("{noop}" + PASSWORD).roles("USER").build(),
					User.withUsername("barbara").password("{noop}" + PASSWORD).roles("USER").build(),
					User.withUsername(FOR_ANOTHER_CLIENT).password("{noop}" + PASSWORD).roles("USER").build(),
					User.withUsername(FROM_ANOTHER_ISSUER).password("{noop}" + PASSWORD).roles("USER").build());
		}

		@Bean
		RegisteredClientRepository clients(org.springframework.core.env.Environment environment) {
			String redirect = environment.getRequiredProperty("idp.redirect-uri");
			return new InMemoryRegisteredClientRepository(
					client(CLIENT_ID, redirect, Duration.ofMinutes(5), environment),
					// its authorization codes expire after a second
					client(SLOW_CLIENT_ID, redirect.replace("/test", "/slow"), Duration.ofSeconds(1), environment));
		}

		private static RegisteredClient client(String id, String redirectUri, Duration codeLife,
				org.springframework.core.env.Environment environment) {
			return RegisteredClient.withId(UUID.randomUUID().toString())
				.clientId(id)
				.clientSecret("{noop}" + ((id.equals(CLIENT_ID)) ? CLIENT_SECRET : SLOW_CLIENT_SECRET))
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
				.redirectUri(redirectUri)
				.postLogoutRedirectUri(environment.getRequiredProperty("idp.post-logout-redirect-uri"))
				.scope(OidcScopes.OPENID)
				.scope(OidcScopes.PROFILE)
				.clientSettings(
						ClientSettings.builder().requireAuthorizationConsent(false).requireProofKey(true).build())
				.tokenSettings(TokenSettings.builder().authorizationCodeTimeToLive(codeLife).build())
				.build();
		}

		@Bean
		OAuth2TokenCustomizer<JwtEncodingContext> groupsInTheIdToken() {
			return (context) -> {
				if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
					String name = context.getPrincipal().getName();
					context.getClaims().claim("groups", groups.getOrDefault(name, List.of()));
					context.getClaims().claim("name", name.substring(0, 1).toUpperCase() + name.substring(1));
					// signed by this provider, but for someone else, or in another's name
					if (name.equals(FOR_ANOTHER_CLIENT)) {
						context.getClaims().audience(List.of("another-client"));
					}
					if (name.equals(FROM_ANOTHER_ISSUER)) {
						context.getClaims().issuer("http://issuer.invalid");
					}
				}
			};
		}

		@Bean
		JWKSource<SecurityContext> keys() throws Exception {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
				.privateKey((RSAPrivateKey) pair.getPrivate())
				.keyID(UUID.randomUUID().toString())
				.build();
			return new ImmutableJWKSet<>(new JWKSet(key));
		}

		@Bean
		JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
			return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
		}

		@Bean
		AuthorizationServerSettings settings() {
			return AuthorizationServerSettings.builder().build();
		}

	}

}
