package dev.ragchat.api.web;

import java.util.List;

import dev.ragchat.api.AbstractHttpsIntegrationTests;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the real HTTPS listener answers at its edges: the paths a browser asks for by
 * itself, and the security headers on every response, those Tomcat answers alone
 * included.
 */
class EdgeResponseTests extends AbstractHttpsIntegrationTests {

	static final List<String> SECURITY_HEADERS = List.of("Strict-Transport-Security", "Content-Security-Policy",
			"X-Content-Type-Options", "X-Frame-Options", "Cache-Control");

	@Test
	void answersTheFaviconWithoutCredentialsAndTheConsoleAsksForNone() {
		Answer favicon = call("GET", "/favicon.ico", null, null);
		// public, and not there: a 404 problem, not a demand for credentials
		assertThat(favicon.problem(404)).contains("favicon.ico");
		assertThat(call("GET", "/", null, null).text()).contains("<link rel=\"icon\" href=\"data:,\">");
	}

	@Test
	void answersHeadOfTheConsoleLikeGet() {
		Answer get = call("GET", "/", null, null);
		Answer head = call("HEAD", "/", null, null);
		assertThat(head.status()).isEqualTo(200).isEqualTo(get.status());
		assertThat(head.headers().getContentType()).isEqualTo(get.headers().getContentType());
		assertThat(head.headers().getFirst("Content-Security-Policy"))
			.isEqualTo(get.headers().getFirst("Content-Security-Policy"));
		assertThat(head.body()).isEmpty();
		// the API is no more public for HEAD than for GET
		assertThat(call("HEAD", "/api/v1/knowledge-bases", null, null).status()).isEqualTo(401);
	}

	@Test
	void putsTheSecurityHeadersOnErrorsTomcatAnswersByItself() {
		// an encoded slash inside a path segment: Tomcat refuses it before Spring sees it
		Answer tomcat = call("GET", "/api/v1/knowledge-bases/%3Cx%3E%2F", null, null);
		tomcat.problem(400);
		Answer spring = call("GET", "/api/v1/knowledge-bases", null, null);
		spring.problem(401);
		for (String header : SECURITY_HEADERS) {
			assertThat(spring.headers().getFirst(header)).as(header).isNotBlank();
			assertThat(tomcat.headers().getFirst(header)).as(header).isEqualTo(spring.headers().getFirst(header));
		}
	}

}
