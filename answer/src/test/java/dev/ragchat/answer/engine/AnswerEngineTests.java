package dev.ragchat.answer.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragchat.answer.Answer;
import dev.ragchat.answer.AnswerEngine;
import dev.ragchat.answer.AnswerGenerator;
import dev.ragchat.answer.AnswerRequest;
import dev.ragchat.answer.EngineSettings.NamesRule;
import dev.ragchat.answer.Refusal;
import dev.ragchat.answer.Trace;
import dev.ragchat.answer.Turn;
import dev.ragchat.answer.cite.Citations;
import dev.ragchat.answer.generate.ChatModelGenerator;
import dev.ragchat.answer.generate.ExtractiveGenerator;
import dev.ragchat.answer.ground.Grounding;
import dev.ragchat.answer.judge.Judge;
import dev.ragchat.answer.judge.RulesJudge;
import dev.ragchat.answer.judge.SimilarityFloor;
import dev.ragchat.answer.judge.SourcesJudge;
import dev.ragchat.answer.query.ConversationReader;
import dev.ragchat.answer.search.KnowledgeBaseSearch;
import dev.ragchat.answer.widen.Focus;
import dev.ragchat.retrieval.Chunk;
import dev.ragchat.retrieval.Fusion;
import dev.ragchat.retrieval.Retriever;
import dev.ragchat.retrieval.ScoredChunk;
import dev.ragchat.retrieval.SearchMode;
import dev.ragchat.retrieval.WordHashEmbeddingModel;
import dev.ragchat.retrieval.lucene.LuceneChunkIndex;
import dev.ragchat.retrieval.lucene.LuceneIndexSettings;
import dev.ragchat.retrieval.query.QueryShaper;
import dev.ragchat.retrieval.rerank.Reranking;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole answer path, stateless and without a Spring context: an in-process Lucene
 * index with the word-hash embedding model, the stages built by hand as a benchmark would
 * build them.
 */
class AnswerEngineTests {

	private static final String KB = "kb";

	@TempDir
	Path dir;

	private final WordHashEmbeddingModel embeddings = new WordHashEmbeddingModel();

	private LuceneChunkIndex index;

	private KnowledgeBaseSearch search;

	/** What the stub model was sent, one prompt's text per call. */
	private final List<String> prompts = new ArrayList<>();

	@BeforeEach
	void index() {
		this.index = new LuceneChunkIndex(this.dir, this.embeddings.asIndexEmbedding(), 16,
				LuceneIndexSettings.DEFAULTS);
		this.index.replace("harbour",
				List.of(chunk("harbour", 0, "The lighthouse on Kestrel Point was automated in 1987."),
						chunk("harbour", 1, "Mooring fees at Kestrel harbour rose to 40 euros a night in 2021.")),
				(n) -> {
				});
		this.index.replace("garden", List.of(chunk("garden", 0, "The botanical garden opens at nine in the morning.")),
				(n) -> {
				});
		this.search = search(Reranking.off());
	}

	@AfterEach
	void close() throws Exception {
		this.index.close();
	}

	@Test
	void answersFromTheSourcesWithAVerifiedCitationAndStreamsWhatItAnswers() {
		List<String> tokens = new ArrayList<>();
		Answer answer = extract().answer(request("When was the lighthouse on Kestrel Point automated?"), tokens::add);
		assertThat(answer.grounded()).isTrue();
		assertThat(answer.refusal()).isNull();
		assertThat(answer.text()).contains("[1]").isEqualTo(String.join("", tokens));
		assertThat(answer.citations()).first().satisfies((citation) -> {
			assertThat(citation.documentId()).isEqualTo("harbour");
			assertThat(citation.quote()).contains("automated in 1987");
			assertThat(citation.webUrl()).as("an uploaded document is no web page").isNull();
		});
	}

