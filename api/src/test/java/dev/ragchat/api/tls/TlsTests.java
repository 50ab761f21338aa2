package dev.ragchat.api.tls;

import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The real HTTPS listener: protocols, cipher suites, HTTP/2, HSTS, header limits, no
 * plain HTTP, certificate reload. (TLS 1.0/1.1 refusal is checked with openssl in
 * {@code .ci/run}: the JDK client itself no longer speaks them, so a test here could not
 * fail.)
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "ragchat.tls.cert=target/tls-tests/server.crt", "ragchat.tls.key=target/tls-tests/server.key",
				"spring.ssl.bundle.watch.file.quiet-period=200ms" })
class TlsTests {

	@LocalServerPort
	int port;

	@Value("${ragchat.tls.cert}")
	Path certificateFile;

	@Value("${ragchat.tls.key}")
	Path keyFile;

	SSLContext trusting;

	@BeforeEach
	void trustServedCertificate() throws Exception {
		this.trusting = dev.ragchat.api.Calls.trusting(this.certificateFile);
	}

	@Test
	void servesHealthOverHttp2WithHsts() throws Exception {
		HttpClient client = HttpClient.newBuilder()
			.sslContext(this.trusting)
			.version(HttpClient.Version.HTTP_2)
			.build();
		HttpResponse<String> response = client.send(HttpRequest.newBuilder(url("/actuator/health")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
		assertThat(response.headers().firstValue("strict-transport-security"))
			.hasValueSatisfying((hsts) -> assertThat(hsts).contains("max-age=31536000").contains("includeSubDomains"));
		assertThat(response.body()).contains("\"UP\"");
	}

	@ParameterizedTest
	@ValueSource(strings = { "TLSv1.2", "TLSv1.3" })
	void acceptsModernProtocolsWithAeadSuites(String protocol) throws Exception {
		try (SSLSocket socket = socket()) {
			socket.setEnabledProtocols(new String[] { protocol });
			socket.startHandshake();
			assertThat(socket.getSession().getProtocol()).isEqualTo(protocol);
			assertThat(socket.getSession().getCipherSuite()).containsAnyOf("_GCM_", "CHACHA20_POLY1305");
		}
	}

	@Test
	void refusesNonAeadCipherSuites() throws Exception {
		try (SSLSocket socket = socket()) {
			socket.setEnabledProtocols(new String[] { "TLSv1.2" });
			socket.setEnabledCipherSuites(
					new String[] { "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384",
							"TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256" });
			assertThatExceptionOfType(SSLException.class).isThrownBy(socket::startHandshake);
		}
	}

	@Test
	void answersOversizedHeadersWithProblem400() throws Exception {
		HttpClient client = HttpClient.newBuilder()
			.sslContext(this.trusting)
			.version(HttpClient.Version.HTTP_1_1)
			.build();
		HttpResponse<String> response = client.send(
				HttpRequest.newBuilder(url("/api/v1/keys")).header("X-Padding", "x".repeat(20_000)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json;charset=UTF-8");
		assertThat(response.body()).contains("\"status\":400").doesNotContain("<html");
	}

	@Test
	void refusesOversizedBearerTokenWith401() throws Exception {
		HttpClient client = HttpClient.newBuilder().sslContext(this.trusting).build();
		HttpResponse<String> response = client.send(HttpRequest.newBuilder(url("/api/v1/sessions/any"))
			.header("Authorization", "Bearer " + "x".repeat(10_000))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(401);
	}

	@Test
	void refusesPlainHttp() throws Exception {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(5000);
			OutputStream out = socket.getOutputStream();
			out.write("GET /actuator/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
			assertThat(answer).doesNotContain("\"UP\"").doesNotStartWith("HTTP/1.1 2");
		}
	}

	@Test
	void reloadsCertificateWhenItsFilesChange() throws Exception {
		BigInteger before = servedCertificate().getSerialNumber();
		DevelopmentCertificate replacement = DevelopmentCertificate.generate();
		Files.delete(this.keyFile);
		Files.delete(this.certificateFile);
		replacement.write(this.certificateFile, this.keyFile);
		this.trusting = dev.ragchat.api.Calls.trusting(this.certificateFile);
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(250))
			.ignoreExceptions()
			.untilAsserted(() -> assertThat(servedCertificate().getSerialNumber())
				.isEqualTo(replacement.certificate().getSerialNumber())
				.isNotEqualTo(before));
	}

	private X509Certificate servedCertificate() throws Exception {
		try (SSLSocket socket = socket()) {
			socket.startHandshake();
			return (X509Certificate) socket.getSession().getPeerCertificates()[0];
		}
	}

	private SSLSocket socket() throws Exception {
		SSLSocket socket = (SSLSocket) this.trusting.getSocketFactory().createSocket("localhost", this.port);
		socket.setSoTimeout(5000);
		return socket;
	}

	private URI url(String path) {
		return URI.create("https://localhost:" + this.port + path);
	}

}
