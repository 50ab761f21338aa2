package dev.ragchat.api.chat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A question may ask for its answer's trace ({@code "trace": true}): the stages as they
 * ran, as JSON and in the streamed {@code done} event, and kept with the answer in the
 * history (without what the answer repeats); and every answer that is not grounded says
 * why ({@code refusal}), in the answer, the stream and the history.
 */
class AnswerTraceTests extends AbstractWebIntegrationTests {

	private static final String ANSWERABLE = "When was the lighthouse on Kestrel Point automated?";

	private static final String UNANSWERABLE = "What did the Zorblax board decide about the lighthouse?";

	@TempDir
	Path dir;

	private String pdf;

	private String session;

	private String bearer;

	@BeforeEach
	void session() throws Exception {
		String kb = createKnowledgeBase("trace");
		String key = chatAndUploadKey(kb);
		this.pdf = Calls
			.uploadAndAwait(this.mvc, key, kb, "harbour.pdf",
					Files.readAllBytes(TestFiles.factsPdf(this.dir.resolve("harbour.pdf"))))
			.get("id")
			.asText();
		JsonNode started = Calls.startSession(this.mvc, key, kb);
		this.session = started.get("sessionId").asText();
		this.bearer = "Bearer " + started.get("token").asText();
	}

	@Test
	void aTracedQuestionGetsEveryStageOfItsAnswerInOrderWithTheCandidatesAndTheJudgesReason() throws Exception {
		JsonNode answer = ask("{\"message\":\"" + ANSWERABLE + "\",\"trace\":true}");
		assertThat(answer.get("grounded").asBoolean()).isTrue();
		JsonNode trace = answer.get("trace");
		assertThat(trace.get("question").asText()).isEqualTo(ANSWERABLE);
		assertThat(trace.get("stages").findValuesAsText("name")).containsSubsequence("rewrite", "shape", "vector",
				"keyword", "fuse", "rerank", "judge", "generate", "cite");
		for (JsonNode stage : trace.get("stages")) {
			assertThat(stage.get("ms").asDouble()).as(stage.get("name").asText()).isNotNegative();
		}
		assertThat(stage(trace, "shape").at("/query/keywords").findValuesAsText("word")).contains("lighthouse");
		for (String ranking : List.of("vector", "keyword", "fuse", "rerank")) {
			JsonNode first = stage(trace, ranking).at("/candidates/0");
			assertThat(first.get("rank").asInt()).as(ranking).isEqualTo(1);
			assertThat(first.get("documentId").asText()).as(ranking).isEqualTo(this.pdf);
			assertThat(first.get("filename").asText()).isEqualTo("harbour.pdf");
			assertThat(first.get("page").asInt()).isPositive();
			assertThat(first.get("chunkId").asText()).isNotBlank();
			assertThat(first.get("score").isNumber()).isTrue();
		}
		JsonNode decisions = stage(trace, "judge").get("decisions");
		assertThat(decisions.findValuesAsText("judge")).isNotEmpty();
		for (JsonNode decision : decisions) {
			assertThat(decision.get("answerable").asBoolean()).isTrue();
			assertThat(decision.get("detail").asText()).isNotBlank();
		}
		assertThat(stage(trace, "cite").at("/quotes/0/quote").asText()).contains("1987");
		assertThat(answer.has("refusal")).isFalse();

		// streamed: the done event carries it
		JsonNode done = stream("{\"message\":\"" + ANSWERABLE + "\",\"trace\":true}");
		assertThat(done.at("/trace/stages").findValuesAsText("name")).containsSubsequence("rewrite", "judge", "cite");

	}

