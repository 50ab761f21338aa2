package dev.ragchat.api.evaluation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragchat.api.AbstractWebIntegrationTests;
import dev.ragchat.api.Calls;
import dev.ragchat.api.chat.AnswerAdmission;
import dev.ragchat.ingestion.TestFiles;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Evaluations over HTTP, on two documents ingested here (the harbour PDF, whose page 3
 * says when the lighthouse was automated and page 1 when the harbour was dredged, and a
 * Markdown file about bread) with the extractive generator.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvaluationTests extends AbstractWebIntegrationTests {

	static final String GOLDEN_SET = """
			{"id": "lighthouse", "question": "When was the lighthouse on Kestrel Point automated?", "pages": [{"document": "harbour", "page": 3}]}
			{"id": "wrong-page", "question": "When was the lighthouse on Kestrel Point automated?", "pages": [{"document": "harbour.pdf", "page": 1}]}
			{"id": "sourdough", "question": "How long does the sourdough proof overnight?", "documents": ["bakery.md"]}
			{"id": "atlas", "question": "When was the harbour dredged?", "documents": ["atlas"]}
			{"id": "nitrogen-answerable", "question": "What is the boiling point of liquid nitrogen?", "documents": ["bakery"]}
			{"id": "nitrogen", "question": "What is the boiling point of liquid nitrogen?", "refuse": true}
			{"id": "adobe", "question": "When did Adobe automate the lighthouse on Kestrel Point?"}
			{"id": "dredged", "question": "When was the harbour dredged?", "refuse": true}
			""";

	/** Two questions the harbour PDF answers. */
	static final String TWO_QUESTIONS = """
			{"id": "dredged", "question": "When was the harbour dredged?", "documents": ["harbour"]}
			{"id": "lighthouse", "question": "When was the lighthouse on Kestrel Point automated?", "documents": ["harbour"]}
			""";

	@Autowired
	AnswerAdmission admission;

	@Autowired
	EvaluationStore store;

	@Autowired
	StorageProvider jobs;

	String kb;

	String key;

	String harbour;

	@BeforeAll
	void documents(@TempDir Path dir) throws Exception {
		this.kb = createKnowledgeBase("evaluated");
		this.key = chatAndUploadKey(this.kb);
		this.harbour = Calls
			.uploadAndAwait(this.mvc, this.key, this.kb, "harbour.pdf",
					Files.readAllBytes(TestFiles.factsPdf(dir.resolve("harbour.pdf"))))
			.get("id")
			.asText();
		Calls.uploadAndAwait(this.mvc, this.key, this.kb, "bakery.md",
				("# Bakery\n\nThe sourdough proofs overnight for twelve hours in the cold room.\n\n"
						+ "Rye loaves bake for an hour at 220 degrees.\n")
					.getBytes());
	}

	@Test
	void scoresAGoldenSetAsComputedByHand() throws Exception {
		JsonNode started = start(this.key, GOLDEN_SET, "name=baseline").get();
		assertThat(started.get("total").asInt()).isEqualTo(8);
		JsonNode run = awaitEnd(started.get("id").asText());
		assertThat(run.get("status").asText()).isEqualTo("DONE");
		assertThat(run.get("done").asInt()).isEqualTo(8);
		assertThat(run.at("/settings/mode").asText()).isEqualTo("hybrid");
		assertThat(run.at("/settings/topK").asInt()).isEqualTo(5);

		JsonNode questions = read(get(run.get("questionsUrl").asText()), this.key).get("questions");
		assertThat(questions).hasSize(8);
		// lighthouse: page 3 found first and cited
		JsonNode lighthouse = questions.get(0);
		assertThat(lighthouse.get("grounded").asBoolean()).isTrue();
		assertThat(lighthouse.get("answer").asText()).contains("automated in 1987");
		assertThat(lighthouse.at("/citations/0/documentId").asText()).isEqualTo(this.harbour);
		assertThat(lighthouse.at("/citations/0/page").asInt()).isEqualTo(3);
		assertThat(lighthouse.at("/found/0/page").asInt()).isEqualTo(3);
		assertThat(lighthouse.at("/scores/documentRank").asInt()).isEqualTo(1);
		assertThat(lighthouse.at("/scores/pageRank").asInt()).isEqualTo(1);
		// each question keeps its trace: the stages as they ran, the judge's decision
		assertThat(lighthouse.at("/trace/stages")).extracting((stage) -> stage.get("name").asText())
			.containsSubsequence("shape", "judge", "generate", "cite");
		assertThat(questions.get(6).at("/trace/refusal/reason").asText())
			.isEqualTo(questions.get(6).at("/refusal/reason").asText());
		// wrong-page: the same answer, but page 1 is expected: found 3rd, not cited
		assertThat(questions.get(1).at("/scores/pageRank").asInt()).isEqualTo(3);
		assertThat(questions.get(1).at("/scores/citesExpected").asBoolean()).isFalse();
		// atlas names no document of the knowledge base
		assertThat(questions.get(3).at("/scores/documentRank").isNull()).isTrue();
		// nitrogen-answerable: bakery found, but the answer is refused
		JsonNode nitrogen = questions.get(4);
		assertThat(nitrogen.get("grounded").asBoolean()).isFalse();
		assertThat(nitrogen.at("/refusal/reason").asText()).isNotEmpty();
		int nitrogenRank = nitrogen.at("/scores/documentRank").asInt();
		assertThat(nitrogenRank).isBetween(1, 5);
		// adobe (no document named: to refuse) is refused; dredged (to refuse) is
		// answered
		assertThat(questions.get(6).get("grounded").asBoolean()).isFalse();
		assertThat(questions.get(7).get("grounded").asBoolean()).isTrue();

		JsonNode totals = run.get("totals");
		// documents, over the 5 answerable: ranks 1, 1, 1, none, r (nitrogen-answerable)
		assertRate(totals.get("documentRecallAt5"), 4, 5);
		assertRate(totals.get("documentRecallAt10"), 4, 5);
		assertThat(totals.at("/documentMrr/value").asDouble()).isCloseTo((1 + 1 + 1 + 0 + 1.0 / nitrogenRank) / 5,
				within(1e-9));
		// pages, over lighthouse (rank 1) and wrong-page (rank 3): (1 + 1/3) / 2
		assertRate(totals.get("pageRecallAt5"), 2, 2);
		assertThat(totals.at("/pageMrr/value").asDouble()).isCloseTo((1 + 1.0 / 3) / 2, within(1e-9));
		// cited expected: lighthouse and sourdough of the 5; citations 1 + 0 + 1 + 0 of
		// 1 + 1 + 1 + 1 + 0
		assertRate(totals.get("citesExpected"), 2, 5);
		assertRate(totals.get("citationsExpected"), 2, 4);
		// grounded: all answerable but nitrogen-answerable
		assertRate(totals.get("grounded"), 4, 5);
		// refused: nitrogen and adobe, not dredged
		assertRate(totals.get("refused"), 2, 3);
		assertThat(totals.at("/latencyP50Ms/n").asInt()).isEqualTo(8);

		// listed, newest first
		JsonNode list = read(get("/api/v1/knowledge-bases/" + this.kb + "/evaluations"), this.key);
		assertThat(list.get("total").asLong()).isGreaterThanOrEqualTo(1);
		assertThat(list.findValuesAsText("id")).contains(run.get("id").asText());
	}

	@Test
	void aFollowUpIsAskedWithItsConversationAndTheResultEchoesIt() throws Exception {
		// "there" is the lighthouse only with the conversation before it
		String followUp = "Who lived there before?";
		JsonNode run = awaitEnd(start(this.key,
				"""
						{"id": "keepers", "question": "Who lived there before?", "pages": [{"document": "harbour", "page": 3}], "history": [{"role": "user", "content": "When was the lighthouse on Kestrel Point automated?"}, {"role": "assistant", "content": "It was automated in 1987 [1]."}]}
						""",
				"name=conversation")
			.get()
			.get("id")
			.asText());
		assertThat(run.get("status").asText()).isEqualTo("DONE");
		JsonNode keepers = read(get(run.get("questionsUrl").asText()), this.key).get("questions").get(0);
		assertThat(keepers.get("question").asText()).isEqualTo(followUp);
		assertThat(keepers.at("/history/0/role").asText()).isEqualTo("user");
		assertThat(keepers.at("/history/0/content").asText())
			.isEqualTo("When was the lighthouse on Kestrel Point automated?");
		assertThat(keepers.at("/history/1/role").asText()).isEqualTo("assistant");
		// the history reached the engine: the query it searched is not the bare follow-up
		JsonNode rewrite = stage(keepers, "rewrite");
		assertThat(rewrite.get("took").asText()).isEqualTo(followUp);
		assertThat(rewrite.get("gave").asText()).isNotEqualTo(followUp).containsIgnoringCase("lighthouse");
		// and the answer comes from the lighthouse's page
		assertThat(keepers.get("grounded").asBoolean()).isTrue();
		assertThat(keepers.at("/scores/pageRank").asInt()).isEqualTo(1);
		assertThat(keepers.at("/citations/0/page").asInt()).isEqualTo(3);
	}

	static JsonNode stage(JsonNode result, String name) {
		for (JsonNode stage : result.at("/trace/stages")) {
			if (stage.get("name").asText().equals(name)) {
				return stage;
			}
		}
		throw new AssertionError("no stage " + name + " in " + result.get("trace"));
	}

	@Test
	void aRunAskedToRerankSaysItWasNotRerankedWhenNoRerankerIsConfigured() throws Exception {
		JsonNode started = start(this.key, manyQuestions(1), "name=reranked&mode=hybrid&rerank=true").get();
		assertThat(started.at("/settings/mode").asText()).isEqualTo("hybrid");
		assertThat(started.at("/settings/rerank").asBoolean()).isFalse();
		JsonNode run = awaitEnd(started.get("id").asText());
		assertThat(run.at("/settings/rerank").asBoolean()).isFalse();
		// the question's search kept the retrieval order
		JsonNode result = read(
				get("/api/v1/knowledge-bases/" + this.kb + "/evaluations/" + run.get("id").asText() + "/questions"),
				this.key);
		assertThat(result.toString()).doesNotContain("ordered by the reranker");
	}

	@Test
	void comparesTwoRunsFigureByFigure() throws Exception {
		String a = awaitEnd(start(this.key, GOLDEN_SET, "name=a").get().get("id").asText()).get("id").asText();
		// keyword search, one chunk per answer: the lighthouse question's page 1 is no
		// longer found
		JsonNode b = awaitEnd(
				start(this.key, GOLDEN_SET, "name=b&mode=keyword&topK=1&rerank=false").get().get("id").asText());
		assertThat(b.at("/settings/mode").asText()).isEqualTo("keyword");
		assertThat(b.at("/settings/rerank").asBoolean()).isFalse();
		JsonNode comparison = read(get(
				"/api/v1/knowledge-bases/" + this.kb + "/evaluations/compare?a=" + a + "&b=" + b.get("id").asText()),
				this.key);
		assertThat(comparison.at("/a/id").asText()).isEqualTo(a);
		JsonNode pages = figure(comparison, "pageRecallAt5");
		assertThat(pages.at("/a/value").asDouble()).isEqualTo(1.0);
		// with one chunk, wrong-page's page 1 is not found: 1 of 2
		assertThat(pages.at("/b/value").asDouble()).isEqualTo(0.5);
		assertThat(pages.get("difference").asDouble()).isEqualTo(-0.5);
		// |−0.5| is not more than max(1/2, sqrt(1 × 0 / 2)) = 0.5: within noise
		assertThat(pages.get("verdict").asText()).isEqualTo("WITHIN_NOISE");
		assertThat(figure(comparison, "latencyP50Ms").get("verdict").isNull()).isTrue();
		assertThat(comparison.get("figures")).hasSize(Scoring.NAMES.size());

		assertProblem(this.mvc
			.perform(get("/api/v1/knowledge-bases/" + this.kb + "/evaluations/compare?a=" + a).secure(true)
				.header("X-API-Key", this.key))
			.andReturn(), 400, "two evaluations");
		assertProblem(this.mvc
			.perform(get("/api/v1/knowledge-bases/" + this.kb + "/evaluations/compare?a=" + a + "&b=eval_none")
				.secure(true)
				.header("X-API-Key", this.key))
			.andReturn(), 404, "eval_none");
	}

	@Test
	void aCancelledRunStopsAndSaysCancelled() throws Exception {
		JsonNode started = start(this.key, manyQuestions(400), "name=long").get();
		String id = started.get("id").asText();
		String url = started.get("url").asText();
		JsonNode cancelled = read(delete(url), this.key);
		assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
		// the worker runs one run after another: once a later run has ended, the
		// cancelled one asks nothing more
		awaitEnd(start(this.key, GOLDEN_SET, "name=after").get().get("id").asText());
		JsonNode after = read(get(url), this.key);
		assertThat(after.get("status").asText()).isEqualTo("CANCELLED");
		int done = after.get("done").asInt();
		assertThat(done).isLessThan(400);
		assertThat(read(get(url + "/questions?limit=500"), this.key).get("questions")).hasSize(done);
		// cancelling again says the same; by POST too
		assertThat(read(post(url + "/cancel"), this.key).get("status").asText()).isEqualTo("CANCELLED");
		// a run that is done cannot be cancelled
		String finished = awaitEnd(start(this.key, GOLDEN_SET, "").get().get("id").asText()).get("url").asText();
		assertProblem(this.mvc.perform(delete(finished).secure(true).header("X-API-Key", this.key)).andReturn(), 409,
				"has ended (DONE)");
		// both actions are audited
		String audit = this.mvc
			.perform(get("/api/v1/admin/audit?action=evaluation.cancelled").secure(true)
				.header("X-Master-Key", this.masterKey))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(audit).contains("evaluation:" + this.kb + "/" + id);
		assertThat(this.mvc
			.perform(get("/api/v1/admin/audit?action=evaluation.started").secure(true)
				.header("X-Master-Key", this.masterKey))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("evaluation:" + this.kb + "/" + id);
	}

	@Test
	void waitsWhileLiveAnswersAreInProgress() throws Exception {
		String id;
		try (AnswerAdmission.Permit live = this.admission.admit()) {
			id = start(this.key, "{\"question\": \"When was the harbour dredged?\", \"documents\": [\"harbour\"]}", "")
				.get()
				.get("id")
				.asText();
			String url = "/api/v1/knowledge-bases/" + this.kb + "/evaluations/" + id;
			await().atMost(Duration.ofSeconds(60))
				.until(() -> read(get(url), this.key).get("status").asText().equals("RUNNING"));
			// a live answer is in progress: the run asks nothing (this holds however long
			// it is looked at)
			Thread.sleep(300);
			assertThat(read(get(url), this.key).get("done").asInt()).isZero();
		}
		assertThat(awaitEnd(id).get("status").asText()).isEqualTo("DONE");
	}

	@Test
	void aRunWhoseServiceDiedIsTakenOverAndResumedAfterItsLastKeptQuestion() throws Exception {
		// JobRunr finds its job orphaned and runs it again here
		String id = DeadProcess.leave(this.store, this.jobs, this.kb, TWO_QUESTIONS, Worker.RETRIES);
		JsonNode run = awaitEnd(id);
		assertThat(run.get("status").asText()).isEqualTo("DONE");
		assertThat(run.get("done").asInt()).isEqualTo(2);
		assertThat(Instant.parse(run.get("startedAt").asText())).as("as it started first, in the service that died")
			.isBefore(Instant.now().minusSeconds(60));
		JsonNode questions = read(get("/api/v1/knowledge-bases/" + this.kb + "/evaluations/" + id + "/questions"),
				this.key)
			.get("questions");
		assertThat(questions).hasSize(2);
		// the first question was not asked again; the second was answered here
		assertThat(questions.get(0).get("answer").asText()).isEqualTo(DeadProcess.KEPT_ANSWER);
		assertThat(questions.get(1).get("answer").asText()).contains("1987");
		assertThat(run.at("/totals/documentRecallAt5/n").asInt()).isEqualTo(2);
	}

	@Test
	void aRunJobRunrGivesUpOnEndsFailedWithWhyAndTheFiguresItKept() {
		// no retry left: the orphaned job fails for good, and its run with it
		String id = DeadProcess.leave(this.store, this.jobs, this.kb, TWO_QUESTIONS, 0);
		JsonNode run = awaitEnd(id);
		assertThat(run.get("status").asText()).isEqualTo("FAILED");
		assertThat(run.get("error").asText()).isEqualTo(Worker.STOPPED);
		assertThat(run.get("done").asInt()).isEqualTo(1);
		assertThat(run.at("/totals/documentRecallAt5/n").asInt()).isEqualTo(1);
	}

	@Test
	void takesAnUploadedGoldenSetFile() throws Exception {
		MvcResult result = this.mvc
			.perform(multipart("/api/v1/knowledge-bases/" + this.kb + "/evaluations")
				.file(new MockMultipartFile("goldenSet", "golden.jsonl", "application/x-ndjson", GOLDEN_SET.getBytes()))
				.param("mode", "vector")
				.param("topK", "3")
				.secure(true)
				.header("X-API-Key", this.key))
			.andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(202);
		assertThat(result.getResponse().getHeader("Location")).contains("/evaluations/eval_");
		String url = result.getResponse().getHeader("Location");
		assertProblem(
				this.mvc.perform(get(url + "?waitSeconds=61").secure(true).header("X-API-Key", this.key)).andReturn(),
				400, "waitSeconds must be between 0 and 60");
		// waits on the server until the run ended
		JsonNode run = read(get(url + "?waitSeconds=60"), this.key);
		assertThat(run.get("status").asText()).isEqualTo("DONE");
		assertThat(run.at("/settings/mode").asText()).isEqualTo("vector");
		assertThat(run.at("/settings/topK").asInt()).isEqualTo(3);
	}

	@Test
	void refusesBadGoldenSetsAndSettingsWithProblems() throws Exception {
		assertProblem(start(this.key, "{\"question\": \"fine\"}\n{\"question\": ", "").result(), 400,
				"Line 2 of the golden set");
		assertProblem(start(this.key,
				"{\"question\": \"q\", \"refuse\": true, \"pages\": [{\"document\": \"a\", \"page\": 2}]}", "")
			.result(), 400, "Line 1 of the golden set: a question to refuse");
		assertProblem(start(this.key, "", "").result(), 400, "holds no question");
		// the problem names the line and the field, in its detail and as members
		MvcResult badRole = start(this.key,
				"{\"question\": \"fine\"}\n{\"question\": \"q\", \"history\": [{\"role\": \"tool\", \"content\": \"42\"}]}",
				"")
			.result();
		assertProblem(badRole, 400, "Line 2 of the golden set: \"history[0].role\" is \"user\" or \"assistant\"");
		JsonNode problem = json.readTree(badRole.getResponse().getContentAsString());
		assertThat(problem.get("line").asInt()).isEqualTo(2);
		assertThat(problem.get("field").asText()).isEqualTo("history[0].role");
		MvcResult financeBench = start(this.key,
				"{\"financebench_id\": \"fb_1\", \"question\": \"q\", \"doc_name\": \"3M_2018_10K\"}", "")
			.result();
		assertProblem(financeBench, 400,
				"Line 1 of the golden set: \"financebench_id\" is not a field of a golden set line");
		assertThat(json.readTree(financeBench.getResponse().getContentAsString()).get("field").asText())
			.isEqualTo("financebench_id");
		assertProblem(start(this.key, manyQuestions(1001), "").result(), 400, "more than 1000 questions");
		assertProblem(start(this.key, GOLDEN_SET, "mode=semantic").result(), 400, "mode must be");
		assertProblem(start(this.key, GOLDEN_SET, "topK=0").result(), 400, "topK must be between 1 and 50");
		assertProblem(start(this.key, GOLDEN_SET, "configId=cfg_none").result(), 404, "cfg_none");
		assertProblem(this.mvc
			.perform(multipart("/api/v1/knowledge-bases/" + this.kb + "/evaluations").secure(true)
				.header("X-API-Key", this.key))
			.andReturn(), 400, "goldenSet");
	}

	@Test
	void refusesMoreRunsAtOnceThanTheLimit() throws Exception {
		List<String> urls = new ArrayList<>();
		try {
			// three long runs fill the queue (ragchat.evaluation.max-runs, 3)
			for (int i = 0; i < 3; i++) {
				urls.add(start(this.key, manyQuestions(1000), "").get().get("url").asText());
			}
			Started fourth = start(this.key, GOLDEN_SET, "");
			assertProblem(fourth.result(), 429, "RAGCHAT_EVALUATION_MAX_RUNS");
			assertThat(fourth.result().getResponse().getHeader("Retry-After")).isNotBlank();
		}
		finally {
			for (String url : urls) {
				read(delete(url), this.key);
			}
		}
	}

	@Test
	void aKeyWithoutTheKnowledgeBaseOrTheChatScopeIsRefused() throws Exception {
		String other = issueKey("{\"scopes\":[\"chat\"],\"knowledgeBases\":[\"default\"]}");
		String uploadOnly = issueKey("{\"scopes\":[\"upload\"],\"knowledgeBases\":[\"" + this.kb + "\"]}");
		String base = "/api/v1/knowledge-bases/" + this.kb + "/evaluations";
		String mine = awaitEnd(start(this.key, GOLDEN_SET, "").get().get("id").asText()).get("id").asText();
		assertProblem(start(other, GOLDEN_SET, "").result(), 404, "No knowledge base");
		assertProblem(start(uploadOnly, GOLDEN_SET, "").result(), 403, "'chat' scope");
		for (String path : List.of(base, base + "/" + mine, base + "/" + mine + "/questions")) {
			assertProblem(this.mvc.perform(get(path).secure(true).header("X-API-Key", other)).andReturn(), 404,
					"No knowledge base");
			assertProblem(this.mvc.perform(get(path).secure(true).header("X-API-Key", uploadOnly)).andReturn(), 403,
					"'chat' scope");
		}
		assertProblem(this.mvc.perform(delete(base + "/" + mine).secure(true).header("X-API-Key", other)).andReturn(),
				404, "No knowledge base");
		// a run of another knowledge base is not found through this one
		String elsewhere = createKnowledgeBase("elsewhere");
		assertProblem(this.mvc
			.perform(get("/api/v1/knowledge-bases/" + elsewhere + "/evaluations/" + mine).secure(true)
				.header("X-Master-Key", this.masterKey))
			.andReturn(), 404, "No evaluation");
	}

	static String manyQuestions(int count) {
		return IntStream.range(0, count)
			.mapToObj((i) -> "{\"id\": \"q" + i
					+ "\", \"question\": \"When was the harbour dredged?\", \"documents\": [\"harbour\"]}")
			.collect(Collectors.joining("\n"));
	}

	Started start(String apiKey, String goldenSet, String query) throws Exception {
		return new Started(this.mvc
			.perform(post("/api/v1/knowledge-bases/" + this.kb + "/evaluations?" + query).secure(true)
				.header("X-API-Key", apiKey)
				.contentType("application/x-ndjson")
				.content(goldenSet))
			.andReturn());
	}

	JsonNode awaitEnd(String id) {
		JsonNode[] last = new JsonNode[1];
		await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200)).until(() -> {
			last[0] = read(get("/api/v1/knowledge-bases/" + this.kb + "/evaluations/" + id), this.key);
			String status = last[0].get("status").asText();
			return !status.equals("QUEUED") && !status.equals("RUNNING");
		});
		return last[0];
	}

	JsonNode read(MockHttpServletRequestBuilder request, String apiKey) throws Exception {
		MvcResult result = this.mvc
			.perform(request.secure(true).header("X-API-Key", apiKey).accept(MediaType.APPLICATION_JSON))
			.andReturn();
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
		return json.readTree(result.getResponse().getContentAsString());
	}

	static JsonNode figure(JsonNode comparison, String name) {
		for (JsonNode figure : comparison.get("figures")) {
			if (figure.get("name").asText().equals(name)) {
				return figure;
			}
		}
		throw new AssertionError("no figure " + name);
	}

	static void assertRate(JsonNode metric, int hits, int n) {
		assertThat(metric.get("hits").asInt()).as("hits").isEqualTo(hits);
		assertThat(metric.get("n").asInt()).as("n").isEqualTo(n);
		assertThat(metric.get("value").asDouble()).isEqualTo((double) hits / n);
	}

	static void assertProblem(MvcResult result, int status, String detail) throws Exception {
		String body = result.getResponse().getContentAsString();
		assertThat(result.getResponse().getStatus()).as(body).isEqualTo(status);
		assertThat(result.getResponse().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		assertThat(json.readTree(body).get("detail").asText()).contains(detail);
	}

	/**
	 * A start's response.
	 */
	record Started(MvcResult result) {

		JsonNode get() throws Exception {
			assertThat(this.result.getResponse().getStatus()).as(this.result.getResponse().getContentAsString())
				.isEqualTo(202);
			return json.readTree(this.result.getResponse().getContentAsString());
		}

	}

}
