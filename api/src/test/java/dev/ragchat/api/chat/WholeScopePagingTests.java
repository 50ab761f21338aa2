package dev.ragchat.api.chat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragchat.answer.Listing;
import dev.ragchat.api.AbstractHttpsIntegrationTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A question about the whole knowledge base that more documents answer than its text
 * lists ({@link Listing#SHOWN}): the text lists and cites the first ones and says how
 * many more there are, every one of them is in the answer's {@code items} (where the rest
 * is read), and a follow-up that asks "how many of them …" counts among all of them, not
 * only the cited ones.
 */
class WholeScopePagingTests extends AbstractHttpsIntegrationTests {

	/** More leases with the fee than the text lists. */
	private static final int WITH_FEE = Listing.SHOWN + 7;

	private static final int WITHOUT_FEE = 2;

	/**
	 * Files sent in one upload request: all of them, past Tomcat's default of 50 parts
	 * (the service takes 1,000).
	 */
	private static final int FILES_PER_REQUEST = WITH_FEE + WITHOUT_FEE;

	String kb;

	String key;

	final List<String> withFee = new ArrayList<>();

	@BeforeEach
	void manyLeases() {
		this.kb = createKnowledgeBase("whole-many-leases");
		this.key = chatAndUploadKey(this.kb);
		List<Object> files = new ArrayList<>();
		for (int n = 1; n <= WITH_FEE; n++) {
			files.add(lease("quay-" + n + ".md", "# Lease of Quay " + n + "\n\nThe berth at Quay " + n
					+ " is let for one season.\n\nA termination fee of EUR " + (n * 10) + " is owed.\n"));
		}
		for (int n = 1; n <= WITHOUT_FEE; n++) {
			files.add(lease("pier-" + n + ".md",
					"# Lease of Pier " + n + "\n\nNo termination fee applies to berth " + n + ".\n"));
		}
		List<JsonNode> submitted = new ArrayList<>();
		for (int from = 0; from < files.size(); from += FILES_PER_REQUEST) {
			MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
			files.subList(from, Math.min(from + FILES_PER_REQUEST, files.size()))
				.forEach((file) -> parts.add("file", file));
			Answer answer = postMultipart("/api/v1/knowledge-bases/" + this.kb + "/documents", "X-API-Key", this.key,
					parts);
			assertThat(answer.status()).as(answer.text()).isEqualTo(202);
			answer.json().get("documents").forEach(submitted::add);
		}
		for (JsonNode document : submitted) {
			String status = awaitIngested(document.get("statusUrl").asText());
			assertThat(status).as(document.toString()).isEqualTo("READY");
			if (document.get("filename").asText().startsWith("quay-")) {
				this.withFee.add(document.get("id").asText());
			}
		}
		assertThat(this.withFee).hasSize(WITH_FEE);
	}

	@Test
	void theTextListsTheFirstFiftyAndTheItemsHoldEveryLease() {
		JsonNode session = startSession(this.key, this.kb);

		JsonNode answer = askIn(session, "Which leases have a termination fee?");

		assertThat(answer.get("outcome").asText()).as(answer.toString()).isEqualTo("list");
		assertThat(answer.get("count").asInt()).isEqualTo(WITH_FEE);
		assertThat(answer.get("scanned").asInt()).isEqualTo(WITH_FEE + WITHOUT_FEE);
		assertThat(answer.get("truncated").asBoolean()).isFalse();
		// every lease that says it is an item, the first SHOWN cited in order, the rest
		// not
		JsonNode items = answer.get("items");
		assertThat(items).extracting((item) -> item.get("documentId").asText())
			.containsExactlyInAnyOrderElementsOf(this.withFee);
		for (int i = 0; i < items.size(); i++) {
			JsonNode item = items.get(i);
			assertThat(item.get("quote").asText()).as(item.toString()).startsWith("A termination fee of EUR");
			if (i < Listing.SHOWN) {
				assertThat(item.get("citation").asInt()).as(item.toString()).isEqualTo(i + 1);
				assertThat(answer.at("/citations/" + i + "/documentId").asText())
					.isEqualTo(item.get("documentId").asText());
			}
			else {
				assertThat(item.path("citation").isNull() || item.path("citation").isMissingNode())
					.as("item %d is not cited: %s", i + 1, item)
					.isTrue();
			}
		}
		assertThat(answer.get("citations")).hasSize(Listing.SHOWN);
		// the text lists the cited ones and says where the rest are
		String text = answer.get("answer").asText();
		assertThat(text).startsWith(WITH_FEE + " of the " + (WITH_FEE + WITHOUT_FEE) + " documents in scope say");
		assertThat(text.lines().filter((line) -> line.startsWith("- "))).hasSize(Listing.SHOWN);
		assertThat(text).contains("[" + Listing.SHOWN + "]")
			.doesNotContain("[" + (Listing.SHOWN + 1) + "]")
			.endsWith("… and " + (WITH_FEE - Listing.SHOWN) + " more: every one is in the answer's items.");
		// the history keeps every item too
		JsonNode kept = historyOf(session).at("/messages/1");
		assertThat(kept.get("items")).isEqualTo(items);
	}

	@Test
	void aFollowUpCountsAmongEveryLeaseListedBeforeNotOnlyTheCitedOnes() {
		JsonNode session = startSession(this.key, this.kb);
		assertThat(askIn(session, "Which leases have a termination fee?").get("count").asInt()).isEqualTo(WITH_FEE);

		JsonNode followUp = askIn(session, "And how many of them say a termination fee is owed?");

		assertThat(followUp.get("outcome").asText()).as(followUp.toString()).isEqualTo("list");
		assertThat(followUp.get("asks").asText()).isEqualTo("how-many");
		assertThat(followUp.get("scanned").asInt()).as("the leases listed before").isEqualTo(WITH_FEE);
		assertThat(followUp.get("count").asInt()).isEqualTo(WITH_FEE);
	}

	private static Object lease(String filename, String text) {
		return file(filename, text.getBytes(StandardCharsets.UTF_8));
	}

	/** Waits until a document's ingestion ends; answers its last status. */
	private String awaitIngested(String statusUrl) {
		String[] status = new String[1];
		await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200)).until(() -> {
			status[0] = call("GET", statusUrl, "X-API-Key", this.key).json().get("status").asText();
			return status[0].equals("READY") || status[0].equals("FAILED");
		});
		return status[0];
	}

}
