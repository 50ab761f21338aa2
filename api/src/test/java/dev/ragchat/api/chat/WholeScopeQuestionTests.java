package dev.ragchat.api.chat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragchat.api.AbstractHttpsIntegrationTests;
import dev.ragchat.api.Calls;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A question about the whole knowledge base over HTTP ("which leases …", "how many …"):
 * every document that says it, counted against the knowledge base, with the same fields
 * in the JSON answer, the streamed answer's last event, the history and {@code /v1}.
 */
class WholeScopeQuestionTests extends AbstractHttpsIntegrationTests {

	private static final int WITH_FEE = 7;

	String kb;

	String key;

	final List<String> withFee = new ArrayList<>();

	@BeforeEach
	void leases() {
		this.kb = createKnowledgeBase("whole-leases");
		this.key = chatAndUploadKey(this.kb);
		for (int n = 1; n <= WITH_FEE; n++) {
			this.withFee.add(uploadReady(this.key, this.kb, "elm-court-" + n + ".md",
					"# Lease of Elm Court " + n + "\n\nThe flat at Elm Court " + n
							+ " is let for one year.\n\nA termination fee of EUR " + n
							+ "00 is owed when the tenant leaves early.\n"));
		}
		uploadReady(this.key, this.kb, "harbour-lane-4.md",
				"# Lease of Harbour Lane 4\n\nNo termination fee applies to this tenancy.\n");
		uploadReady(this.key, this.kb, "mill-street-1.md",
				"# Lease of Mill Street 1\n\nThe rent is paid on the first working day of each month.\n");
	}

	@Test
	void aWhichQuestionListsEveryLeaseThatSaysItInTheAnswerAndItsHistory() {
		JsonNode session = startSession(this.key, this.kb);
		Answer asked = postMessage(session, "{\"message\":\"Which leases have a termination fee?\"}");
		assertThat(asked.status()).as(asked.text()).isEqualTo(200);
		JsonNode answer = asked.json();

		assertThat(answer.get("outcome").asText()).as(answer.toString()).isEqualTo("list");
		assertThat(answer.get("asks").asText()).isEqualTo("which");
		assertThat(answer.get("count").asInt()).isEqualTo(WITH_FEE);
		assertThat(answer.get("scanned").asInt()).isEqualTo(WITH_FEE + 2);
		assertThat(answer.get("truncated").asBoolean()).isFalse();
		List<String> items = new ArrayList<>();
		for (JsonNode item : answer.get("items")) {
			items.add(item.get("documentId").asText());
			assertThat(item.get("quote").asText()).startsWith("A termination fee of EUR");
			assertThat(item.get("page").asInt()).isEqualTo(1);
			int citation = item.get("citation").asInt();
			assertThat(answer.at("/citations/" + (citation - 1) + "/documentId").asText())
				.isEqualTo(item.get("documentId").asText());
		}
		assertThat(items).containsExactlyInAnyOrderElementsOf(this.withFee);
		assertThat(answer.get("answer").asText()).startsWith(WITH_FEE + " of the " + (WITH_FEE + 2) + " documents");

		JsonNode history = historyOf(session).at("/messages/1");
		assertThat(history.get("outcome").asText()).isEqualTo("list");
		assertThat(history.get("count")).isEqualTo(answer.get("count"));
		assertThat(history.get("items")).isEqualTo(answer.get("items"));
	}

