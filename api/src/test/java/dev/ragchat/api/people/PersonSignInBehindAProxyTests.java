package dev.ragchat.api.people;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.ragchat.RagChatApplication;
import dev.ragchat.api.Calls;
import dev.ragchat.api.TestPorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a proxy, at the address {@code ragchat.people.public-url} names: the provider
 * sends people back there (the sign-in's redirect URI, the post-logout redirect URI, the
 * console after each), whatever {@code Host} a request carries.
 */
@SpringBootTest(classes = RagChatApplication.class, webEnvironment = WebEnvironment.DEFINED_PORT,
		properties = { "ragchat.rate-limit.enabled=false",
				"ragchat.people.public-url=" + PersonSignInBehindAProxyTests.PUBLIC_URL + "/" })
class PersonSignInBehindAProxyTests {

	/** Where people reach the service, under a path of the proxy's. */
	static final String PUBLIC_URL = "https://chat.example.test/ragchat";

	private static final int PORT = TestPorts.unused();

	private static TestIdentityProvider provider;

	@Value("${ragchat.tls.cert}")
	Path certificate;

	@DynamicPropertySource
	static void identityProvider(DynamicPropertyRegistry registry) throws IOException {
		Path work = Files.createTempDirectory("idp");
		provider = TestIdentityProvider.start(PUBLIC_URL + "/login/oauth2/code/test", PUBLIC_URL + "/", work);
		registry.add("server.port", () -> PORT);
		registry.add("spring.security.oauth2.client.provider.test.issuer-uri", provider::issuer);
		registry.add("spring.security.oauth2.client.registration.test.client-id", () -> TestIdentityProvider.CLIENT_ID);
		registry.add("spring.security.oauth2.client.registration.test.client-secret",
				() -> TestIdentityProvider.CLIENT_SECRET);
		registry.add("spring.security.oauth2.client.registration.test.scope", () -> "openid,profile");
	}

	@AfterAll
	static void stopProvider() {
		if (provider != null) {
			provider.close();
		}
	}

	@Test
	void theSignInsRedirectUriIsOnThePublicUrlWhateverTheHost() throws Exception {
		TestIdentityProvider.groups.put("ada", List.of("finance"));
		SignInBrowser ada = browser();
		for (String host : List.of("localhost:" + PORT, "evil.example")) {
			SignInBrowser.Raw start = ada.withHost("GET", "/oauth2/authorization/test", host, null);
			assertThat(start.status()).as(host + ": " + start.body()).isEqualTo(302);
			String location = start.headers().get("location");
			assertThat(location).as(host).startsWith(provider.issuer()).doesNotContain("evil.example");
			assertThat(SignInBrowser.param(location, "redirect_uri")).as(host)
				.isEqualTo(PUBLIC_URL + "/login/oauth2/code/test");
		}
	}

	@Test
	void signingInAndOutSendsPeopleBackToThePublicUrl() throws Exception {
		TestIdentityProvider.groups.put("ada", List.of("finance"));
		SignInBrowser ada = browser();
		// through the provider (which knows only the public redirect URI) and back
		ada.signIn("ada");
		String token = ada.json("GET", "/api/v1/me", null, 200).at("/csrf/token").asText();
		HttpResponse<String> out = ada.form("/sign-out", "_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
		assertThat(out.statusCode()).isEqualTo(302);
		String location = out.headers().firstValue("Location").orElseThrow();
		assertThat(location).startsWith(provider.issuer());
		assertThat(SignInBrowser.param(location, "post_logout_redirect_uri")).isEqualTo(PUBLIC_URL + "/");
		assertThat(ada.send("GET", "/api/v1/me", null).statusCode()).isEqualTo(401);
	}

	private SignInBrowser browser() throws Exception {
		return new SignInBrowser("https://localhost:" + PORT, PUBLIC_URL, provider.issuer(),
				Calls.trusting(this.certificate));
	}

}
