package dev.ragchat.answer.ground;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.ragchat.answer.EngineSettings.NamesRule;
import dev.ragchat.answer.Found;
import dev.ragchat.answer.SearchRequest;
import dev.ragchat.answer.search.KnowledgeBaseSearch;
import dev.ragchat.retrieval.Chunk;
import dev.ragchat.retrieval.Fusion;
import dev.ragchat.retrieval.MetadataFilter;
import dev.ragchat.retrieval.Retriever;
import dev.ragchat.retrieval.ScoredChunk;
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

class GroundingTests {

	@TempDir
	Path dir;

	private LuceneChunkIndex index;

	private Grounding grounding;

	private final QueryShaper shaper = new QueryShaper();

	/** The cover page of a filing: the name in full, the ticker, the name it defines. */
	private final Chunk cover = chunk("amex", "AMERICANEXPRESS_2022_10K.pdf", 0, 1,
			"AMERICAN EXPRESS COMPANY. Common Shares, par value $0.20, trading symbol AXP. American Express Company"
					+ " (the Company) reports for the fiscal year ended December 31, 2022.");

	private final Chunk margins = chunk("amex", "AMERICANEXPRESS_2022_10K.pdf", 1, 40,
			"Operating margin improved in 2022 as revenues grew.");

	private final Chunk kenvue = chunk("jnj", "separation-8k.pdf", 0, 12,
			"Johnson & Johnson completed the separation of its Consumer"
					+ " Health business (\"Kenvue\") and received cash proceeds of $13.2 billion in 2023.");

	@BeforeEach
	void index() {
		this.index = new LuceneChunkIndex(this.dir, new WordHashEmbeddingModel().asIndexEmbedding(), 16,
				LuceneIndexSettings.DEFAULTS);
		this.index.replace("amex",
				List.of(this.cover, this.margins,
						chunk("amex", "AMERICANEXPRESS_2022_10K.pdf", 2, 41,
								"Card Member loans of American Express grew."),
						chunk("amex", "AMERICANEXPRESS_2022_10K.pdf", 3, 42, "American Express network volumes rose.")),
				(n) -> {
				});
		this.index.replace("jnj", List.of(this.kenvue), (n) -> {
		});
		this.grounding = new Grounding(search(), true, NamesRule.ALL, 2);
	}

	@AfterEach
	void close() throws Exception {
		this.index.close();
	}

	@Test
	void readsAnAbbreviationOfANameTheSourcesWriteOut() {
		assertThat(unsupported("Does AMEX have an improving operating margin in 2022?", this.margins, this.cover))
			.isEmpty();
		assertThat(unsupported("What cash did JnJ receive from Kenvue?", this.kenvue)).isEmpty();
		assertThat(unsupported("What cash did J&J receive from Kenvue?", this.kenvue)).isEmpty();
	}

	@Test
	void findsANameTheSourcesDocumentIsAbout() {
		// only the margin page was retrieved; the filing names its company again and
		// again
		assertThat(unsupported("Did American Express's operating margin improve in 2022?", this.margins)).isEmpty();
		// the ticker stands once, on the cover page: a passing mention
		assertThat(unsupported("Did AXP's operating margin improve in 2022?", this.margins)).containsExactly("AXP");
	}

	@Test
	void refusesWhatNoSourceDocumentMentions() {
		assertThat(unsupported("Does Contoso have an improving operating margin in 2022?", this.margins, this.cover))
			.containsExactly("Contoso");
		assertThat(unsupported("Did the operating margin of AMEX improve in FY2019?", this.margins, this.cover))
			.containsExactly("2019");
		// an abbreviation that spells no name the sources write out
		assertThat(unsupported("Does ACME have an improving operating margin?", this.margins, this.cover))
			.containsExactly("ACME");
	}

