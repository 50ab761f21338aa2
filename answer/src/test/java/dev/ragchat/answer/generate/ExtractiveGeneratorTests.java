package dev.ragchat.answer.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.ragchat.answer.AnswerGenerator;
import dev.ragchat.answer.AnswerGenerator.Question;
import dev.ragchat.answer.text.Asks;
import dev.ragchat.answer.text.SentenceVectors;
import dev.ragchat.retrieval.Chunk;
import dev.ragchat.retrieval.ScoredChunk;
import org.junit.jupiter.api.Test;

import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.Embedding;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;

import static org.assertj.core.api.Assertions.assertThat;

class ExtractiveGeneratorTests {

	/** Every text the same vector: the embedding cannot tell the rows apart. */
	static final EmbeddingModel ALIKE = new EmbeddingModel() {

		@Override
		public EmbeddingResponse call(EmbeddingRequest request) {
			List<Embedding> embeddings = new ArrayList<>();
			for (int i = 0; i < request.getInstructions().size(); i++) {
				embeddings.add(new Embedding(new float[] { 1, 0 }, i));
			}
			return new EmbeddingResponse(embeddings);
		}

		@Override
		public float[] embed(Document document) {
			return new float[] { 1, 0 };
		}

	};

	static final Chunk STATEMENT = new Chunk("d:0", "kb", "d", "AMAZON_2019_10K.pdf", 38, 38,
			"CONSOLIDATED STATEMENTS OF OPERATIONS", 0,
			"Year Ended December 31, 2019 2018\nBasic earnings per share 23.46 20.68\nNet income 11,588 10,073",
			Map.of(), "AMAZON 2019 10K");

	@Test
	void quotesTheRowTheQuestionNamesWhenTheEmbeddingFindsAllRowsAlike() {
		String question = "What is Amazon's FY2019 net income?";
		assertThat(answer(0.1, question)).contains("Net income — 2019: 11,588; 2018: 10,073 [1]")
			.doesNotContain("earnings per share");
		// without the shared words the first row wins the tie
		assertThat(answer(0, question)).contains("Basic earnings per share").doesNotContain("Net income");
	}

	@Test
	void quotesWhatAFollowUpAsksNotWhatItFollowsUpOn() {
		Chunk facts = new Chunk("h:0", "kb", "h", "harbour.pdf", 3, 3, "", 0,
				"The lighthouse on Kestrel Point was automated in 1987. Before that, three keepers lived there in"
						+ " rotation.",
				Map.of());
		String asked = "And who lived there before?";
		String standalone = "When was the lighthouse on Kestrel Point automated? " + asked;
		assertThat(answer(0.1,
				new Question(asked, standalone, List.of(), List.of(new ScoredChunk(facts, 1)), null, null, null)))
			.contains("three keepers lived there")
			.doesNotContain("automated");
	}

	@Test
	void quotesTheFirstRankedSourceWhenItsSentenceIsAboutAsNearAsALowerOnes() {
		// the second source's sentence is a little nearer the question (1.0 against 0.97)
		EmbeddingModel nearer = secondNearest(new float[] { 0.97f, 0.2431f });
		Chunk first = new Chunk("a:0", "kb", "a", "a.md", 1, 1, "", 0, "The pier was rebuilt in 1990.", Map.of(), "a");
		Chunk second = new Chunk("b:0", "kb", "b", "b.md", 1, 1, "", 0, "The second pier was rebuilt in 1991.",
				Map.of(), "b");
		Question question = new Question("When was the pier rebuilt?", "When was the pier rebuilt?", List.of(),
				List.of(new ScoredChunk(first, 1), new ScoredChunk(second, 0.9)), null, null, null);
		assertThat(new ExtractiveGenerator(nearer, (query) -> new float[] { 1, 0 }, 0.6, 1, 0, 0)
			.generate(question, (token) -> {
			})
			.text()).contains("second pier").contains("[2]");
		assertThat(new ExtractiveGenerator(nearer, (query) -> new float[] { 1, 0 }, 0.6, 1, 0, 0.1)
			.generate(question, (token) -> {
			})
			.text()).contains("1990. [1]").doesNotContain("second");
	}