	@Test
	void aPassageSaysThePagesItSpansAndOneKeptBeforeThatItsFirst() throws Exception {
		this.index.replace("report",
				List.of(new Chunk("report:0", KB, "report", "report.pdf", 2, 3, "", 0,
						"The tide gauge report runs from the second page onto the third.", Map.of(), "Report")),
				(n) -> {
				});
		Answer answer = extract().answer(request("What does the tide gauge report run onto?"), (t) -> {
		});
		assertThat(answer.passages()).filteredOn((p) -> p.documentId().equals("report"))
			.singleElement()
			.satisfies((p) -> {
				assertThat(p.page()).isEqualTo(2);
				assertThat(p.pageEnd()).isEqualTo(3);
			});
		Answer.Passage kept = new com.fasterxml.jackson.databind.ObjectMapper()
			.readValue("{\"documentId\":\"d\",\"filename\":\"d.pdf\",\"page\":4,\"chunkId\":\"d:0\","
					+ "\"headingPath\":\"\",\"score\":0.5,\"snippet\":\"s\"}", Answer.Passage.class);
		assertThat(kept.pageEnd()).isEqualTo(4);
	}

	@Test
	void aCitationOfAPageAWebSourceReadLinksToThePage() {
		this.index.replace("help",
				List.of(new Chunk("help:0", KB, "help", "install.html", 1, 1, "", 0,
						"The installer of the tide gauge needs Java 21.",
						Map.of("source", "src_1", "path", "https://docs.example.com/help/install.html"), "Install")),
				(n) -> {
				});
		Answer answer = extract().answer(request("What does the installer of the tide gauge need?"), (t) -> {
		});
		assertThat(answer.citations()).first().satisfies((citation) -> {
			assertThat(citation.documentId()).isEqualTo("help");
			assertThat(citation.webUrl()).isEqualTo("https://docs.example.com/help/install.html");
		});
	}

	@Test
	void theExtractRefusesAQuestionThatNamesWhatNoSourceWrites() {
		Answer answer = extract()
			.answer(request("What did the Zorblax board decide about the mooring fees at Kestrel harbour?"), (t) -> {
			});
		assertThat(answer.grounded()).isFalse();
		assertThat(answer.text()).isEqualTo(AnswerGenerator.NOT_FOUND);
		assertThat(answer.citations()).isEmpty();
		assertThat(answer.refusal().reason()).isEqualTo(Refusal.NAMES_NOT_IN_SOURCES);
		assertThat(answer.refusal().detail()).contains("Zorblax");
	}

	@Test
	void aLanguageModelReadsTheSourcesOfAQuestionTheNamesRuleWouldRefuse() {
		Answer answer = model("The board raised the mooring fees to 40 euros a night [1].")
			.answer(request("What did the Zorblax board decide about the mooring fees at Kestrel harbour?"), (t) -> {
			});
		assertThat(this.prompts).singleElement().asString().contains("Mooring fees at Kestrel harbour");
		assertThat(answer.grounded()).isTrue();
		assertThat(answer.text()).isEqualTo("The board raised the mooring fees to 40 euros a night [1].");
		assertThat(answer.citations()).singleElement()
			.satisfies((citation) -> assertThat(citation.quote()).contains("40 euros"));
	}

	@Test
	void theModelsNotInTheSourcesIsARefusalWithNoCitations() {
		Answer answer = model(AnswerGenerator.NOT_FOUND)
			.answer(request("What did the Zorblax board decide about the mooring fees at Kestrel harbour?"), (t) -> {
			});
		assertThat(this.prompts).hasSize(1);
		assertThat(answer.grounded()).isFalse();
		assertThat(answer.citations()).isEmpty();
		assertThat(answer.refusal().reason()).isEqualTo(Refusal.MODEL_SAID_NOT_FOUND);
	}

	@Test
	void aMarkerThatNamesNoSourceIsDroppedAndAnAnswerCitingNothingIsNotGrounded() {
		Answer answer = model("The fees doubled [7].")
			.answer(request("How much are the mooring fees at Kestrel harbour?"), (t) -> {
			});
		assertThat(answer.text()).isEqualTo("The fees doubled.");
		assertThat(answer.grounded()).isFalse();
		assertThat(answer.citations()).isEmpty();
		assertThat(answer.refusal().reason()).isEqualTo(Refusal.NOT_VERIFIED);
	}

