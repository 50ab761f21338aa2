package dev.ragchat.sources;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import dev.ragchat.errors.RejectedInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What a web source may reach: only the hosts the operator lists, never a loopback,
 * private or link-local address unless listed as an address (at creation, and on every
 * redirect), and its secret only to its own site.
 */
class WebSourceSafetyTests {

	/** Seals by reversing and encoding: enough to see the plain secret is not stored. */
	static final Secrets SECRETS = new Secrets() {

		@Override
		public String seal(String secret) {
			return "sealed:" + Base64.getEncoder()
				.encodeToString(new StringBuilder(secret).reverse().toString().getBytes(StandardCharsets.UTF_8));
		}

		@Override
		public String open(String sealed) {
			return new StringBuilder(
					new String(Base64.getDecoder().decode(sealed.substring(7)), StandardCharsets.UTF_8))
				.reverse()
				.toString();
		}

	};

	@TempDir
	Path dir;

	@Test
	void withNoHostAllowedAWebSourceIsRefusedNamingTheSetting() throws Exception {
		try (SyncFixture sync = new SyncFixture(this.dir, SyncProperties.Web.NONE, SECRETS)) {
			assertThatExceptionOfType(RejectedInputException.class)
				.isThrownBy(() -> sync.create(SyncFixture.KB, web("https://docs.example.com/")))
				.withMessageContaining("Web sources are off")
				.withMessageContaining("RAGCHAT_SYNC_WEB_HOSTS");
		}
	}

	@Test
	void aHostNotListedAndLiteralPrivateAddressesAreRefusedWhenTheSourceIsCreated() throws Exception {
		try (SyncFixture sync = new SyncFixture(this.dir, settings("docs.example.com", "*.example.org"), SECRETS)) {
			assertThat(sync.create(SyncFixture.KB, web("https://docs.example.com/guide/")).web().url())
				.isEqualTo("https://docs.example.com/guide/");
			assertThat(sync.create(SyncFixture.KB, web("https://help.example.org/")).web().url())
				.isEqualTo("https://help.example.org/");
			assertThatExceptionOfType(RejectedInputException.class)
				.isThrownBy(() -> sync.create(SyncFixture.KB, web("https://wiki.example.net/")))
				.withMessageContaining("host wiki.example.net is not among the hosts web sources may reach")
				.withMessageContaining("RAGCHAT_SYNC_WEB_HOSTS");
			assertThatExceptionOfType(RejectedInputException.class)
				.isThrownBy(() -> sync.create(SyncFixture.KB, web("file:///etc/passwd")))
				.withMessageContaining("no http or https URL");
			assertThatExceptionOfType(RejectedInputException.class)
				.isThrownBy(() -> sync.create(SyncFixture.KB, web("https://user:pw@docs.example.com/")))
				.withMessageContaining("may not carry a user name or password");
			assertThatExceptionOfType(RejectedInputException.class)
				.isThrownBy(() -> sync.create(SyncFixture.KB, web("https://docs.example.com:99999/")))
				.withMessageContaining("port 99999 is no TCP port (1 to 65535)");
		}
		try (SyncFixture sync = new SyncFixture(this.dir.resolve("any"), settings("*"), SECRETS)) {
			for (String[] refused : new String[][] { { "http://10.0.0.1/", "a private address" },
					{ "http://169.254.169.254/latest/meta-data/", "a link-local address" },
					{ "http://127.0.0.1:8080/", "a loopback address" }, { "http://[::1]/", "a loopback address" },
					{ "http://[::ffff:192.168.1.1]/", "a private address" }, { "http://0.0.0.0/", "an unspecified" },
					{ "http://100.64.0.1/", "carrier-grade NAT" } }) {
				assertThatExceptionOfType(RejectedInputException.class)
					.isThrownBy(() -> sync.create(SyncFixture.KB, web(refused[0])))
					.withMessageContaining(refused[1])
					.withMessageContaining("RAGCHAT_SYNC_WEB_HOSTS");
			}
		}
	}

