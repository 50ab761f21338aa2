package dev.ragchat.answer.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.ragchat.answer.Answer;
import dev.ragchat.answer.AnswerEngine;
import dev.ragchat.answer.AnswerGenerator;
import dev.ragchat.answer.AnswerRequest;
import dev.ragchat.answer.Citation;
import dev.ragchat.answer.Clarification;
import dev.ragchat.answer.EngineSettings.NamesRule;
import dev.ragchat.answer.Refusal;
import dev.ragchat.answer.Trace;
import dev.ragchat.answer.Turn;
import dev.ragchat.answer.cite.Citations;
import dev.ragchat.answer.generate.ExtractiveGenerator;
import dev.ragchat.answer.ground.Grounding;
import dev.ragchat.answer.judge.Judge;
import dev.ragchat.answer.judge.Readings;
import dev.ragchat.answer.judge.RulesJudge;
import dev.ragchat.answer.judge.SourcesJudge;
import dev.ragchat.answer.judge.Verdict;
import dev.ragchat.answer.query.ConversationReader;
import dev.ragchat.answer.search.KnowledgeBaseSearch;
import dev.ragchat.answer.widen.Focus;
import dev.ragchat.retrieval.Chunk;
import dev.ragchat.retrieval.Fusion;
import dev.ragchat.retrieval.Retriever;
import dev.ragchat.retrieval.WordHashEmbeddingModel;
import dev.ragchat.retrieval.lucene.LuceneChunkIndex;
import dev.ragchat.retrieval.lucene.LuceneIndexSettings;
import dev.ragchat.retrieval.query.QueryShaper;
import dev.ragchat.retrieval.rerank.Reranking;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conversations with the extract, as a user has them: follow-ups decided by what the
 * documents say, a question asked back, a summary, a capitalised common word. The engine
 * as the service builds it without a model, over an in-process Lucene index with the
 * word-hash embedding model.
 */
class ConversationTests {

	private static final String KB = "kb";

	@TempDir
	Path dir;

	private final WordHashEmbeddingModel embeddings = new WordHashEmbeddingModel();

	private LuceneChunkIndex index;

	private AnswerEngine engine;

	private KnowledgeBaseSearch search;

	private ExtractiveGenerator generator;

	@BeforeEach
	void index() {
		this.index = new LuceneChunkIndex(this.dir, this.embeddings.asIndexEmbedding(), 16,
				LuceneIndexSettings.DEFAULTS);
		add("boeing", "BOEING_2022_10K", "Item 3. Legal Proceedings.",
				"Boeing is subject to various legal proceedings, including claims about the 737 MAX.",
				"The legal proceedings Boeing reports are described in Note 21 to the financial statements.",
				"Boeing designs and builds commercial airplanes, defense systems and satellites.");
		add("keys", "Key management", "Managing keys.",
				"Two keystores are available to every service instance: the default keystore and the hardware keystore.",
				"A keystore holds the root keys that protect your data.");
		add("travel", "Travel policy", "Employees book travel through the company portal at least two weeks ahead.",
				"Economy class is the rule for flights shorter than six hours.",
				"Hotel costs are reimbursed up to the city rate published by finance.",
				"Meals while travelling are covered by a daily allowance.",
				"Receipts for every travel expense are submitted within thirty days of return.");
		add("reagent", "Benedict's reagent",
				"Benedict's reagent is a chemical reagent named after the chemist Stanley Rossiter Benedict. "
						+ "It is often used in place of Fehling's solution to detect the presence of reducing sugars.");
		add("alpha", "Set Routing Alpha", "The routing alpha of a specific net trades wire length for delay.");
		add("layers", "Set Routing Layers", "The routing layers of a specific net are set with this command.");
		add("wifi", "Office network", "The office Wi-Fi network is called Staff and needs your badge number.",
				"Guests connect to the Guest network with the code at the front desk.");
		add("tuolumne", "Civil | Superior Court of California | County of Tuolumne",
				"The civil division of the court hears disputes over contracts and property.",
				"The court publishes local rules for civil cases every January.");
		add("alameda", "Rules & Forms | Superior Court of California | County of Alameda",
				"The court adopts local rules for general administration and civil cases.",
				"Forms for the court rules are available at the clerk's office.");
		add("jury", "Jury Services | Superior Court of California | County of Ventura",
				"Jurors who have not received their juror fees within six weeks should contact the payroll office.");
		add("auburn", "Volunteers | Auburn, CA",
				"Volunteers help the Auburn Police Department at community events and with crime prevention.");
		add("sanbruno", "Police Explorer | San Bruno, CA",
				"The San Bruno Police Department runs an Explorer program for young people aged 14 to 20.");
		add("backup", "System backup",
				"The mksysb command offers backup options: a bootable backup image of the system on tape or in a file.");
		this.search = new KnowledgeBaseSearch(new QueryShaper(), new Retriever(this.index, Fusion.ranks(60, 1, 1, 10)),
				Reranking.off());
		this.generator = new ExtractiveGenerator(this.embeddings, this.embeddings::embed, 0.3, 2);
		Judge judge = new SourcesJudge().then(new Readings()).then(new RulesJudge(NamesRule.PROPER));
		this.engine = engine(judge);
	}

