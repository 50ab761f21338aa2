package dev.ragchat.api.chat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragchat.api.AbstractHttpsIntegrationTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A question asked back over HTTP, in a knowledge base of several policies: its readings
 * are kept with the history as the live answer carries them, and a reading chosen (its
 * document sent as {@code reading}) asks the question again of that document alone.
 */
public class ClarifyReadingsTests extends AbstractHttpsIntegrationTests {

	/** A travel policy, also the console's browser tests' (one text for both). */
	public static final String TRAVEL = """
			# Travel policy

			The policy covers every employee who travels for work.
			Employees book travel through the company portal at least two weeks ahead.
			The policy makes economy class the rule for flights shorter than six hours.
			Hotel costs are reimbursed up to the city rate published by finance.
			Meals while travelling are covered by a daily allowance.
			Receipts for every travel expense are submitted within thirty days of return.
			""";

	/** A remote work policy, also the console's browser tests'. */
	public static final String REMOTE = """
			# Remote work policy

			It applies to staff whose role can be done away from the office.
			Employees may work from home up to three days a week.
			The policy asks people working remotely to be reachable between ten and four.
			A laptop and a headset are lent to everyone who works from home.
			""";

	static final String LEAVE = """
			# Parental leave policy

			Parents receive sixteen weeks of paid leave after a birth or an adoption.
			The leave may be taken in up to three blocks within the child's first year.
			The policy lets parents return part time for the first two months.
			""";

	/** Speaks of the policies by name, and is none of them. */
	static final String EXPENSES = """
			# Expense rules

			The travel policy allows expense claims for up to five days after a trip.
			The remote work policy allows a home office claim once every two days of work.
			The parental leave policy allows no expense claims during the days of leave.
			""";

	static final String QUESTION = "How many days does the policy allow?";

	String kb;

	String key;

	/** The documents' file names, by id. */
	final Map<String, String> files = new HashMap<>();

	@BeforeEach
	void policies() {
		this.kb = createKnowledgeBase("readings-handbook");
		this.key = chatAndUploadKey(this.kb);
		this.files.put(uploadReady(this.key, this.kb, "travel-policy.md", TRAVEL), "travel-policy.md");
		this.files.put(uploadReady(this.key, this.kb, "remote-work-policy.md", REMOTE), "remote-work-policy.md");
		this.files.put(uploadReady(this.key, this.kb, "parental-leave-policy.md", LEAVE), "parental-leave-policy.md");
		this.files.put(uploadReady(this.key, this.kb, "expense-rules.md", EXPENSES), "expense-rules.md");
	}

	@Test
	void theReadingsOfAQuestionAskedBackComeWithTheHistoryAsTheyCameLive() {
		JsonNode session = startSession(this.key, this.kb);
		JsonNode live = ask(session, QUESTION, null);
		assertThat(live.get("outcome").asText()).as(live.toString()).isEqualTo("clarify");
		assertThat(live.at("/clarification/kind").asText()).isEqualTo("policy");
		assertThat(live.at("/clarification/readings")).hasSizeGreaterThanOrEqualTo(2);
		// each reading's source is the citation that names it, the marker after its label
		for (JsonNode reading : live.at("/clarification/readings")) {
			int source = reading.get("source").asInt();
			assertThat(live.get("answer").asText()).contains(reading.get("label").asText() + " [" + source + "]");
			assertThat(live.at("/citations/" + (source - 1) + "/index").asInt()).isEqualTo(source);
		}

		JsonNode history = historyOf(session);
		assertThat(history.at("/messages/1/id").asText()).isEqualTo(live.get("id").asText());
		assertThat(history.at("/messages/1/outcome").asText()).isEqualTo("clarify");
		assertThat(history.at("/messages/1/clarification")).isEqualTo(live.get("clarification"));
		assertThat(history.at("/messages/1/citations")).isEqualTo(live.get("citations"));
		assertThat(history.at("/messages/0").has("clarification")).isFalse();
	}

	@Test
	void eachReadingChosenIsAnsweredFromItsDocumentAlone() {
		JsonNode session = startSession(this.key, this.kb);
		ask(session, QUESTION, null);
		// as a client that was reloaded reads them: from the history
		JsonNode asked = historyOf(session).at("/messages/1");
		assertThat(asked.get("outcome").asText()).as(asked.toString()).isEqualTo("clarify");
		assertThat(asked.at("/clarification/readings")).as(asked.toString()).hasSizeGreaterThanOrEqualTo(2);
		for (JsonNode reading : asked.at("/clarification/readings")) {
			String label = reading.get("label").asText();
			String document = asked.at("/citations/" + (reading.get("source").asInt() - 1) + "/documentId").asText();
			JsonNode answer = ask(session, QUESTION.replace("the policy", "the " + label), document);
			assertThat(answer.get("outcome").asText()).as(label + ": " + answer).isEqualTo("answer");
			assertThat(answer.get("grounded").asBoolean()).isTrue();
			assertThat(answer.get("citations")).as(label + ": " + answer)
				.isNotEmpty()
				.allSatisfy((citation) -> assertThat(this.files.get(citation.get("documentId").asText()))
					.isEqualTo(this.files.get(document)));
		}
		// the reading's document alone: nothing of another document, even one the
		// question
		// names
		String remote = this.files.entrySet()
			.stream()
			.filter((file) -> file.getValue().equals("remote-work-policy.md"))
			.findFirst()
			.orElseThrow()
			.getKey();
		JsonNode elsewhere = ask(session, "How many days does the Travel policy allow?", remote);
		assertThat(elsewhere.get("citations")).as(elsewhere.toString())
			.allSatisfy((citation) -> assertThat(citation.get("documentId").asText()).isEqualTo(remote));
		assertThat(elsewhere.get("passages")).as(elsewhere.toString())
			.isNotEmpty()
			.allSatisfy((passage) -> assertThat(passage.get("documentId").asText()).isEqualTo(remote));
		// the reading held for its question only: the next one asks the whole knowledge
		// base again
		JsonNode next = ask(session, "How many days after a trip may expenses be claimed?", null);
		assertThat(next.get("citations")).extracting((c) -> this.files.get(c.get("documentId").asText()))
			.contains("expense-rules.md");
	}

	@Test
	void aReadingOutsideTheConversationIsRefused() {
		JsonNode session = startSession(this.key, this.kb);
		String other = createKnowledgeBase("readings-elsewhere");
		String elsewhere = uploadAndAwait(issueKey("{\"scopes\":[\"upload\"],\"knowledgeBases\":[\"" + other + "\"]}"),
				other, "travel-policy.md", TRAVEL.getBytes(StandardCharsets.UTF_8))
			.get("id")
			.asText();
		Answer foreign = postMessage(session,
				"{\"message\":\"" + QUESTION + "\",\"reading\":{\"documentId\":\"" + elsewhere + "\"}}");
		assertThat(foreign.problem(404)).contains("No document '" + elsewhere + "'");
		Answer missing = postMessage(session, "{\"message\":\"" + QUESTION + "\",\"reading\":{}}");
		assertThat(missing.problem(400)).contains("reading.documentId");
		// nothing was kept of either
		assertThat(historyOf(session).get("total").asInt()).isZero();
	}

	private JsonNode ask(JsonNode session, String question, String reading) {
		Answer answer = postMessage(session, "{\"message\":\"" + question + "\""
				+ ((reading != null) ? ",\"reading\":{\"documentId\":\"" + reading + "\"}" : "") + "}");
		assertThat(answer.status()).as(answer.text()).isEqualTo(200);
		return answer.json();
	}

}