	@Test
	void alwaysQuotesTheSourceSearchRankedFirst() {
		// the first source's sentence is far less near the question (0.8 against 1.0):
		// no rank weight lets it win, though it passes the threshold (0.6)
		EmbeddingModel farther = secondNearest(new float[] { 0.8f, 0.6f });
		Chunk first = new Chunk("a:0", "kb", "a", "a.pdf", 7, 7, "", 0, "Piers rebuilt — 1990: 2; 1991: 1", Map.of(),
				"a");
		Chunk second = new Chunk("b:0", "kb", "b", "b.md", 1, 1, "", 0, "The second pier was rebuilt in 1991.",
				Map.of(), "b");
		Question question = new Question("When was the pier rebuilt?", "When was the pier rebuilt?", List.of(),
				List.of(new ScoredChunk(first, 1), new ScoredChunk(second, 0.9)), null, null, null);
		assertThat(new ExtractiveGenerator(new SentenceVectors(farther, 0), (query) -> new float[] { 1, 0 }, 0.6, 1, 0,
				0.03, false)
			.generate(question, (token) -> {
			})
			.text()).contains("second pier was rebuilt in 1991. [2]").doesNotContain("[1]");
		// the first source's nearest sentence joins the one chosen, in source order
		assertThat(new ExtractiveGenerator(new SentenceVectors(farther, 0), (query) -> new float[] { 1, 0 }, 0.6, 1, 0,
				0.03, true)
			.generate(question, (token) -> {
			})
			.text()).contains("Piers rebuilt — 1990: 2; 1991: 1 [1] The second pier was rebuilt in 1991. [2]");
		// but not a sentence that could not answer alone (below the threshold: 0.8 <
		// 0.85)
		assertThat(new ExtractiveGenerator(new SentenceVectors(farther, 0), (query) -> new float[] { 1, 0 }, 0.85, 1, 0,
				0.03, true)
			.generate(question, (token) -> {
			})
			.text()).contains("second pier was rebuilt in 1991. [2]").doesNotContain("[1]");
	}

	@Test
	void quotesWhatFollowsATitleRatherThanTheTitle() {
		// maxSentences 1 and an embedding that finds all lines alike: the first line,
		// the title, would win the tie
		Chunk page = new Chunk("w:0", "kb", "w", "WATER_2022_10K.pdf", 85, 85, "", 0,
				"American Water Works Company, Inc. Consolidated Statements of Cash Flows (In millions)\n"
						+ "Dividends paid to shareholders came to 429 million dollars in 2020.",
				Map.of(), "WATER 2022 10K");
		String question = "How much did American Water Works pay out in cash dividends?";
		assertThat(answer(0,
				new Question(question, question, List.of(), List.of(new ScoredChunk(page, 1)), null, null, null)))
			.contains("Dividends paid to shareholders")
			.doesNotContain("Consolidated Statements");
		// a title alone names what follows: it is never an answer
		Chunk titleOnly = new Chunk("w:1", "kb", "w", "WATER_2022_10K.pdf", 86, 86, "", 1,
				"CONSOLIDATED STATEMENTS OF CASH FLOWS", Map.of(), "WATER 2022 10K");
		assertThat(answer(0,
				new Question(question, question, List.of(), List.of(new ScoredChunk(titleOnly, 1)), null, null, null)))
			.startsWith(AnswerGenerator.NOT_FOUND);
	}

	@Test
	void quotesATablesRowsButNeverItsColumnHeadsAlone() {
		// an embedding that finds all lines alike, one quote: the first line, the column
		// heads, would win the tie
		Chunk prices = new Chunk("b:0", "kb", "b", "boat-rentals.md", 1, 1, "Prices", 0,
				"Boat | 2025, per hour | 2026, per hour | 2026, full day\nCanoe | $22 | $24 | $80", Map.of(),
				"Boat rentals");
		String question = "What does a canoe cost?";
		assertThat(answer(0,
				new Question(question, question, List.of(), List.of(new ScoredChunk(prices, 1)), null, null, null)))
			.contains("Canoe | $22")
			.doesNotContain("per hour");
		// the heads alone name what a row would give: no answer
		Chunk heads = new Chunk("b:1", "kb", "b", "boat-rentals.md", 1, 1, "Prices", 1,
				"Boat | 2025, per hour | 2026, per hour | 2026, full day", Map.of(), "Boat rentals");
		assertThat(answer(0,
				new Question(question, question, List.of(), List.of(new ScoredChunk(heads, 1)), null, null, null)))
			.startsWith(AnswerGenerator.NOT_FOUND);
	}

