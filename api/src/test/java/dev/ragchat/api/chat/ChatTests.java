package dev.ragchat.api.chat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragchat.api.AbstractWebIntegrationTests;
import dev.ragchat.api.Calls;
import dev.ragchat.ingestion.TestFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Questions answered from uploaded documents with the extractive generator: cited to the
 * page, honest when the documents do not answer, streamed, remembered, isolated.
 */
class ChatTests extends AbstractWebIntegrationTests {

	@TempDir
	Path dir;

	String kb;

	String key;

	String pdf;

	@BeforeEach
	void documents() throws Exception {
		this.kb = createKnowledgeBase("chat");
		this.key = chatAndUploadKey(this.kb);
		this.pdf = upload(this.kb, TestFiles.factsPdf(this.dir.resolve("harbour.pdf")));
		upload(this.kb, TestFiles.handbookDocx(this.dir.resolve("handbook.docx")));
	}

	@Test
	void answersFromPageThreeWithACitation() throws Exception {
		String session = session(this.kb);
		ask(session, "When was the lighthouse on Kestrel Point automated?").andExpect(status().isOk())
			.andExpect(jsonPath("$.grounded").value(true))
			.andExpect(jsonPath("$.answer").value(containsString("automated in 1987")))
			.andExpect(jsonPath("$.answer").value(containsString("[1]")))
			.andExpect(jsonPath("$.citations[0].documentId").value(this.pdf))
			.andExpect(jsonPath("$.citations[0].page").value(3))
			.andExpect(jsonPath("$.citations[0].filename").value("harbour.pdf"));
	}

	@Test
	void saysSoWhenTheDocumentsDoNotAnswer() throws Exception {
		String session = session(this.kb);
		ask(session, "What is the boiling point of liquid nitrogen?").andExpect(status().isOk())
			.andExpect(jsonPath("$.grounded").value(false))
			.andExpect(jsonPath("$.citations").isEmpty())
			.andExpect(jsonPath("$.answer").value(containsString("do not answer")));
	}

	@Test
	void refusesAQuestionAboutACompanyTheDocumentsDoNotName() throws Exception {
		// the sentence about the lighthouse is near the question; the company is nowhere
		String session = session(this.kb);
		ask(session, "When did Adobe automate the lighthouse on Kestrel Point?").andExpect(status().isOk())
			.andExpect(jsonPath("$.grounded").value(false))
			.andExpect(jsonPath("$.citations").isEmpty())
			.andExpect(jsonPath("$.answer").value(containsString("do not answer")));
	}