	@Test
	void aDayOrAMonthIsWhenSomethingHappenedNotANameTheSourcesMustWrite() {
		Chunk delays = chunk("rail", "Delay-Repay.pdf", 0, 1, "When your train arrives 15 minutes or more late, "
				+ "you can claim back a quarter of the fare; 30 minutes or more late, half of it.");
		assertThat(unsupported("My train on Tuesday got in 25 minutes late. Do I get anything back?", delays))
			.isEmpty();
		assertThat(unsupported("We travel in January: what if the train is late?", delays)).isEmpty();
		assertThat(unsupported("Does Contoso Rail pay anything back on a Tuesday?", delays)).contains("Contoso");
	}

	@Test
	void looksNamesUpOnlyInTheSourcesDocuments() {
		// Kenvue is in the knowledge base, but not in the document the sources come from
		assertThat(unsupported("Did Kenvue's operating margin improve in 2022?", this.margins))
			.containsExactly("Kenvue");
	}

	@Test
	void aWordTheNameStemsToDoesNotMakeADocumentAboutIt() {
		// the keyword analyser stems "Corning" to "corn"; a food company's filing that
		// writes "corn" in every chunk is not about Corning
		List<Chunk> food = List.of(chunk("food", "FOODCO_2022_10K.pdf", 0, 10, "Corn prices rose in 2022."),
				chunk("food", "FOODCO_2022_10K.pdf", 1, 11, "We buy corn and wheat."),
				chunk("food", "FOODCO_2022_10K.pdf", 2, 12, "Corn costs weighed on the margin."),
				chunk("food", "FOODCO_2022_10K.pdf", 3, 13, "The effective tax rate was 18.3 percent in 2022."));
		this.index.replace("food", food, (n) -> {
		});
		assertThat(unsupported("How much has the effective tax rate of Corning changed in 2022?", food.get(3)))
			.containsExactly("Corning");
	}

	@Test
	void aDocumentIsAboutANameItIntroducesOnItsFirstPageNotOneItOnlyNamesOften() {
		List<Chunk> food = List.of(chunk("food", "annual-report.pdf", 0, 1, "Contoso Foods, Inc. Annual Report 2022."),
				chunk("food", "annual-report.pdf", 1, 4,
						"Walmart Inc. and its affiliates (Walmart) accounted for 20 percent of Contoso's net sales."),
				chunk("food", "annual-report.pdf", 2, 9, "Revenue depends on Walmart, its largest customer."),
				chunk("food", "annual-report.pdf", 3, 65,
						"Walmart: net sales 20 %. Contoso sells through stores. Revenue by channel."),
				chunk("food", "annual-report.pdf", 4, 46,
						"Revenue grew; revenue recognition follows the terms of sale."),
				chunk("food", "annual-report.pdf", 5, 47, "EBITDA was $3.2 billion in 2022."));
		this.index.replace("food", food, (n) -> {
		});
		// the customer it names in three chunks is not what the filing is about
		assertThat(unsupported("What is the 2022 EBITDA of Walmart?", food.get(5))).containsExactly("Walmart");
		// the company it introduces on its cover is
		assertThat(unsupported("What is the 2022 EBITDA of Contoso?", food.get(5))).isEmpty();
		// a capitalised word it also writes in lower case needs no cover
		assertThat(unsupported("What is the 2022 EBITDA over Revenue?", food.get(5))).isEmpty();
	}

	@Test
	void aProperNameIsNotTheCommonWordItIsSpelledLike() {
		Chunk blocks = chunk("amex", "AMERICANEXPRESS_2022_10K.pdf", 4, 43,
				"Shares were bought back in block trades in 2022.");
		assertThat(unsupported("How much cash did Block generate in 2022?", blocks)).containsExactly("Block");
		Chunk company = chunk("amex", "AMERICANEXPRESS_2022_10K.pdf", 5, 44,
				"BLOCK, INC. generated cash in 2022; Block's sellers grew.");
		assertThat(unsupported("How much cash did Block generate in 2022?", company)).isEmpty();
	}

