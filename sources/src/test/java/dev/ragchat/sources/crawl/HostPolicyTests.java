package dev.ragchat.sources.crawl;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The hosts and addresses a web source may reach, checked where the connection is made:
 * the address a name resolves to, not the name.
 */
class HostPolicyTests {

	@TempDir
	Path dir;

	@Test
	void aNameThatResolvesToAPrivateAddressIsRefusedUnlessTheAddressIsListed() throws Exception {
		HostPolicy anyName = new HostPolicy(List.of("*"));
		assertThat(anyName.refusal(URI.create("http://localhost/"))).isNull();
		assertThatExceptionOfType(HostPolicy.Refused.class).isThrownBy(() -> anyName.resolve("localhost"))
			.withMessageContaining("localhost resolves to 127.0.0.1, which is a loopback address")
			.withMessageContaining("RAGCHAT_SYNC_WEB_HOSTS");
		HostPolicy listed = new HostPolicy(List.of("localhost", "127.0.0.0/8"));
		assertThat(listed.resolve("localhost")).extracting(InetAddress::getHostAddress).contains("127.0.0.1");
		// the name alone does not make its loopback address reachable
		assertThatExceptionOfType(HostPolicy.Refused.class)
			.isThrownBy(() -> new HostPolicy(List.of("localhost")).resolve("localhost"));
	}

	@Test
	void theFetcherConnectsOnlyToAnAddressThePolicyAllowed() throws Exception {
		AtomicInteger requests = new AtomicInteger();
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/", (exchange) -> {
			requests.incrementAndGet();
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		server.start();
		int port = server.getAddress().getPort();
		try (Fetcher anyName = new Fetcher(new HostPolicy(List.of("*")), 1, Duration.ofSeconds(60));
				Fetcher loopback = new Fetcher(new HostPolicy(List.of("127.0.0.1")), 1, Duration.ofSeconds(60))) {
			// a public name (as far as the host list knows) that resolves to loopback, as
			// a rebound DNS name would: refused before any connection
			assertThatExceptionOfType(HostPolicy.Refused.class)
				.isThrownBy(() -> anyName.get(URI.create("http://localhost:" + port + "/"), Map.of(), (t) -> true, 1000,
						false, this.dir, () -> false))
				.withMessageContaining("loopback");
			assertThat(requests).hasValue(0);
			assertThat(loopback
				.get(URI.create("http://127.0.0.1:" + port + "/"), Map.of(), (t) -> true, 1000, false, this.dir,
						() -> false)
				.status()).isEqualTo(200);
			assertThat(requests).hasValue(1);
		}
		finally {
			server.stop(0);
		}
	}

	@Test
	void entriesAreHostNamesDomainsAddressesOrRanges() {
		HostPolicy policy = new HostPolicy(List.of(" Docs.Example.com ", "*.example.org", "10.1.2.0/24", ""));
		assertThat(policy.none()).isFalse();
		assertThat(policy.refusal(URI.create("https://docs.example.com/a"))).isNull();
		assertThat(policy.refusal(URI.create("https://example.org/"))).isNull();
		assertThat(policy.refusal(URI.create("https://a.b.example.org/"))).isNull();
		assertThat(policy.refusal(URI.create("https://badexample.org/"))).contains("not among");
		assertThat(policy.refusal(URI.create("http://10.1.2.7/"))).isNull();
		assertThat(policy.refusal(URI.create("http://10.1.3.7/"))).contains("a private address");
		assertThat(policy.refusal(URI.create("ftp://docs.example.com/"))).contains("only http and https");
		assertThat(new HostPolicy(List.of()).none()).isTrue();
		assertThat(new HostPolicy(List.of()).refusal(URI.create("https://docs.example.com/")))
			.contains("no web host is allowed");
		assertThatIllegalArgumentException().isThrownBy(() -> new HostPolicy(List.of("http://docs.example.com")))
			.withMessageContaining("neither a host name");
		assertThatIllegalArgumentException().isThrownBy(() -> new HostPolicy(List.of("10.0.0.0/40")));
	}

}