	@Test
	void quotesARowOfCellsWithTheYearsItsColumnsAreOf() {
		// a Markdown table read as cells: its heads name the year of each column
		Chunk fees = new Chunk("c:0", "kb", "c", "campground.md", 1, 1, "Fees", 0,
				"Site | 2025 | 2026\nElectric site | $42 | $45", Map.of(), "Birchwater Campground");
		assertThat(answer(0, ofYear("How much was an electric site in 2025?", "2025", fees)))
			.isEqualTo(ExtractiveGenerator.PREFIX + "Electric site — 2025: $42; 2026: $45 [1]");
		assertThat(answer(0, ofYear("How much was an electric site in 2023?", "2023", fees)))
			.startsWith(AnswerGenerator.NOT_FOUND)
			.contains("give 2026 and 2025, not 2023");
		// heads that say the same of each year, a year that runs into the next
		Chunk placement = new Chunk("c:1", "kb", "c", "msc.md", 1, 1, "Fees", 1,
				"Placement year fee | 2025/26 entry | 2026/27 entry\nPlacement year, international | £3,510 | £3,690",
				Map.of(), "MSc Data Science");
		assertThat(answer(0,
				ofYear("How much is the placement year for international students starting in 2026?", "2026",
						placement)))
			.isEqualTo(ExtractiveGenerator.PREFIX
					+ "Placement year, international — 2025/26 entry: £3,510; 2026/27 entry: £3,690 [1]");
	}

	@Test
	void quotesARowOfCellsWithTheNamesOfItsColumnsAndFindsTheYearItsLabelIs() {
		// a Markdown table whose first column holds the years: the row alone ("1880 |
		// 4,100") says nothing of what it counts
		Chunk population = new Chunk("p:0", "kb", "p", "saltby.md", 1, 1, "Population", 0,
				"Year | Population\n1880 | 4,100\n1910 | 7,800", Map.of(), "Saltby");
		assertThat(answer(0, ofYear("How many people lived in Saltby in 1880?", "1880", population)))
			.isEqualTo(ExtractiveGenerator.PREFIX + "1880 — Population: 4,100 [1]");
		assertThat(answer(0, ofYear("How many people lived in Saltby in 1850?", "1850", population)))
			.startsWith(AnswerGenerator.NOT_FOUND);
	}

	private static Question ofYear(String question, String year, Chunk source) {
		return new Question(question, question, List.of(), List.of(new ScoredChunk(source, 1)), null, null, null,
				List.of(), new Question.Asked(Asks.QUANTITY, List.of(), List.of(year), null, List.of()));
	}

	@Test
	void quotesTheRowsWhoseLabelAndFiguresMatchTheQuestionNotTheirNeighbours() {
		Chunk statement = new Chunk("s:0", "kb", "s", "AMAZON_2019_10K.pdf", 38, 38,
				"CONSOLIDATED STATEMENTS OF OPERATIONS", 0,
				"Year Ended December 31, 2019 2018\nOperating income 14,541 12,421\nNet income 11,588 10,073\n"
						+ "Net income attributable to noncontrolling interests 12 10",
				Map.of(), "AMAZON 2019 10K");
		// an embedding that finds every row alike, three quotes allowed: the row the
		// question names, not the neighbour that shares some of its words
		ExtractiveGenerator generator = new ExtractiveGenerator(ALIKE, (query) -> new float[] { 1, 0 }, 0.6, 3, 0.1, 0);
		String named = "What is Amazon's FY2019 net income?";
		assertThat(generator
			.generate(new Question(named, named, List.of(), List.of(new ScoredChunk(statement, 1)), null, null, null),
					(token) -> {
					})
			.text()).isEqualTo(ExtractiveGenerator.PREFIX + "Net income — 2019: 11,588; 2018: 10,073 [1]");
		// a question that gives the figure: the row that holds it
		String figure = "Which line of the statement was 10,073 in 2018?";
		assertThat(generator
			.generate(new Question(figure, figure, List.of(), List.of(new ScoredChunk(statement, 1)), null, null, null),
					(token) -> {
					})
			.text()).isEqualTo(ExtractiveGenerator.PREFIX + "Net income — 2019: 11,588; 2018: 10,073 [1]");
	}