	@Test
	void theHistoryKeepsATracedAnswersTraceWithEveryStageLessTheAnswersOwnText() throws Exception {
		JsonNode asked = ask("{\"message\":\"" + ANSWERABLE + "\",\"trace\":true}");
		ask("{\"message\":\"" + ANSWERABLE + "\"}");
		JsonNode messages = history().get("messages");
		assertThat(messages.get(0).has("trace")).as("a question has none").isFalse();
		assertThat(messages.get(3).has("trace")).as("an answer that did not ask for it has none").isFalse();
		JsonNode kept = messages.get(1).get("trace");
		JsonNode live = asked.get("trace");
		assertThat(kept.get("stages").findValuesAsText("name"))
			.containsExactlyElementsOf(live.get("stages").findValuesAsText("name"));
		assertThat(stage(kept, "rewrite")).isEqualTo(stage(live, "rewrite"));
		assertThat(stage(kept, "judge").get("decisions")).isEqualTo(stage(live, "judge").get("decisions"));
		assertThat(stage(kept, "cite")).isEqualTo(stage(live, "cite"));
		for (String ranking : List.of("vector", "keyword", "fuse", "rerank")) {
			assertThat(stage(kept, ranking).get("candidates").findValuesAsText("chunkId")).as(ranking)
				.isEqualTo(stage(live, ranking).get("candidates").findValuesAsText("chunkId"));
			assertThat(stage(kept, ranking).get("candidates").findValues("rank"))
				.isEqualTo(stage(live, ranking).get("candidates").findValues("rank"));
		}
		// each passage's snippet once, and not the answer's text again
		List<String> snippets = kept.findValues("snippet")
			.stream()
			.filter(JsonNode::isTextual)
			.map(JsonNode::asText)
			.toList();
		assertThat(snippets).doesNotHaveDuplicates()
			.hasSameSizeAs(kept.findValuesAsText("chunkId").stream().distinct().toList());
		assertThat(stage(kept, "generate").has("gave")).isFalse();
		assertThat(stage(live, "generate").get("gave").asText()).contains("1987");
		assertThat(kept.toString().length()).isLessThan(live.toString().length());
	}

	@Test
	void aQuestionThatDoesNotAskForItsTraceGetsNoTraceField() throws Exception {
		assertThat(ask("{\"message\":\"" + ANSWERABLE + "\"}").has("trace")).isFalse();
		assertThat(ask("{\"message\":\"" + ANSWERABLE + "\",\"trace\":false}").has("trace")).isFalse();
		assertThat(stream("{\"message\":\"" + ANSWERABLE + "\"}").has("trace")).isFalse();
	}

	@Test
	void anAnswerTheDocumentsDoNotGiveSaysWhyInTheAnswerTheStreamAndTheHistory() throws Exception {
		JsonNode answer = ask("{\"message\":\"" + UNANSWERABLE + "\",\"trace\":true}");
		assertThat(answer.get("grounded").asBoolean()).isFalse();
		assertThat(answer.at("/refusal/reason").asText()).isEqualTo("names-not-in-sources");
		assertThat(answer.at("/refusal/detail").asText()).contains("Zorblax");
		JsonNode refused = stage(answer.get("trace"), "judge").get("decisions");
		assertThat(refused.get(refused.size() - 1).get("reason").asText()).isEqualTo("names-not-in-sources");
		assertThat(answer.at("/trace/refusal")).isEqualTo(answer.get("refusal"));

		JsonNode done = stream("{\"message\":\"" + UNANSWERABLE + "\"}");
		assertThat(done.get("refusal")).isEqualTo(answer.get("refusal"));

		JsonNode messages = history().get("messages");
		assertThat(messages.get(0).has("refusal")).isFalse();
		assertThat(messages.get(1).get("refusal")).isEqualTo(answer.get("refusal"));
		assertThat(messages.get(3).get("refusal")).isEqualTo(answer.get("refusal"));
	}

	private static JsonNode stage(JsonNode trace, String name) {
		for (JsonNode stage : trace.get("stages")) {
			if (stage.get("name").asText().equals(name)) {
				return stage;
			}
		}
		throw new AssertionError("No stage " + name + " in " + trace);
	}

	private JsonNode ask(String body) throws Exception {
		return json.readTree(
				this.mvc
					.perform(post("/api/v1/sessions/" + this.session + "/messages").secure(true)
						.header("Authorization", this.bearer)
						.contentType(MediaType.APPLICATION_JSON)
						.content(body))
					.andExpect(status().isOk())
					.andReturn()
					.getResponse()
					.getContentAsString());
	}

	private JsonNode stream(String body) throws Exception {
		MvcResult streaming = this.mvc
			.perform(post("/api/v1/sessions/" + this.session + "/messages").secure(true)
				.header("Authorization", this.bearer)
				.accept(MediaType.TEXT_EVENT_STREAM)
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(request().asyncStarted())
			.andReturn();
		List<String> lines = new ArrayList<>(this.mvc.perform(asyncDispatch(streaming))
			.andReturn()
			.getResponse()
			.getContentAsString()
			.lines()
			.toList());
		for (int i = 0; i < lines.size() - 1; i++) {
			if (lines.get(i).equals("event:done")) {
				return json.readTree(lines.get(i + 1).substring("data:".length()));
			}
		}
		throw new AssertionError("No done event in " + lines);
	}

	private JsonNode history() throws Exception {
		return json.readTree(this.mvc
			.perform(get("/api/v1/sessions/" + this.session + "/messages").secure(true)
				.header("Authorization", this.bearer))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

}