	@Test
	void aFollowUpCountsAmongTheLeasesListedBeforeAndTheStreamEndsWithTheCount() throws Exception {
		JsonNode session = startSession(this.key, this.kb);
		askIn(session, "Which leases have a termination fee?");

		HttpResponse<String> streamed = HttpClient.newBuilder()
			.sslContext(Calls.trusting(this.certificate))
			.build()
			.send(HttpRequest.newBuilder(URI.create(url(sessionPath(session) + "/messages")))
				.header("Authorization", bearerOf(session))
				.header("Content-Type", "application/json")
				.header("Accept", "text/event-stream")
				.POST(HttpRequest.BodyPublishers
					.ofString("{\"message\":\"And how many of them are owed when the tenant leaves early?\"}"))
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		String[] events = streamed.body().split("\n\n");
		String last = events[events.length - 1];
		assertThat(last).as(streamed.body()).contains("event:done");
		JsonNode done = json.readTree(last.substring(last.indexOf("data:") + "data:".length()));
		assertThat(done.get("outcome").asText()).isEqualTo("list");
		assertThat(done.get("asks").asText()).isEqualTo("how-many");
		assertThat(done.get("scanned").asInt()).as("the leases listed before").isEqualTo(WITH_FEE);
		assertThat(done.get("count").asInt()).isEqualTo(WITH_FEE);
	}

	@Test
	void v1ClientsGetTheSameCountAndItems() throws Exception {
		Answer answer = postJson("/v1/chat/completions", "X-API-Key", this.key,
				"""
						{"model": "kb:%s", "messages": [{"role": "user", "content": "How many leases have a termination fee?"}]}"""
					.formatted(this.kb));
		assertThat(answer.status()).as(answer.text()).isEqualTo(200);
		JsonNode body = json.readTree(answer.body());
		assertThat(body.get("outcome").asText()).isEqualTo("list");
		assertThat(body.get("count").asInt()).isEqualTo(WITH_FEE);
		assertThat(body.get("items")).hasSize(WITH_FEE);
		assertThat(body.at("/choices/0/message/content").asText()).startsWith(WITH_FEE + " of the ");
	}

	@Test
	void aMetadataFilterCountsOnlyTheLeasesThatPassIt() {
		String bergenFee = uploadWithMetadata("bergen-quay-1.md",
				"# Lease of Bergen Quay 1\n\nA termination fee of EUR 950 is owed when the tenant leaves early.\n",
				"{\"city\":\"Bergen\",\"year\":2025}");
		String olderBergenFee = uploadWithMetadata("bergen-quay-2.md",
				"# Lease of Bergen Quay 2\n\nA termination fee of EUR 975 is owed when the tenant leaves early.\n",
				"{\"city\":\"Bergen\",\"year\":2023}");
		uploadWithMetadata("bergen-quay-3.md",
				"# Lease of Bergen Quay 3\n\nNo termination fee applies to this tenancy.\n",
				"{\"city\":\"Bergen\",\"year\":2025}");
		uploadWithMetadata("oslo-quay-1.md",
				"# Lease of Oslo Quay 1\n\nA termination fee of EUR 990 is owed when the tenant leaves early.\n",
				"{\"city\":\"Oslo\",\"year\":2025}");
		String bergen = "{\"key\":\"city\",\"op\":\"eq\",\"value\":\"Bergen\"}";
		JsonNode session = startSession(this.key, this.kb);

		Answer asked = postMessage(session,
				"{\"message\":\"How many leases have a termination fee?\",\"filter\":" + bergen + "}");

		assertThat(asked.status()).as(asked.text()).isEqualTo(200);
		JsonNode answer = asked.json();
		assertThat(answer.get("outcome").asText()).as(answer.toString()).isEqualTo("list");
		assertThat(answer.get("count").asInt()).isEqualTo(2);
		assertThat(answer.get("scanned").asInt()).as("the leases in Bergen").isEqualTo(3);
		assertThat(answer.get("items")).extracting((item) -> item.get("documentId").asText())
			.containsExactlyInAnyOrder(bergenFee, olderBergenFee);
		assertThat(answer.get("answer").asText()).startsWith("2 of the 3 documents in scope say");
		// a filter of two conditions, over /v1 (its extension field)
		Answer completion = postJson("/v1/chat/completions", "X-API-Key", this.key, """
				{"model": "kb:%s", "messages": [{"role": "user", "content": "Which leases have a termination fee?"}],
				 "filter": {"and": [%s, {"key": "year", "op": "gte", "value": 2024}]}}""".formatted(this.kb, bergen));
		assertThat(completion.status()).as(completion.text()).isEqualTo(200);
		JsonNode body = completion.json();
		assertThat(body.get("count").asInt()).as(body.toString()).isEqualTo(1);
		assertThat(body.get("scanned").asInt()).isEqualTo(2);
		assertThat(body.get("items")).extracting((item) -> item.get("documentId").asText()).containsExactly(bergenFee);
		// the same chat without a filter counts every lease of the knowledge base
		JsonNode unfiltered = askIn(session, "How many leases have a termination fee?");
		assertThat(unfiltered.get("count").asInt()).isEqualTo(WITH_FEE + 3);
		assertThat(unfiltered.get("scanned").asInt()).isEqualTo(WITH_FEE + 2 + 4);
	}

	@Test
	void aChatOverTwoKnowledgeBasesCountsTheLeasesOfBoth() {
		String shops = createKnowledgeBase("whole-shops");
		String both = issueKey(
				"{\"scopes\":[\"chat\",\"upload\"],\"knowledgeBases\":[\"" + this.kb + "\",\"" + shops + "\"]}");
		JsonNode shop = uploadAndAwait(both, shops, "shop-1.md",
				"# Lease of Shop 1\n\nA termination fee of EUR 900 is owed when the tenant leaves early.\n"
					.getBytes(StandardCharsets.UTF_8));
		assertThat(shop.get("status").asText()).isEqualTo("READY");
		Answer started = postJson("/api/v1/sessions", "X-API-Key", both,
				"{\"knowledgeBases\":[\"" + this.kb + "\",\"" + shops + "\"]}");
		assertThat(started.status()).as(started.text()).isEqualTo(201);

		JsonNode answer = askIn(started.json(), "How many leases have a termination fee?");

		assertThat(answer.get("count").asInt()).as(answer.toString()).isEqualTo(WITH_FEE + 1);
		assertThat(answer.get("scanned").asInt()).isEqualTo(WITH_FEE + 3);
		assertThat(answer.get("items")).extracting((item) -> item.get("knowledgeBase").asText())
			.contains(this.kb, shops);
	}

	private String uploadWithMetadata(String filename, String text, String metadata) {
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("file", file(filename, text.getBytes(StandardCharsets.UTF_8)));
		parts.add("metadata", metadata);
		Answer submitted = postMultipart("/api/v1/knowledge-bases/" + this.kb + "/documents", "X-API-Key", this.key,
				parts);
		assertThat(submitted.status()).as(submitted.text()).isEqualTo(202);
		Answer ingested = call("GET", submitted.json().at("/documents/0/statusUrl").asText() + "?waitSeconds=60",
				"X-API-Key", this.key);
		assertThat(ingested.json().get("status").asText()).as(ingested.text()).isEqualTo("READY");
		return ingested.json().get("id").asText();
	}

}