	@Test
	void asksEveryNameOrAtLeastOneAsTheRuleSays() {
		Grounding any = new Grounding(search(), true, NamesRule.ANY, 2);
		GroundingQuestion oneOfTwo = question("Did AMEX beat Contoso in 2022?", this.margins, this.cover);
		assertThat(this.grounding.supports(oneOfTwo)).isFalse();
		assertThat(any.supports(oneOfTwo)).isTrue();
		assertThat(any.supports(question("Did Contoso beat Fabrikam in 2022?", this.margins))).isFalse();
		// a period must always be supported
		assertThat(any.supports(question("Did AMEX beat Contoso in 2019?", this.margins, this.cover))).isFalse();
		Grounding proper = new Grounding(search(), true, NamesRule.PROPER, 2);
		// a proper name must be supported, an abbreviation need not
		assertThat(proper.supports(question("Did AMEX beat Contoso in 2022?", this.margins, this.cover))).isFalse();
		assertThat(proper.supports(question("Did American Express's CAGR improve in 2022?", this.margins))).isTrue();
	}

	@Test
	void keepsForTheAnswerTheSourcesAboutWhatTheQuestionNames() {
		// the Kenvue page matched "cash proceeds"; the margin page is of a filing about
		// American Express, which it does not name itself
		GroundingQuestion question = question("What cash proceeds did American Express report in 2022?", this.kenvue,
				this.margins);
		assertThat(this.grounding.about(question)).extracting((source) -> source.chunk().id())
			.containsExactly(this.margins.id());
		// nothing named, or no source about every name: all sources stay
		assertThat(this.grounding.about(question("What cash proceeds were received?", this.kenvue, this.margins)))
			.hasSize(2);
		assertThat(this.grounding.about(question("What did Contoso receive?", this.kenvue, this.margins))).hasSize(2);
	}

	@Test
	void bringsChunksOfTheDocumentsAboutANameTheSourcesDoNotSpeakOf() {
		List<Chunk> contoso = List.of(
				chunk("contoso", "CONTOSO_2022_10K.pdf", 0, 1, "Contoso Ltd. Annual report 2022."),
				chunk("contoso", "CONTOSO_2022_10K.pdf", 1, 30,
						"Contoso's operating margin fell in 2022 as costs rose."),
				chunk("contoso", "CONTOSO_2022_10K.pdf", 2, 31, "Contoso sells software to banks."));
		this.index.replace("contoso", contoso, (n) -> {
		});
		// retrieval found American Express's margin page only
		GroundingQuestion asked = question("Did the operating margins of American Express and Contoso improve in 2022?",
				this.margins);
		assertThat(this.grounding.unsupported(asked)).containsExactly("Contoso");
		// the expansion: one search, of Contoso's filing, for the whole question
		Grounding.Expansion expansion = this.grounding.expand(asked, null, false);
		assertThat(expansion.unsupported()).containsExactly("Contoso");
		assertThat(expansion.searches()).singleElement()
			.satisfies((search) -> assertThat(search.documentIds()).containsExactly("contoso"));
		// what it finds joins the found set, which the judge's grounds are read of
		Ground grounded = ground(this.grounding, asked, null);
		assertThat(grounded.grounds().sources()).extracting((source) -> source.chunk().id())
			.startsWith(this.margins.id())
			.contains("contoso:1")
			.hasSizeLessThanOrEqualTo(3);
		assertThat(grounded.grounds().unsupported()).isEmpty();
		assertThat(grounded.supported()).isTrue();
		assertThat(ground(new Grounding(search(), true, NamesRule.ALL, 0), asked, null).grounds().unsupported())
			.containsExactly("Contoso");
		// the new sources pass the caller's filter too
		assertThat(ground(this.grounding, asked, MetadataFilter.exact(Map.of("year", "2021"))).grounds().sources())
			.isEqualTo(asked.sources());
		// a name the knowledge base mentions in passing brings nothing (Kenvue, defined
		// on page 12 of a filing about Johnson & Johnson)
		GroundingQuestion kenvue = question("Did Kenvue's operating margin improve in 2022?", this.margins);
		assertThat(this.grounding.expand(kenvue, null, false).searches()).isEmpty();
		// with images or audio nothing is looked up or checked
		assertThat(this.grounding.expand(asked, null, true).searches()).isEmpty();
		assertThat(ground(this.grounding, asked, null, true).grounds().unsupported()).isEmpty();
	}