	@Test
	void theSimilarityFloorKeepsTheModelFromSourcesAboutSomethingElse() {
		Answer answer = model("Invented [1].").answer(request("Which enzyme catalyses glycolysis in yeast cells?"),
				(t) -> {
				});
		assertThat(this.prompts).isEmpty();
		assertThat(answer.grounded()).isFalse();
		assertThat(answer.refusal().reason()).isEqualTo(Refusal.BELOW_SIMILARITY);
	}

	@Test
	void aRerankersLeastScoreJudgesThroughTheSameInterface() {
		this.search = search(new Reranking((query, candidates, topK) -> candidates.stream()
			.limit(topK)
			.map((candidate) -> new ScoredChunk(candidate.chunk(), 0.01))
			.toList(), 10, 0.5));
		Answer answer = model("Invented [1].").answer(request("How much are the mooring fees at Kestrel harbour?"),
				(t) -> {
				});
		assertThat(this.prompts).isEmpty();
		assertThat(answer.grounded()).isFalse();
		assertThat(answer.refusal().reason()).isEqualTo(Refusal.BELOW_RERANK_SCORE);
	}

	@Test
	void aRequestWithoutRerankingKeepsTheRetrievalOrderAndTheRerankersLeastScoreDoesNotJudge() {
		this.search = search(new Reranking((query, candidates, topK) -> candidates.stream()
			.limit(topK)
			.map((candidate) -> new ScoredChunk(candidate.chunk(), 0.01))
			.toList(), 10, 0.5));
		Answer answer = extract().answer(
				new AnswerRequest(KB, "How much are the mooring fees at Kestrel harbour?", List.of(), List.of(), null,
						new AnswerRequest.Settings(3, null, null, null, null, SearchMode.HYBRID, false), null),
				(t) -> {
				});
		assertThat(answer.grounded()).isTrue();
		assertThat(answer.passages()).isNotEmpty()
			.allSatisfy((passage) -> assertThat(passage.score()).isNotEqualTo(0.01));
	}

	@Test
	void aFollowUpIsSearchedWithTheQuestionItFollows() {
		Answer answer = extract().answer(new AnswerRequest(KB, "And when was it automated?",
				List.of(new Turn(Turn.USER, "Tell me about the lighthouse on Kestrel Point"),
						new Turn(Turn.ASSISTANT, "It stands on the point.")),
				List.of(), null, new AnswerRequest.Settings(3, null, null, null), null), (t) -> {
				});
		assertThat(answer.grounded()).isTrue();
		assertThat(answer.citations()).first()
			.satisfies((citation) -> assertThat(citation.quote()).contains("automated in 1987"));
	}