	@Test
	void aRedirectToAPrivateAddressOrAnotherSiteIsNotFollowed() throws Exception {
		try (TestSite site = new TestSite("127.0.0.1");
				TestSite other = new TestSite("127.0.0.2");
				SyncFixture sync = new SyncFixture(this.dir, settings("127.0.0.1", "127.0.0.2", "*"), SECRETS)) {
			site.page("/docs/", TestSite.docPage("Home", "The harbour home page.", "metadata", "elsewhere"), "\"h\"");
			site.redirect("/docs/metadata", 302, "http://169.254.169.254/latest/meta-data/");
			site.redirect("/docs/elsewhere", 301, other.url("/docs/page"));
			site.page("/docs/install", TestSite.docPage("Install", "Install the harbour app."), "\"i\"");
			other.page("/docs/page", TestSite.docPage("Other", "Another site."), "\"o\"");
			Source source = sync.create(SyncFixture.KB, web(site.url("/docs/")));
			SyncRun run = sync.sync(source, null);

			assertThat(run.report().items()).extracting(SyncRun.Item::path, SyncRun.Item::outcome)
				.containsExactlyInAnyOrder(tuple(site.url("/docs/"), "added"),
						tuple(site.url("/docs/install"), "added"), tuple(site.url("/docs/metadata"), "failed"),
						tuple(site.url("/docs/elsewhere"), "skipped"));
			assertThat(run.report().items()).filteredOn((i) -> i.outcome().equals("failed"))
				.singleElement()
				.satisfies((i) -> assertThat(i.reason())
					.contains("redirected to http://169.254.169.254/latest/meta-data/, which is refused")
					.contains("a link-local address"));
			assertThat(run.report().items()).filteredOn((i) -> i.outcome().equals("skipped"))
				.singleElement()
				.satisfies((i) -> assertThat(i.reason()).contains("outside the source's scope"));
			assertThat(other.log).isEmpty();
		}
	}

	@Test
	void aSourcesSecretIsStoredSealedAndSentOnlyToItsOwnSite() throws Exception {
		try (TestSite site = new TestSite("127.0.0.1");
				TestSite other = new TestSite("127.0.0.2");
				SyncFixture sync = new SyncFixture(this.dir, settings("127.0.0.0/8"), SECRETS)) {
			site.put("/robots.txt", 200, "text/plain", "User-agent: *\nCrawl-delay: 0.05\n".getBytes(), null);
			site.page("/docs/", TestSite.docPage("Home", "The private wiki's home page.", "next", "away",
					other.url("/docs/linked")), "\"h\"");
			site.page("/docs/next", TestSite.docPage("Next", "The private wiki's next page."), "\"n\"");
			site.redirect("/docs/away", 302, other.url("/docs/redirected"));
			Source source = sync.create(SyncFixture.KB, new Sources.NewSource("web", null, null, null, null, null, null,
					site.url("/docs/"), null, null, null, null, new Sources.NewAuth("X-Api-Key", "k-123", null, null)));

			Source stored = sync.store.findById(source.id()).orElseThrow();
			assertThat(stored.web().auth().kind()).isEqualTo("header");
			assertThat(stored.web().auth().name()).isEqualTo("X-Api-Key");
			assertThat(stored.web().auth().sealed()).doesNotContain("k-123");
			assertThat(stored.toString()).doesNotContain("k-123").doesNotContain(stored.web().auth().sealed());

			SyncRun run = sync.sync(source, null);
			assertThat(run.report().added()).isEqualTo(2);
			assertThat(site.log).isNotEmpty().allSatisfy((r) -> assertThat(r.apiKey()).isEqualTo("k-123"));
			assertThat(other.log).isEmpty();
		}
	}