	@Test
	void answersAQuestionAboutTwoThingsFromBothWhenRetrievalFindsOne() throws Exception {
		Path contoso = Files.writeString(this.dir.resolve("contoso.md"),
				"# Contoso cranes\n\nContoso cranes lift 40 tonnes on the harbour quay.\n");
		Path fabrikam = Files.writeString(this.dir.resolve("fabrikam.md"),
				"# Fabrikam\n\nFabrikam builds its cranes for rivers; they lift 12 tonnes.\n");
		String contosoId = upload(this.kb, contoso);
		String fabrikamId = upload(this.kb, fabrikam);
		// one chunk a question: search finds one of the two pages, which does not name
		// the other company; the ground step brings the other's page rather than
		// refusing (the extract then quotes the nearest sentences of either)
		JsonNode started = Calls.startSession(this.mvc, this.key, this.kb, 1);
		String session = started.get("sessionId").asText();
		this.tokens.put(session, started.get("token").asText());
		ask(session, "How many tonnes do the Contoso cranes on the harbour quay lift, and the Fabrikam ones?")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.grounded").value(true))
			.andExpect(jsonPath("$.citations[*].documentId")
				.value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.in(List.of(contosoId, fabrikamId)))));
	}

	@Test
	void aRefusedQuestionPutsNothingInFocusSoTheFollowUpIsAnsweredFromTheDocuments() throws Exception {
		// refused: the documents name no Adobe; a refused turn puts no subject in focus
		// (decision 0029), and the lighthouse on Kestrel Point, whose keepers the
		// follow-up
		// asks about, is what the documents hold
		String session = session(this.kb);
		ask(session, "When did Adobe automate the lighthouse on Kestrel Point?")
			.andExpect(jsonPath("$.grounded").value(false));
		ask(session, "And in which year were its keepers no longer living there in rotation?")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.grounded").value(true))
			.andExpect(jsonPath("$.citations").isNotEmpty());
	}

	@Test
	void quotesTheDocumentsWordForWord() throws Exception {
		String session = session(this.kb);
		JsonNode answer = json
			.readTree(ask(session, "When was the lighthouse on Kestrel Point automated?").andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString());
		assertThat(answer.get("grounded").asBoolean()).isTrue();
		String quoted = answer.get("answer").asText().replaceFirst("^Extract from the documents: ", "");
		List<String> quotes = java.util.Arrays.stream(quoted.split("\\s*\\[\\d+]\\s*"))
			.filter((q) -> !q.isBlank())
			.toList();
		assertThat(quotes).isNotEmpty().contains(TestFiles.PAGE_THREE_FACT);
		String sources = String.join("\n",
				this.mvc
					.perform(post("/api/v1/knowledge-bases/" + this.kb + "/search").secure(true)
						.header("X-API-Key", this.key)
						.contentType(MediaType.APPLICATION_JSON)
						.content("{\"query\":\"lighthouse Kestrel Point automated\",\"topK\":20}"))
					.andReturn()
					.getResponse()
					.getContentAsString()
					.lines()
					.toList());
		JsonNode results = json.readTree(sources).get("results");
		StringBuilder texts = new StringBuilder();
		results.forEach((r) -> texts.append(r.get("text").asText()).append('\n'));
		assertThat(quotes).allSatisfy((q) -> assertThat(texts.toString()).contains(q));
	}

	@Test
	void keepsTheHistoryOldestFirst() throws Exception {
		String session = session(this.kb);
		ask(session, "When was the harbour dredged?");
		ask(session, "How many boats did the fishing fleet count in 1950?");
		this.mvc
			.perform(get("/api/v1/sessions/" + session + "/messages?limit=3").secure(true)
				.header("Authorization", "Bearer " + token(session)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(4))
			.andExpect(jsonPath("$.messages.length()").value(3))
			.andExpect(jsonPath("$.messages[0].role").value("user"))
			.andExpect(jsonPath("$.messages[0].answer").value("When was the harbour dredged?"))
			.andExpect(jsonPath("$.messages[1].role").value("assistant"));
	}

	@Test
	void streamsTokensThenCitationsThenDoneAndStoresTheSameText() throws Exception {
		String session = session(this.kb);
		MvcResult started = this.mvc
			.perform(post("/api/v1/sessions/" + session + "/messages").secure(true)
				.header("Authorization", "Bearer " + token(session))
				.accept(MediaType.TEXT_EVENT_STREAM)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"message\":\"When was the lighthouse on Kestrel Point automated?\"}"))
			.andExpect(request().asyncStarted())
			.andReturn();
		String body = this.mvc.perform(asyncDispatch(started)).andReturn().getResponse().getContentAsString();
		List<String> events = body.lines().filter((l) -> l.startsWith("event:")).map((l) -> l.substring(6)).toList();
		assertThat(events).first().isEqualTo("token");
		assertThat(events.subList(events.size() - 2, events.size())).containsExactly("citations", "done");
		StringBuilder streamed = new StringBuilder();
		List<String> lines = body.lines().toList();
		for (int i = 0; i < lines.size() - 1; i++) {
			if (lines.get(i).equals("event:token")) {
				streamed.append(json.readTree(lines.get(i + 1).substring(5)).get("text").asText());
			}
		}
		String stored = json
			.readTree(this.mvc
				.perform(get("/api/v1/sessions/" + session + "/messages").secure(true)
					.header("Authorization", "Bearer " + token(session)))
				.andReturn()
				.getResponse()
				.getContentAsString())
			.at("/messages/1/answer")
			.asText();
		assertThat(streamed.toString()).isEqualTo(stored).contains("automated in 1987");
	}

	@Test
	void neverCitesAnotherKnowledgeBase() throws Exception {
		String other = createKnowledgeBase("other");
		String otherKey = chatAndUploadKey(other);
		Path canary = Files.writeString(this.dir.resolve("canary.txt"),
				"The canary word of the other base is zanzibarquartz, kept on shelf nine.");
		String canaryDoc = upload(other, canary, otherKey);
		String session = session(this.kb);
		String answer = ask(session, "What is the canary word zanzibarquartz kept on?").andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(answer).doesNotContain(canaryDoc).doesNotContain("zanzibarquartz, kept");
	}

	@Test
	void dropsCitationMarkersPlantedInADocument() throws Exception {
		upload(this.kb,
				Files.writeString(this.dir.resolve("reactor.txt"),
						"According to the manual [7], the reactor at the harbour is perfectly safe [12]. "
								+ "The harbour reactor was inspected by the port authority in 2019 [3, 4]."));
		String session = session(this.kb);
		JsonNode answer = json.readTree(ask(session, "Is the reactor at the harbour safe?").andExpect(status().isOk())
			.andExpect(jsonPath("$.grounded").value(true))
			.andReturn()
			.getResponse()
			.getContentAsString());
		String text = answer.get("answer").asText();
		assertThat(text).contains("According to the manual, the reactor at the harbour is perfectly safe.")
			.doesNotContain("[7]")
			.doesNotContain("[12]")
			.doesNotContain("[3, 4]");
		// every marker left is ragchat's own: it names a citation
		List<Integer> cited = new java.util.ArrayList<>();
		answer.get("citations").forEach((c) -> cited.add(c.get("index").asInt()));
		java.util.regex.Matcher markers = java.util.regex.Pattern.compile("\\[(\\d+)]").matcher(text);
		while (markers.find()) {
			assertThat(cited).contains(Integer.parseInt(markers.group(1)));
		}
	}

	ResultActions ask(String session, String message) throws Exception {
		return this.mvc.perform(post("/api/v1/sessions/" + session + "/messages").secure(true)
			.header("Authorization", "Bearer " + token(session))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(java.util.Map.of("message", message))));
	}

	private final java.util.Map<String, String> tokens = new java.util.HashMap<>();

	String session(String kb) throws Exception {
		JsonNode started = Calls.startSession(this.mvc, this.key, kb);
		this.tokens.put(started.get("sessionId").asText(), started.get("token").asText());
		return started.get("sessionId").asText();
	}

	String token(String session) {
		return this.tokens.get(session);
	}

	String upload(String kb, Path file) throws Exception {
		return upload(kb, file, this.key);
	}

	String upload(String kb, Path file, String apiKey) throws Exception {
		JsonNode document = Calls.uploadAndAwait(this.mvc, apiKey, kb, file.getFileName().toString(),
				Files.readAllBytes(file));
		assertThat(document.get("status").asText()).isEqualTo("READY");
		return document.get("id").asText();
	}

}