	@Test
	void rowsThatTheQuestionNamesOnlyInPartAllStay() {
		Chunk statement = new Chunk("s:0", "kb", "s", "AMAZON_2019_10K.pdf", 38, 38,
				"CONSOLIDATED STATEMENTS OF OPERATIONS", 0,
				"Operating income 14,541 12,421\nNet income 11,588 10,073\nTotal net sales 280,522 232,887", Map.of(),
				"AMAZON 2019 10K");
		ExtractiveGenerator generator = new ExtractiveGenerator(ALIKE, (query) -> new float[] { 1, 0 }, 0.6, 3, 0.1, 0);
		// "income" is half of two labels and none of the third: no row is named
		String asked = "How did Amazon's income and sales change?";
		assertThat(generator
			.generate(new Question(asked, asked, List.of(), List.of(new ScoredChunk(statement, 1)), null, null, null),
					(token) -> {
					})
			.text()).contains("Operating income").contains("Net income").contains("Total net sales");
	}

	@Test
	void aYearOrASmallCountTheQuestionGivesNamesNoRow() {
		Chunk balanceSheet = new Chunk("b:0", "kb", "b", "COSTCO_2021_10K.pdf", 38, 38, "CONSOLIDATED BALANCE SHEETS",
				0, "Total current assets 29,505 28,120\nTOTAL ASSETS $ 59,268 $ 55,556\n"
						+ "BALANCE AT AUGUST 29, 2021 (2) 441,825 $ 4 $ 7,031",
				Map.of(), "COSTCO 2021 10K");
		ExtractiveGenerator generator = new ExtractiveGenerator(ALIKE, (query) -> new float[] { 1, 0 }, 0.6, 3, 0.1, 0);
		String asked = "Using only the balance sheet, how much total assets did Costco have at the end of FY2021? "
				+ "Round to 2 decimal places.";
		String answer = generator.generate(
				new Question(asked, asked, List.of(), List.of(new ScoredChunk(balanceSheet, 1)), null, null, null),
				(token) -> {
				})
			.text();
		assertThat(answer).contains("TOTAL ASSETS $ 59,268").doesNotContain("BALANCE AT AUGUST");
	}

	@Test
	void quotesAPagesOwnQuestionWithTheStatementThatAnswersItNeverAlone() {
		// an embedding that finds all lines alike: the page's question, first, would win
		// the tie and answer nothing
		Chunk faq = new Chunk("f:0", "kb", "f", "small-claims.md", 1, 1, "", 0,
				"Do I need a lawyer?\nYou do not need a lawyer to file a claim in small claims court.", Map.of(),
				"Small claims");
		String question = "Do I need a lawyer to sue in small claims court?";
		assertThat(answer(0,
				new Question(question, question, List.of(), List.of(new ScoredChunk(faq, 1)), null, null, null)))
			.isEqualTo(ExtractiveGenerator.PREFIX
					+ "Do I need a lawyer? You do not need a lawyer to file a claim in small claims court. [1]");
		// the page asks what the user asks and says nothing of it: not an answer
		Chunk asksOnly = new Chunk("f:1", "kb", "f", "small-claims.md", 1, 1, "", 1,
				"Do I need a lawyer?\nSmall Claims Forms", Map.of(), "Small claims");
		assertThat(answer(0,
				new Question(question, question, List.of(), List.of(new ScoredChunk(asksOnly, 1)), null, null, null)))
			.isEqualTo(AnswerGenerator.NOT_FOUND);
	}