	@Test
	void looksUpNoMoreNamesThanItsLimitAndRefusesAQuestionOfMore() {
		this.index.replace("contoso",
				List.of(chunk("contoso", "CONTOSO_2022_10K.pdf", 0, 1, "Contoso Ltd. Annual report 2022."),
						chunk("contoso", "CONTOSO_2022_10K.pdf", 1, 30, "Contoso's operating margin fell in 2022."),
						chunk("contoso", "CONTOSO_2022_10K.pdf", 2, 31, "Contoso sells software to banks.")),
				(n) -> {
				});
		// as many missing names as are looked up: Contoso's filing joins the sources
		GroundingQuestion three = question(
				"Did the operating margins of American Express, Contoso, Fabrikam and Northwind improve in 2022?",
				this.margins);
		Ground looked = ground(this.grounding, three, null);
		assertThat(looked.grounds().sources()).extracting((source) -> source.chunk().documentId()).contains("contoso");
		assertThat(looked.grounds().unsupported()).containsExactly("Fabrikam", "Northwind");
		assertThat(looked.supported()).isFalse();
		// one more: refused as it stands, nothing looked up, the names past the limit not
		// read
		GroundingQuestion four = question(
				"Did the operating margins of American Express, Contoso, Fabrikam, Northwind and Tailspin improve in 2022?",
				this.margins);
		Ground refused = ground(this.grounding, four, null);
		assertThat(refused.expansion().searches()).isEmpty();
		assertThat(refused.grounds().sources()).isEqualTo(four.sources());
		assertThat(refused.supported()).isFalse();
		assertThat(refused.grounds().unsupported()).hasSize(Grounding.LOOKED_UP_NAMES + 1);
		assertThat(this.grounding.unsupported(four)).containsExactly("Contoso", "Fabrikam", "Northwind", "Tailspin");
		// the rule for proper names reads no other name: capitals the sources miss are
		// neither looked up nor reported by the step
		Grounding proper = new Grounding(search(), true, NamesRule.PROPER, 2);
		GroundingQuestion capitals = question("Did the COGS, EBITDA and ROIC of American Express improve in 2022?",
				this.margins);
		Ground grounded = ground(proper, capitals, null);
		assertThat(grounded.grounds().unsupported()).isEmpty();
		assertThat(grounded.supported()).isTrue();
		assertThat(grounded.expansion().searches()).isEmpty();
		assertThat(proper.unsupported(capitals)).contains("COGS", "EBITDA", "ROIC");
	}

	@Test
	void aDocumentOfFewerChunksThanTheMentionsIsAboutANameEachOfThemWrites() {
		this.index.replace("netlist",
				List.of(chunk("netlist", "write_netlist.md", 0, 1, "Verilog netlists are written by write_verilog."),
						chunk("netlist", "write_netlist.md", 1, 1, "The Verilog writer keeps the hierarchy.")),
				(n) -> {
				});
		this.index.replace("timing",
				List.of(chunk("timing", "timing.md", 0, 1, "Timing reports read a Verilog netlist."),
						chunk("timing", "timing.md", 1, 1, "Slack is reported per path.")),
				(n) -> {
				});
		GroundingQuestion asked = question("How is a Verilog netlist of the design written?", this.margins);
		assertThat(ground(new Grounding(search(), true, NamesRule.ALL, 4), asked, null).grounds().sources())
			.extracting((source) -> source.chunk().documentId())
			.contains("netlist")
			.doesNotContain("timing");
	}