	@AfterEach
	void close() throws Exception {
		this.index.close();
	}

	@Test
	void aNewQuestionAfterARefusalIsNotGluedToTheRefusedSubject() {
		Answer apple = ask("What was Apple's revenue in 2020?");
		assertThat(apple.grounded()).isFalse();
		Answer boeing = ask("What legal proceedings does Boeing report?",
				new Turn(Turn.USER, "What was Apple's revenue in 2020?"), new Turn(Turn.ASSISTANT, apple.text()));
		assertThat(boeing.grounded()).as(boeing.text()).isTrue();
		assertThat(boeing.citations()).extracting(Citation::documentId).contains("boeing");
		assertThat(boeing.trace().stage(Trace.REWRITE).gave()).isEqualTo("What legal proceedings does Boeing report?");
		assertThat(boeing.trace().stage(Trace.REWRITE).note()).contains("names its own subject");
	}

	@Test
	void aFollowUpIsSearchedWithTheTitleOfTheDocumentTheAnswerQuotedNotWithTheWholeQuestion() {
		Answer answer = ask("And what does it hold?", new Turn(Turn.USER, "Which keystore is available?"),
				new Turn(Turn.ASSISTANT, "The default keystore and the hardware keystore [1]."));
		String searched = answer.trace().stage(Trace.REWRITE).gave();
		assertThat(searched).contains("Key management").contains("And what does it hold?").doesNotContain("Which");
		assertThat(answer.trace().stage(Trace.JUDGE).candidates().get(0).documentId()).isEqualTo("keys");
	}

	@Test
	void aNameAloneAfterAnAnsweredQuestionIsJudgedByItsOwnName() {
		Answer answer = ask("MKSYSB", new Turn(Turn.USER, "Which backup options does Geographic Mirroring offer?"),
				new Turn(Turn.ASSISTANT, "It mirrors the data to a remote site [1]."));
		assertThat(answer.trace().stage(Trace.REWRITE).gave()).isEqualTo("MKSYSB");
		assertThat(answer.trace().stage(Trace.JUDGE).decisions()).extracting(Trace.Decision::answerable)
			.containsOnly(true);
		assertThat(answer.trace().stage(Trace.JUDGE).candidates().get(0).documentId()).isEqualTo("backup");
	}

	@Test
	void aCapitalisedCommonWordIsNoNameTheSourcesMustWrite() {
		Answer answer = ask("what Keystores are available, please?");
		assertThat(answer.grounded()).as(answer.text()).isTrue();
		assertThat(answer.citations()).extracting(Citation::documentId).contains("keys");
	}

	@Test
	void aSummaryAfterAnotherTopicQuotesTheDocumentItNames() {
		Answer wifi = ask("How do I connect to the office Wi-Fi?");
		Answer summary = ask("Summarize the travel policy",
				new Turn(Turn.USER, "How do I connect to the office Wi-Fi?"), new Turn(Turn.ASSISTANT, wifi.text()));
		assertThat(summary.grounded()).as(summary.trace().toString()).isTrue();
		assertThat(summary.text()).doesNotContain(AnswerGenerator.NOT_FOUND);
		assertThat(summary.citations()).hasSizeGreaterThanOrEqualTo(3)
			.extracting(Citation::documentId)
			.containsOnly("travel");
	}

	@Test
	void aSummaryAskedForPolitelyQuotesTheDocument() {
		Answer summary = ask("Can you please summarize the travel policy?");
		assertThat(summary.grounded()).as(summary.trace().toString()).isTrue();
		assertThat(summary.citations()).hasSizeGreaterThanOrEqualTo(3)
			.extracting(Citation::documentId)
			.containsOnly("travel");
	}

	@Test
	void aQuestionAboutOneOfSeveralThingsTheDocumentsHoldIsAskedBack() {
		Answer answer = ask(
				"Are there any specific guidelines or rules assigned to the Superior Court of California in this County?",
				new Turn(Turn.USER, "What should jurors do if they do not receive their juror fees within 6 weeks?"),
				new Turn(Turn.ASSISTANT, "Jurors in Ventura County should contact the payroll office [1]."));
		assertThat(answer.outcome()).as(answer.text()).isEqualTo(Answer.CLARIFY);
		assertThat(answer.grounded()).isFalse();
		assertThat(answer.refusal()).isNull();
		assertThat(answer.text()).startsWith("Which county do you mean?")
			.contains("County of Tuolumne")
			.contains("County of Alameda");
		assertThat(answer.clarification().readings()).hasSizeGreaterThanOrEqualTo(2);
		assertThat(answer.citations()).extracting(Citation::documentId).contains("tuolumne", "alameda");
		for (Clarification.Reading reading : answer.clarification().readings()) {
			// a reading's source is the number its marker has in the text asked back
			assertThat(answer.text()).contains(reading.label() + " [" + reading.source() + "]");
			assertThat(answer.citations().get(reading.source() - 1).index()).isEqualTo(reading.source());
		}
	}