	@Test
	void aTracedAnswerShowsEveryStageInOrderWithTheCandidatesAndTheJudgesReason() {
		Answer answer = extract().answer(request("When was the lighthouse on Kestrel Point automated?").traced(),
				(t) -> {
				});
		Trace trace = answer.trace();
		assertThat(trace.question()).isEqualTo("When was the lighthouse on Kestrel Point automated?");
		assertThat(trace.stages()).extracting(Trace.Stage::name)
			.containsExactly(Trace.REWRITE, Trace.SHAPE, Trace.VECTOR, Trace.KEYWORD, Trace.FUSE, Trace.RERANK,
					Trace.JUDGE, Trace.GENERATE, Trace.CITE);
		assertThat(trace.stages()).allSatisfy((stage) -> assertThat(stage.ms()).isNotNegative());
		assertThat(trace.stage(Trace.REWRITE).gave()).isEqualTo("When was the lighthouse on Kestrel Point automated?");
		assertThat(trace.stage(Trace.SHAPE).query().keywords()).extracting(Trace.Keyword::word)
			.contains("lighthouse", "automated");
		assertThat(trace.stage(Trace.SHAPE).query().names()).contains("Kestrel", "Point");
		for (String ranking : List.of(Trace.VECTOR, Trace.KEYWORD, Trace.FUSE, Trace.RERANK)) {
			assertThat(trace.stage(ranking).candidates()).as(ranking).isNotEmpty().allSatisfy((candidate) -> {
				assertThat(candidate.documentId()).isIn("harbour", "garden");
				assertThat(candidate.filename()).endsWith(".txt");
				assertThat(candidate.page()).isEqualTo(1);
				assertThat(candidate.chunkId()).startsWith(candidate.documentId() + ":");
			});
			assertThat(trace.stage(ranking).candidates()).extracting(Trace.Candidate::rank).startsWith(1).isSorted();
		}
		// the keyword ranking holds only what writes the question's words
		assertThat(trace.stage(Trace.KEYWORD).candidates()).first()
			.satisfies((candidate) -> assertThat(candidate.chunkId()).isEqualTo("harbour:0"));
		assertThat(trace.stage(Trace.RERANK).note()).contains("not reranked");
		assertThat(trace.stage(Trace.JUDGE).decisions()).extracting(Trace.Decision::judge)
			.containsExactly("search", "names");
		assertThat(trace.stage(Trace.JUDGE).decisions()).allSatisfy((decision) -> {
			assertThat(decision.answerable()).isTrue();
			assertThat(decision.detail()).isNotBlank();
		});
		assertThat(trace.stage(Trace.GENERATE).candidates()).isNotEmpty();
		assertThat(trace.stage(Trace.CITE).quotes()).first().satisfies((quote) -> {
			assertThat(quote.documentId()).isEqualTo("harbour");
			assertThat(quote.quote()).contains("automated in 1987");
		});
		assertThat(trace.refusal()).isNull();
	}

	@Test
	void aRefusalsTraceEndsWithTheJudgeThatRefusedAndItsReason() {
		Answer answer = extract().answer(
				request("What did the Zorblax board decide about the mooring fees at Kestrel harbour?").traced(),
				(t) -> {
				});
		Trace trace = answer.trace();
		assertThat(trace.stages()).extracting(Trace.Stage::name).endsWith(Trace.RERANK, Trace.JUDGE);
		assertThat(trace.stage(Trace.JUDGE).decisions()).last().satisfies((decision) -> {
			assertThat(decision.judge()).isEqualTo("names");
			assertThat(decision.answerable()).isFalse();
			assertThat(decision.reason()).isEqualTo(Refusal.NAMES_NOT_IN_SOURCES);
			assertThat(decision.detail()).contains("Zorblax");
		});
		assertThat(trace.refusal()).isEqualTo(answer.refusal());
	}

	@Test
	void anAnswerThatDidNotAskForItsTraceHasNone() {
		Answer answer = extract().answer(request("When was the lighthouse on Kestrel Point automated?"), (t) -> {
		});
		assertThat(answer.grounded()).isTrue();
		assertThat(answer.trace()).isNull();
	}

	@Test
	void aTraceIsAPlainValueJacksonWritesAndReadsBack() throws Exception {
		Trace trace = model("The fees rose to 40 euros a night [1].")
			.answer(request("How much are the mooring fees at Kestrel harbour?").traced(), (t) -> {
			})
			.trace();
		ObjectMapper json = new ObjectMapper();
		assertThat(json.readValue(json.writeValueAsString(trace), Trace.class)).isEqualTo(trace);
		assertThat(trace.stage(Trace.JUDGE).decisions()).extracting(Trace.Decision::judge)
			.containsExactly("search", "similarity-floor");
		assertThat(trace.stage(Trace.GENERATE).note()).contains("language model");
	}