	@Test
	void readsANameWrittenByItsInitialBeforeTheWordThatFollowsIt() {
		Chunk worms = chunk("worms", "aging.md", 0, 1, "Learning declines in aged C. elegans adults.");
		assertThat(unsupported("Do older Caenorhabditis elegans learn less?", worms)).isEmpty();
		assertThat(Aliases.shortened("Caenorhabditis", "Do older Caenorhabditis elegans learn less?",
				"Learning declines in aged C. briggsae adults."))
			.isFalse();
		assertThat(Aliases.shortened("Caenorhabditis", "Do older Caenorhabditis elegans learn less?",
				"Learning declines in aged C elegans adults."))
			.isFalse();
	}

	@Test
	void anAbbreviationInCapitalsIsTheInitialsOfWordsWrittenInAnyCase() {
		assertThat(Aliases.abbreviates("COGS", "Cost of goods sold rose")).isTrue();
		assertThat(Aliases.abbreviates("EBITDA", "earnings before interest, taxes, depreciation and amortization"))
			.isTrue();
		assertThat(Aliases.abbreviates("PP&E", "Purchases of property, plant and equipment")).isTrue();
		// never across a clause
		assertThat(Aliases.abbreviates("COGS", "costs of goods. Sold")).isFalse();
		assertThat(Aliases.abbreviates("Cogs", "cost of goods sold")).isFalse();
	}

	@Test
	void abbreviationsAreTheBeginningsOfTwoOrMoreCapitalisedWords() {
		assertThat(Aliases.abbreviates("AMEX", "the American Express card")).isTrue();
		assertThat(Aliases.abbreviates("P&G", "sold by Procter & Gamble Co.")).isTrue();
		assertThat(Aliases.abbreviates("AT&T", "American Telephone and Telegraph")).isTrue();
		assertThat(Aliases.abbreviates("AMEX", "American. Express")).isFalse();
		assertThat(Aliases.abbreviates("AMEX", "the american express card")).isFalse();
		assertThat(Aliases.abbreviates("Amex", "the American Express card")).isTrue();
		// a longer word in title case is a name of its own, not an abbreviation
		assertThat(Aliases.abbreviates("Amazon", "Amazing Zones")).isFalse();
	}

	/**
	 * The search stage's part of the ground step as the engine runs it: the expansion's
	 * searches through the one search, joined, then the found set read.
	 */
	private Ground ground(Grounding grounding, GroundingQuestion question, MetadataFilter filter) {
		return ground(grounding, question, filter, false);
	}

	private Ground ground(Grounding grounding, GroundingQuestion question, MetadataFilter filter, boolean media) {
		Grounding.Expansion expansion = grounding.expand(question, filter, media);
		Found found = new Found(question.question(), question.sources(), question.sources().size());
		for (SearchRequest search : expansion.searches()) {
			found = found.join(search().search(search));
		}
		Grounds grounds = grounding.read(expansion, found.all());
		return new Ground(expansion, grounds,
				grounding.names().satisfied(question.question().names(), grounds.unsupported()));
	}

	private List<String> unsupported(String question, Chunk... sources) {
		return this.grounding.unsupported(question(question, sources));
	}

	private GroundingQuestion question(String question, Chunk... sources) {
		return new GroundingQuestion("kb", this.shaper.shape(question),
				java.util.Arrays.stream(sources).map((chunk) -> new ScoredChunk(chunk, 1)).toList());
	}

	private static Chunk chunk(String document, String filename, int ordinal, int page, String text) {
		return new Chunk(document + ":" + ordinal, "kb", document, filename, page, page, "", ordinal, text, Map.of(),
				filename.replace(".pdf", "").replace('_', ' '));
	}

	private KnowledgeBaseSearch search() {
		return new KnowledgeBaseSearch(new QueryShaper(), new Retriever(this.index, Fusion.ranks(60, 1, 1, 10)),
				Reranking.off());
	}

	/**
	 * What the search stage read for the judge.
	 *
	 * @param expansion the expansion's searches
	 * @param grounds what the found set says of the names
	 * @param supported whether the names rule is satisfied by it
	 */
	record Ground(Grounding.Expansion expansion, Grounds grounds, boolean supported) {

	}

}