	@Test
	void theCourtsOfSeveralCountiesAreOfferedByTheirCounty() {
		Answer answer = ask("Does this Superior Court publish local rules?");
		assertThat(answer.outcome()).as(answer.text()).isEqualTo(Answer.CLARIFY);
		assertThat(answer.clarification().readings()).extracting(Clarification.Reading::label)
			.contains("Superior Court of California, County of Tuolumne",
					"Superior Court of California, County of Alameda");
	}

	@Test
	void aThingPointedAtThatNoTitleNamesIsAskedBackWithTheNamesInThePassages() {
		Answer answer = ask("What does this police department offer to volunteers and young people?");
		assertThat(answer.outcome()).as(answer.text()).isEqualTo(Answer.CLARIFY);
		assertThat(answer.clarification().readings()).extracting(Clarification.Reading::label)
			.containsExactlyInAnyOrder("Auburn Police Department", "San Bruno Police Department");
		assertThat(answer.citations()).extracting(Citation::documentId).contains("auburn", "sanbruno");
	}

	@Test
	void aWordOnlyOneReadingSpeaksOfSaysWhichOneIsMeant() {
		Answer answer = ask("Does this police department in San Bruno run an Explorer program?");
		assertThat(answer.outcome()).as(answer.text()).isEqualTo(Answer.ANSWERED);
		assertThat(answer.citations()).extracting(Citation::documentId).contains("sanbruno");
	}

	@Test
	void eachReadingNamesItsSourceByTheNumberTheQuestionAskedBackGivesIt() {
		// readings whose sources are the third and the first found: asked back as [1]
		// and [2]
		Judge third = (judged) -> Verdict.clarify(judged.sources(), new Clarification("policy",
				List.of(new Clarification.Reading("Third", 3), new Clarification.Reading("First", 1))));
		AnswerEngine engine = engine(third);
		Answer answer = engine.answer(new AnswerRequest(KB, "How are hotel costs and meals reimbursed?", List.of(),
				List.of(), null, new AnswerRequest.Settings(5, null, null, null), null), (token) -> {
				});
		assertThat(answer.outcome()).isEqualTo(Answer.CLARIFY);
		assertThat(answer.clarification().readings()).extracting(Clarification.Reading::source).containsExactly(1, 2);
		assertThat(answer.text()).contains("Third [1]").contains("First [2]");
	}

	@Test
	void titlesThatOnlyHoldTheWordOfferNoReadings() {
		Answer answer = ask("How can one optimize the routing of a specific net in the design?");
		assertThat(answer.outcome()).as(answer.text()).isNotEqualTo(Answer.CLARIFY);
	}

	@Test
	void aQuestionThatSaysWhichOneIsAnswered() {
		Answer answer = ask("Which local rules does the Superior Court of California of the County of Alameda adopt?");
		assertThat(answer.outcome()).as(answer.text()).isEqualTo(Answer.ANSWERED);
		assertThat(answer.citations()).extracting(Citation::documentId).contains("alameda");
	}

	@Test
	void aComparisonQuotesEachSideLabelled() {
		Answer answer = ask("What is the difference between the default keystore and the hardware keystore?");
		assertThat(answer.grounded()).as(answer.text()).isTrue();
		assertThat(answer.text()).contains("side by side")
			.contains("the default keystore: ")
			.contains("the hardware keystore: ");
	}

	@Test
	void aSentenceThatPointsBackIsQuotedWithTheOneItPointsTo() {
		Answer answer = ask("Which reagent is often used in place of Fehling's solution?");
		assertThat(answer.grounded()).as(answer.text()).isTrue();
		assertThat(answer.text()).as(answer.trace().toString())
			.contains("Benedict's reagent is a chemical reagent")
			.contains("It is often used in place of Fehling's solution");
	}

	@Test
	void aRequestForWritingGetsThePassagesAndSaysItNeedsAModel() {
		Answer answer = ask("Write an email to my team about the travel policy for flights");
		assertThat(answer.grounded()).isFalse();
		assertThat(answer.refusal().reason()).isEqualTo(Refusal.NEEDS_MODEL);
		assertThat(answer.text()).contains("needs a language model").contains("[");
	}

	private AnswerEngine engine(Judge judge) {
		return new StagedAnswerEngine(new StagedAnswerEngine.Stages(new ConversationReader(this.search), this.search,
				new Grounding(this.search, true, NamesRule.PROPER, 2), judge, List.of(new Focus(this.search)),
				this.generator, new Citations(null)));
	}

	private Answer ask(String question, Turn... history) {
		return this.engine.answer(new AnswerRequest(KB, question, List.of(history), List.of(), null,
				new AnswerRequest.Settings(5, null, null, null), null)
			.traced(), (token) -> {
			});
	}

	private void add(String document, String title, String... paragraphs) {
		List<Chunk> chunks = new java.util.ArrayList<>();
		for (int i = 0; i < paragraphs.length; i++) {
			chunks.add(new Chunk(document + ":" + i, KB, document, document + ".md", 1, 1, "", i, paragraphs[i],
					Map.of(), title));
		}
		this.index.replace(document, chunks, (n) -> {
		});
	}

}