	@Test
	void quotesALeadInWithTheItemsItIntroducesAndNeverALabelAlone() {
		Chunk steps = new Chunk("m:0", "kb", "m", "mobile.md", 1, 1, "", 0,
				"Take the following steps to migrate your mobile apps:\nExport the app from the old console\n"
						+ "Release the new version",
				Map.of(), "Mobile");
		String question = "How do I migrate my mobile apps?";
		assertThat(answer(0,
				new Question(question, question, List.of(), List.of(new ScoredChunk(steps, 1)), null, null, null)))
			.isEqualTo(ExtractiveGenerator.PREFIX + "Take the following steps to migrate your mobile apps: "
					+ "Export the app from the old console; Release the new version. [1]");
		Chunk labels = new Chunk("m:1", "kb", "m", "mobile.md", 2, 2, "", 1,
				"Run the app locally\nTake the following steps to migrate your mobile apps:", Map.of(), "Mobile");
		assertThat(answer(0,
				new Question(question, question, List.of(), List.of(new ScoredChunk(labels, 1)), null, null, null)))
			.isEqualTo(AnswerGenerator.NOT_FOUND);
	}

	/**
	 * Embeds the question and every sentence holding "second" as (1, 0), other sentences
	 * as {@code other}.
	 */
	private static EmbeddingModel secondNearest(float[] other) {
		return new EmbeddingModel() {

			@Override
			public EmbeddingResponse call(EmbeddingRequest request) {
				List<Embedding> embeddings = new ArrayList<>();
				for (int i = 0; i < request.getInstructions().size(); i++) {
					boolean second = request.getInstructions().get(i).contains("second");
					embeddings.add(new Embedding(second ? new float[] { 1, 0 } : other, i));
				}
				return new EmbeddingResponse(embeddings);
			}

			@Override
			public float[] embed(Document document) {
				return new float[] { 1, 0 };
			}

		};
	}

	@Test
	void groundsAQuestionOfTwoPartsOnTwoAdjacentSentencesThatAnswerOneEach() {
		// each sentence is near one part of the question (0.71), the two together near
		// the whole of it (1.0); the threshold (0.8) is for the whole
		EmbeddingModel parts = new EmbeddingModel() {

			@Override
			public EmbeddingResponse call(EmbeddingRequest request) {
				List<Embedding> embeddings = new ArrayList<>();
				for (String text : request.getInstructions()) {
					embeddings.add(new Embedding(vector(text), embeddings.size()));
				}
				return new EmbeddingResponse(embeddings);
			}

			@Override
			public float[] embed(Document document) {
				return vector(document.getText());
			}

			private float[] vector(String text) {
				float operating = text.contains("operating") ? 1 : 0;
				float investing = text.contains("investing") ? 1 : 0;
				double norm = Math.max(Math.sqrt(operating * operating + investing * investing), 1e-9);
				return new float[] { (float) (operating / norm), (float) (investing / norm) };
			}

		};
		float half = (float) Math.sqrt(0.5);
		Chunk together = new Chunk("c:0", "kb", "c", "NIKE_2023_10K.pdf", 62, 62, "Cash flows", 0,
				"Cash provided by operating activities was 5.8 billion. Cash used in investing activities was 1.5 billion.",
				Map.of(), "NIKE 2023 10K");
		Chunk apart = new Chunk("c:1", "kb", "c", "NIKE_2023_10K.pdf", 62, 62, "Cash flows", 1,
				"Cash provided by operating activities was 5.8 billion. Revenues rose by ten percent over the year before. Cash used in investing activities was 1.5 billion.",
				Map.of(), "NIKE 2023 10K");
		String asked = "What were the operating and investing cash flows?";
		ExtractiveGenerator generator = new ExtractiveGenerator(parts, (query) -> new float[] { half, half }, 0.8, 3);
		assertThat(generator
			.generate(new Question(asked, asked, List.of(), List.of(new ScoredChunk(together, 1)), null, null, null),
					(token) -> {
					})
			.grounded()).isTrue();
		// not two sentences apart
		assertThat(generator
			.generate(new Question(asked, asked, List.of(), List.of(new ScoredChunk(apart, 1)), null, null, null),
					(token) -> {
					})
			.grounded()).isFalse();
	}

