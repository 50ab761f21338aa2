package dev.ragchat.api.sync;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.ragchat.api.AbstractWebIntegrationTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A web source through HTTP, crawling a two-page site on loopback (allowed by
 * {@code ragchat.sync.web.hosts}, as an operator would): its settings shown back without
 * its secret, a sync and its report, the documents named by their URLs, the refusals as
 * problems, and a source deleted while its sync waits for a page that never ends.
 */
@TestPropertySource(properties = { "ragchat.sync.web.hosts=127.0.0.1", "ragchat.sync.web.max-depth=3",
		"ragchat.sync.web.fetch-timeout=10m" })
class WebSourceEndpointsTests extends AbstractWebIntegrationTests {

	HttpServer site;

	ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

	/** Counted down when the endless page is asked for. */
	CountDownLatch endlessAsked = new CountDownLatch(1);

	/** Counted down when the client of the endless page went away. */
	CountDownLatch endlessLeft = new CountDownLatch(1);

	volatile boolean stopped;

	String origin;

	String kb;

	String key;

	@BeforeEach
	void siteAndKnowledgeBase() throws Exception {
		this.site = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
		this.site.createContext("/endless/", (exchange) -> {
			// a page sent a byte at a time, until its client goes away
			this.endlessAsked.countDown();
			exchange.getResponseHeaders().set("Content-Type", "text/html");
			exchange.sendResponseHeaders(200, 0);
			try (OutputStream out = exchange.getResponseBody()) {
				while (!this.stopped) {
					out.write('a');
					out.flush();
					Thread.sleep(100);
				}
			}
			catch (IOException ex) {
				this.endlessLeft.countDown();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		this.site.createContext("/", (exchange) -> {
			String path = exchange.getRequestURI().getPath();
			String html = switch (path) {
				case "/help/" -> "<html><head><title>Help centre</title></head><body><nav>Menu</nav><main>"
						+ "<p>The help centre answers questions about berths.</p><a href=\"berths\">Berths</a></main>"
						+ "</body></html>";
				case "/help/berths" -> "<html><head><title>Berths</title></head><body><main>"
						+ "<p>Berth 4 is reserved for ferries.</p></main></body></html>";
				default -> null;
			};
			if (!"secret-value".equals(exchange.getRequestHeaders().getFirst("X-Api-Key"))) {
				html = null;
			}
			if (html == null) {
				exchange.sendResponseHeaders(404, -1);
			}
			else {
				byte[] body = html.getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
				exchange.sendResponseHeaders(200, body.length);
				exchange.getResponseBody().write(body);
			}
			exchange.close();
		});
		this.site.setExecutor(this.threads);
		this.site.start();
		this.origin = "http://127.0.0.1:" + this.site.getAddress().getPort();
		this.kb = createKnowledgeBase("help centre");
		this.key = issueKey("{\"scopes\":[\"chat\",\"upload\",\"admin\"],\"knowledgeBases\":[\"" + this.kb + "\"]}");
	}

	@AfterEach
	void stopSite() {
		this.stopped = true;
		this.site.stop(0);
		this.threads.shutdownNow();
	}

	@Test
	void crawlsAWebSourceAndShowsItsSettingsWithoutItsSecret() throws Exception {
		String created = call(post(sources()).content("""
				{"type": "web", "url": "%s/help/", "exclude": ["/help/old/"], "schedule": "0 0 3 * * *",
				 "auth": {"header": "X-Api-Key", "value": "secret-value"}}""".formatted(this.origin)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.type").value("web"))
			.andExpect(jsonPath("$.url").value(this.origin + "/help/"))
			.andExpect(jsonPath("$.exclude[0]").value("/help/old/"))
			.andExpect(jsonPath("$.maxDepth").value(3))
			.andExpect(jsonPath("$.maxPages").value(500))
			.andExpect(jsonPath("$.schedule").value("0 0 3 * * *"))
			.andExpect(jsonPath("$.auth.kind").value("header"))
			.andExpect(jsonPath("$.auth.header").value("X-Api-Key"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(created).doesNotContain("secret-value").doesNotContain("sealed");
		String id = json.readTree(created).get("id").asText();

		JsonNode run = json.readTree(call(post(sources() + "/" + id + "/sync")).andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString());
		call(get(run.get("url").asText() + "?waitSeconds=60")).andExpect(jsonPath("$.status").value("SUCCEEDED"))
			.andExpect(jsonPath("$.report.added").value(2));
		String list = call(get(sources())).andExpect(jsonPath("$.sources[0].url").value(this.origin + "/help/"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(list).doesNotContain("secret-value");
		// each page's document names its URL
		String documents = call(get("/api/v1/knowledge-bases/" + this.kb + "/documents")).andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(json.readTree(documents).path("documents").findValuesAsText("path"))
			.containsExactlyInAnyOrder(this.origin + "/help/", this.origin + "/help/berths");
	}

	@Test
	void refusesWebSourcesOutsideTheAllowedHostsWithProblems() throws Exception {
		call(post(sources()).content("{\"type\": \"web\", \"url\": \"https://docs.example.com/\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("host docs.example.com is not among the hosts")));
		call(post(sources()).content("{\"type\": \"web\", \"url\": \"http://169.254.169.254/latest/\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("a link-local address")));
		call(post(sources()).content("{\"type\": \"web\"}")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("needs 'url'")));
		call(post(sources()).content("{\"type\": \"web\", \"url\": \"" + this.origin + "/\", \"maxDepth\": 9}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("RAGCHAT_SYNC_WEB_MAX_DEPTH")));
		call(post(sources()).content("{\"type\": \"web\", \"url\": \"" + this.origin + "/\", \"path\": \"/srv\"}"))
			.andExpect(status().isBadRequest());
		call(post(sources()).content("{\"type\": \"web\", \"url\": \"http://127.0.0.1:99999/help/\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("port 99999 is no TCP port (1 to 65535)")));
		call(post(sources()).content("{\"type\": \"web\", \"url\": \"" + this.origin + "/help/\", \"exclude\": [\"/"
				+ "**a".repeat(40) + "**b\"]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("at most 20 wildcards")));
	}

	@Test
	void aSourceIsDeletedWhileItSyncsAndItsSyncStops() throws Exception {
		String id = json
			.readTree(call(post(sources()).content("""
					{"type": "web", "url": "%s/endless/"}""".formatted(this.origin))).andExpect(status().isCreated())
				.andReturn()
				.getResponse()
				.getContentAsString())
			.get("id")
			.asText();
		call(post(sources() + "/" + id + "/sync")).andExpect(status().isAccepted());
		await().atMost(Duration.ofSeconds(60)).until(() -> this.endlessAsked.getCount() == 0);
		call(get(sources() + "/" + id)).andExpect(jsonPath("$.syncing").value(true));

		call(delete(sources() + "/" + id)).andExpect(status().isNoContent());

		call(get(sources() + "/" + id)).andExpect(status().isNotFound());
		// the request under way was cancelled (its deadline is ten minutes away)
		await().atMost(Duration.ofSeconds(30)).until(() -> this.endlessLeft.getCount() == 0);
	}

	private String sources() {
		return "/api/v1/knowledge-bases/" + this.kb + "/sources";
	}

	private ResultActions call(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc
			.perform(request.secure(true).header("X-API-Key", this.key).contentType(MediaType.APPLICATION_JSON));
	}

}