	@Test
	void aSecretIsEitherAHeaderOrAUserAndPasswordAndNeedsAServiceThatSealsIt() throws Exception {
		try (SyncFixture sync = new SyncFixture(this.dir, settings("docs.example.com"), null)) {
			assertThatExceptionOfType(RejectedInputException.class)
				.isThrownBy(() -> sync.create(SyncFixture.KB,
						new Sources.NewSource("web", null, null, null, null, null, null, "https://docs.example.com/",
								null, null, null, null, new Sources.NewAuth("X-Api-Key", "k", null, null))))
				.withMessageContaining("cannot store secrets");
		}
		try (SyncFixture sync = new SyncFixture(this.dir.resolve("sealing"), settings("docs.example.com"), SECRETS)) {
			Source basic = sync.create(SyncFixture.KB,
					new Sources.NewSource("web", null, null, null, null, null, null, "https://docs.example.com/", null,
							null, null, null, new Sources.NewAuth(null, null, "reader", "s3cret")));
			assertThat(basic.web().auth().kind()).isEqualTo("basic");
			assertThat(basic.web().auth().sealed()).doesNotContain("s3cret");
			assertThat(WebFiles.headers(basic.web().auth(), SECRETS)).containsEntry("Authorization",
					"Basic " + Base64.getEncoder().encodeToString("reader:s3cret".getBytes(StandardCharsets.UTF_8)));
			for (Sources.NewAuth bad : List.of(new Sources.NewAuth("Host", "evil", null, null),
					new Sources.NewAuth("X-Api-Key", "k", "u", "p"), new Sources.NewAuth("Bad Name", "k", null, null),
					new Sources.NewAuth("X-Api-Key", "line\nbreak", null, null))) {
				assertThatExceptionOfType(RejectedInputException.class)
					.isThrownBy(() -> sync.create(SyncFixture.KB, new Sources.NewSource("web", null, null, null, null,
							null, null, "https://docs.example.com/x/", null, null, null, null, bad)));
			}
		}
	}

	@Test
	void depthAndPageLimitsStayWithinTheServiceCeilings() throws Exception {
		try (SyncFixture sync = new SyncFixture(this.dir, settings("docs.example.com"), SECRETS)) {
			Source defaults = sync.create(SyncFixture.KB, web("https://docs.example.com/"));
			assertThat(defaults.web().maxDepth()).isEqualTo(3);
			assertThat(defaults.web().maxPages()).isEqualTo(20);
			assertThatExceptionOfType(RejectedInputException.class)
				.isThrownBy(() -> sync.create(SyncFixture.KB,
						new Sources.NewSource("web", null, null, null, null, null, null, "https://docs.example.com/a/",
								null, null, 4, null, null)))
				.withMessageContaining("maxDepth must be between 0 and 3")
				.withMessageContaining("RAGCHAT_SYNC_WEB_MAX_DEPTH");
			assertThatExceptionOfType(RejectedInputException.class)
				.isThrownBy(
						() -> sync.create(SyncFixture.KB,
								new Sources.NewSource("web", null, null, null, null, null, null,
										"https://docs.example.com/b/", null, null, null, 21, null)))
				.withMessageContaining("RAGCHAT_SYNC_WEB_MAX_PAGES");
			assertThatExceptionOfType(RejectedInputException.class)
				.isThrownBy(() -> sync.create(SyncFixture.KB,
						new Sources.NewSource("web", null, null, null, null, null, null, "https://docs.example.com/c/",
								List.of("no-slash"), null, null, null, null)))
				.withMessageContaining("include patterns are paths starting with /");
		}
	}

	private static SyncProperties.Web settings(String... hosts) {
		return new SyncProperties.Web(List.of(hosts), 3, 20, DataSize.ofKilobytes(256), 2, Duration.ofSeconds(60));
	}

	private static Sources.NewSource web(String url) {
		return new Sources.NewSource("web", null, null, null, null, null, null, url, null, null, null, null, null);
	}

}