	@Test
	void aVectorSearchIsTracedAsTheOneRankingItMakes() {
		Answer answer = extract().answer(
				new AnswerRequest(KB, "When was the lighthouse on Kestrel Point automated?", List.of(), List.of(), null,
						new AnswerRequest.Settings(3, null, null, null, null, SearchMode.VECTOR, true), null)
					.traced(),
				(t) -> {
				});
		assertThat(answer.trace().stages()).extracting(Trace.Stage::name)
			.startsWith(Trace.REWRITE, Trace.SHAPE, Trace.VECTOR, Trace.JUDGE);
	}

	@Test
	void aKnowledgeBaseWithNothingToFindIsRefusedWithNoSources() {
		Answer answer = extract().answer(new AnswerRequest("empty", "When was the lighthouse automated?", List.of(),
				List.of(), null, new AnswerRequest.Settings(3, null, null, null), null)
			.traced(), (t) -> {
			});
		assertThat(answer.grounded()).isFalse();
		assertThat(answer.refusal().reason()).isEqualTo(Refusal.NO_SOURCES);
		assertThat(answer.trace().stage(Trace.JUDGE).decisions()).singleElement()
			.satisfies((decision) -> assertThat(decision.reason()).isEqualTo(Refusal.NO_SOURCES));
	}

	@Test
	void theRerankersLeastScoreIsTracedWithWhatItKept() {
		this.search = search(new Reranking((query, candidates, topK) -> candidates.stream()
			.limit(topK)
			.map((candidate) -> new ScoredChunk(candidate.chunk(), 0.01))
			.toList(), 10, 0.5));
		Answer answer = model("Invented [1].")
			.answer(request("How much are the mooring fees at Kestrel harbour?").traced(), (t) -> {
			});
		assertThat(answer.trace().stage(Trace.RERANK).candidates()).isEmpty();
		assertThat(answer.trace().stage(Trace.RERANK).note()).contains("0 of").contains("least score 0.5");
		assertThat(answer.trace().stage(Trace.JUDGE).decisions()).singleElement()
			.satisfies((decision) -> assertThat(decision.reason()).isEqualTo(Refusal.BELOW_RERANK_SCORE));
	}

	private AnswerEngine extract() {
		ExtractiveGenerator generator = new ExtractiveGenerator(this.embeddings, this.embeddings::embed, 0.3, 2);
		Judge judge = new SourcesJudge().then(new RulesJudge(NamesRule.ALL));
		return new StagedAnswerEngine(new StagedAnswerEngine.Stages(new ConversationReader(this.search), this.search,
				new Grounding(this.search, true, NamesRule.ALL, 2), judge, List.of(new Focus(this.search)), generator,
				new Citations(null)));
	}

	private AnswerEngine model(String reply) {
		ChatModel model = new ChatModel() {

			@Override
			public ChatResponse call(Prompt prompt) {
				throw new UnsupportedOperationException("the answer is streamed");
			}

			@Override
			public Flux<ChatResponse> stream(Prompt prompt) {
				AnswerEngineTests.this.prompts.add(prompt.getContents());
				return Flux.just(new ChatResponse(List.of(new Generation(new AssistantMessage(reply)))));
			}

		};
		Judge judge = new SourcesJudge().then(new SimilarityFloor(this.embeddings, this.embeddings::embed, 0.3));
		return new StagedAnswerEngine(new StagedAnswerEngine.Stages(new ConversationReader(this.search), this.search,
				null, judge, List.of(new Focus(this.search)),
				new ChatModelGenerator(model, "stub", Duration.ofSeconds(5)), new Citations(null)));
	}

	private KnowledgeBaseSearch search(Reranking reranking) {
		return new KnowledgeBaseSearch(new QueryShaper(), new Retriever(this.index, Fusion.ranks(60, 1, 1, 10)),
				reranking);
	}

	private static AnswerRequest request(String question) {
		return new AnswerRequest(KB, question, List.of(), List.of(), null,
				new AnswerRequest.Settings(3, null, null, null), null);
	}

	private static Chunk chunk(String document, int ordinal, String text) {
		return new Chunk(document + ":" + ordinal, KB, document, document + ".txt", 1, 1, "", ordinal, text, Map.of(),
				document);
	}

}