	@Test
	void readsASentenceOfAPageTheConversationIsAboutWithThePagesTitle() {
		// the question names the institute and asks of women; the sentence speaks of
		// women only, and its page's title names the institute
		EmbeddingModel named = new EmbeddingModel() {

			@Override
			public EmbeddingResponse call(EmbeddingRequest request) {
				List<Embedding> embeddings = new ArrayList<>();
				for (String text : request.getInstructions()) {
					embeddings.add(new Embedding(vector(text), embeddings.size()));
				}
				return new EmbeddingResponse(embeddings);
			}

			@Override
			public float[] embed(Document document) {
				return vector(document.getText());
			}

			private float[] vector(String text) {
				float institute = text.contains("Institute") ? 1 : 0;
				float women = text.contains("Women") ? 1 : 0;
				double norm = Math.max(Math.sqrt(institute * institute + women * women), 1e-9);
				return new float[] { (float) (institute / norm), (float) (women / norm) };
			}

		};
		float half = (float) Math.sqrt(0.5);
		Chunk page = new Chunk("i:0", "kb", "institute", "institute.md", 1, 1, "History", 0,
				"Women were admitted from 1892.", Map.of(), "Harl Technical Institute");
		String asked = "When were women first admitted to the Harl Technical Institute?";
		ExtractiveGenerator generator = new ExtractiveGenerator(named, (query) -> new float[] { half, half }, 0.8, 1);
		Question about = new Question(asked, asked, List.of(), List.of(new ScoredChunk(page, 1)), null, null, null,
				List.of(),
				new Question.Asked(Asks.ANSWER, List.of(), List.of(), null, List.of(), List.of("institute")));
		assertThat(generator.generate(about, (token) -> {
		}).text()).isEqualTo(ExtractiveGenerator.PREFIX + "Women were admitted from 1892. [1]");
		// a page the conversation is not about is read without its title
		Question other = new Question(asked, asked, List.of(), List.of(new ScoredChunk(page, 1)), null, null, null);
		assertThat(generator.generate(other, (token) -> {
		}).grounded()).isFalse();
	}

	@Test
	void readsASentenceThatNamesItsPageWithoutThePagesTitle() {
		// counts the name and the ferry: the title "Kestrel Point" before a sentence that
		// writes it already would make the name weigh twice, nearer a question about
		// Kestrel Point's lighthouse than the sentence is
		EmbeddingModel counting = new EmbeddingModel() {

			@Override
			public EmbeddingResponse call(EmbeddingRequest request) {
				List<Embedding> embeddings = new ArrayList<>();
				for (String text : request.getInstructions()) {
					embeddings.add(new Embedding(vector(text), embeddings.size()));
				}
				return new EmbeddingResponse(embeddings);
			}

			@Override
			public float[] embed(Document document) {
				return vector(document.getText());
			}

			private float[] vector(String text) {
				float kestrel = text.split("Kestrel", -1).length - 1;
				float ferry = text.split("ferry", -1).length - 1;
				double norm = Math.max(Math.sqrt(kestrel * kestrel + ferry * ferry), 1e-9);
				return new float[] { (float) (kestrel / norm), (float) (ferry / norm) };
			}

		};
		Chunk page = new Chunk("k:0", "kb", "kestrel", "kestrel.md", 1, 1, "Ferry", 0,
				"The ferry from Kestrel Point leaves at seven.", Map.of(), "Kestrel Point");
		String asked = "When was the lighthouse on Kestrel Point automated?";
		ExtractiveGenerator generator = new ExtractiveGenerator(counting, (query) -> new float[] { 1, 0 }, 0.8, 1);
		Question about = new Question(asked, asked, List.of(), List.of(new ScoredChunk(page, 1)), null, null, null,
				List.of(), new Question.Asked(Asks.ANSWER, List.of(), List.of(), null, List.of(), List.of("kestrel")));
		assertThat(generator.generate(about, (token) -> {
		}).grounded()).isFalse();
	}

	private static String answer(double overlapWeight, String question) {
		return answer(overlapWeight,
				new Question(question, question, List.of(), List.of(new ScoredChunk(STATEMENT, 1)), null, null, null));
	}

	private static String answer(double overlapWeight, Question question) {
		ExtractiveGenerator generator = new ExtractiveGenerator(ALIKE, (query) -> new float[] { 1, 0 }, 0.6, 1,
				overlapWeight, 0);
		return generator.generate(question, (token) -> {
		}).text();
	}

}
