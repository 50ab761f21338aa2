package dev.ragchat.answer.generate;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.ragchat.answer.AnswerGenerator;
import dev.ragchat.api.Calls;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A question about the whole knowledge base with a language model (an OpenAI-compatible
 * server stubbed with WireMock): the model reads the listed passages and is told the
 * count, and may write a paragraph above the list; the count and the items stay the
 * engine's whatever the model writes. Set up as {@code OpenAiCompatibleAnswerTests} is,
 * so the two share one context.
 */
@SpringBootTest(properties = { "ragchat.chat.generator=openai-compatible", "ragchat.chat.openai.model=local-model",
		"ragchat.chat.openai.api-key=test-api-key", "ragchat.chat.openai.max-tokens=512",
		"ragchat.chat.openai.timeout=3s" })
@AutoConfigureMockMvc
@Import(SharedModelServers.OpenAiEndpoint.class)
class ListIntroductionTests {

	private static final ObjectMapper json = new ObjectMapper();

	@RegisterExtension
	static WireMockExtension server = SharedModelServers.openAi();

	@Autowired
	MockMvc mvc;

	@Value("${ragchat.master-key}")
	String masterKey;

	String kb;

	String key;

	@BeforeEach
	void leases() throws Exception {
		this.kb = json
			.readTree(this.mvc.perform(MockMvcRequestBuilders.post("/api/v1/knowledge-bases")
				.secure(true)
				.header("X-Master-Key", this.masterKey)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"leases\"}")).andReturn().getResponse().getContentAsString())
			.get("id")
			.asText();
		this.key = Calls.chatAndUploadKey(this.mvc, this.masterKey, this.kb);
		for (int n = 1; n <= 3; n++) {
			upload("elm-court-" + n + ".md", "# Elm Court " + n + "\n\nA termination fee of EUR " + n
					+ "00 is owed when the tenant leaves early.\n");
		}
		upload("harbour-lane.md", "# Harbour Lane\n\nNo termination fee applies to this tenancy.\n");
		server.resetRequests();
	}

	@Test
	void theModelReadsTheItemsAndTheCountButWritesNeither() throws Exception {
		answers("These leases charge a fee when a tenant leaves early [1]. There are 99 of them.");

		JsonNode answer = ask("Which leases have a termination fee?");

		assertThat(answer.path("outcome").asText()).as(answer.toString()).isEqualTo("list");
		// the count and the items are the engine's, whatever the model says: its sentence
		// that counts is dropped
		assertThat(answer.get("count").asInt()).isEqualTo(3);
		assertThat(answer.get("items")).hasSize(3);
		assertThat(answer.get("answer").asText())
			.startsWith("These leases charge a fee when a tenant leaves early.\n\n3 of the 4 documents in scope say")
			.doesNotContain("99");
		assertTheModelWasAskedOnceWithTheItemsAndTheCount();
	}

	@Test
	void aModelThatFindsNothingToSayLeavesTheListAlone() throws Exception {
		answers(AnswerGenerator.NOT_FOUND);

		JsonNode answer = ask("How many leases have a termination fee?");

		assertThat(answer.get("count").asInt()).isEqualTo(3);
		assertThat(answer.get("answer").asText()).startsWith("3 of the 4 documents in scope say");
		// it was asked, and what it said left out
		assertTheModelWasAskedOnceWithTheItemsAndTheCount();
	}

	/** The model got the listed passages and the count, and was told not to count. */
	private static void assertTheModelWasAskedOnceWithTheItemsAndTheCount() {
		List<String> requests = server.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions")))
			.stream()
			.map((request) -> request.getBodyAsString())
			.toList();
		assertThat(requests).singleElement()
			.satisfies((request) -> assertThat(request)
				.contains("A termination fee of EUR 100", "A termination fee of EUR 200",
						"A termination fee of EUR 300", "3 of the 4 documents in scope", "Do not count them")
				.doesNotContain("No termination fee applies"));
	}

	/** The model's answer, whole or streamed. */
	private static void answers(String text) {
		server.stubFor(post(urlPathEqualTo("/v1/chat/completions")).atPriority(5)
			.willReturn(aResponse().withHeader("Content-Type", "application/json")
				.withBody(ModelReplies.openAiCompletion(text))));
		server.stubFor(post(urlPathEqualTo("/v1/chat/completions")).atPriority(1)
			.withRequestBody(containing("\"stream\":true"))
			.willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
				.withBody(OpenAiCompatibleAnswerTests.events(List.of(text)))));
	}

	private JsonNode ask(String question) throws Exception {
		JsonNode session = json
			.readTree(this.mvc
				.perform(MockMvcRequestBuilders.post("/api/v1/sessions")
					.secure(true)
					.header("X-API-Key", this.key)
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"knowledgeBase\":\"" + this.kb + "\"}"))
				.andReturn()
				.getResponse()
				.getContentAsString());
		return json.readTree(
				this.mvc
					.perform(MockMvcRequestBuilders
						.post("/api/v1/sessions/" + session.get("sessionId").asText() + "/messages")
						.secure(true)
						.header("Authorization", "Bearer " + session.get("token").asText())
						.contentType(MediaType.APPLICATION_JSON)
						.content("{\"message\":\"" + question + "\"}"))
					.andReturn()
					.getResponse()
					.getContentAsString());
	}

	private void upload(String filename, String text) throws Exception {
		assertThat(Calls.uploadAndAwait(this.mvc, this.key, this.kb, filename, text.getBytes(StandardCharsets.UTF_8))
			.get("status")
			.asText()).isEqualTo("READY");
	}

}
