package dev.ragchat.answer.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import dev.ragchat.answer.Answer;
import dev.ragchat.answer.AnswerEngine;
import dev.ragchat.answer.AnswerRequest;
import dev.ragchat.answer.EngineSettings.NamesRule;
import dev.ragchat.answer.Listing;
import dev.ragchat.answer.SearchScope;
import dev.ragchat.answer.Turn;
import dev.ragchat.answer.cite.Citations;
import dev.ragchat.answer.generate.ExtractiveGenerator;
import dev.ragchat.answer.ground.Grounding;
import dev.ragchat.answer.judge.Readings;
import dev.ragchat.answer.judge.RulesJudge;
import dev.ragchat.answer.judge.SourcesJudge;
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
 * Questions about the whole scope (which, how many, list all, the figure of each), over
 * the residential leases of a letting agency: every document that says it, counted
 * against the scope, the near misses ("no termination fee applies") left out; beyond the
 * five passages an answer reads. The engine as the service builds it without a model.
 */
class WholeScopeTests {

	private static final String KB = "leases";

	private static final String OTHER_KB = "commercial";

	@TempDir
	Path dir;

	private final WordHashEmbeddingModel embeddings = new WordHashEmbeddingModel();

	private LuceneChunkIndex index;

	private AnswerEngine engine;

	@BeforeEach
	void index() {
		this.index = new LuceneChunkIndex(this.dir, this.embeddings.asIndexEmbedding(), 16,
				LuceneIndexSettings.DEFAULTS);
		KnowledgeBaseSearch search = new KnowledgeBaseSearch(new QueryShaper(),
				new Retriever(this.index, Fusion.ranks(60, 1, 1, 10)), Reranking.off());
		this.engine = new StagedAnswerEngine(new StagedAnswerEngine.Stages(new ConversationReader(search), search,
				new Grounding(search, true, NamesRule.PROPER, 2),
				new SourcesJudge().then(new Readings()).then(new RulesJudge(NamesRule.PROPER)),
				List.of(new Focus(search)), new ExtractiveGenerator(this.embeddings, this.embeddings::embed, 0.3, 2),
				new Citations(null)));
	}

	@AfterEach
	void close() throws Exception {
		this.index.close();
	}

	@Test
	void whichListsEveryDocumentThatSaysItAndNoneThatDeniesIt() {
		List<String> withFee = leases(7,
				(n) -> "A termination fee of EUR " + (n + 1) + "00 is owed when the tenant leaves early.");
		lease("harbour-4", "Harbour Lane 4", "No termination fee applies to this tenancy.");
		lease("harbour-5", "Harbour Lane 5", "Neither party owes a termination fee at the end of the tenancy.");
		lease("mill-1", "Mill Street 1", "The tenant pays the rent on the first working day of each month.");
		lease("mill-2", "Mill Street 2", "Pets are allowed with the landlord's written consent.");

		Answer answer = ask("Which leases have a termination fee?");

		assertThat(answer.outcome()).isEqualTo(Answer.LIST);
		Listing listing = answer.listing();
		assertThat(listing.asks()).isEqualTo(Listing.WHICH);
		assertThat(listing.count()).isEqualTo(7);
		assertThat(listing.scanned()).isEqualTo(11);
		assertThat(listing.truncated()).isFalse();
		assertThat(listing.items()).extracting(Listing.Item::documentId).containsExactlyInAnyOrderElementsOf(withFee);
		// more than the five passages an answer reads, each cited with its quote
		assertThat(answer.citations()).hasSize(7);
		assertThat(listing.items()).allSatisfy((item) -> {
			assertThat(item.quote()).contains("termination fee of EUR");
			assertThat(item.citation()).isNotNull();
		});
		assertThat(answer.text()).startsWith("7 of the 11 documents in scope say \"a termination fee\"")
			.doesNotContain("Harbour Lane");
		assertThat(answer.grounded()).isTrue();
	}

	@Test
	void aQuestionThatAsksForTheDenialListsTheDocumentsThatDenyIt() {
		leases(3, (n) -> "A termination fee of EUR 300 is owed when the tenant leaves early.");
		lease("harbour-4", "Harbour Lane 4", "No termination fee applies to this tenancy.");
		lease("harbour-5", "Harbour Lane 5", "Neither party owes a termination fee at the end of the tenancy.");

		Answer answer = ask("Which leases state that no termination fee applies?");

		assertThat(answer.listing().items()).extracting(Listing.Item::documentId)
			.containsExactlyInAnyOrder("harbour-4", "harbour-5");
	}

	@Test
	void aFigureTheOthersGiveStandsForAWordThePassageWritesElsewhereButNotForAny() {
		// two documents that say it in the asked words tell how the others may say it
		List<String> withFee = leases(2,
				(n) -> "A termination fee of EUR " + (n + 1) + "00 is owed when the tenant ends the lease early.");
		lease("break-1", "Break Row 1",
				"Should the tenant end the lease early, a break fee of EUR 800 is payable within 30 days of the"
						+ " termination date.");
		lease("break-2", "Break Row 2", "No break fee of EUR 800 is payable after the termination date.");
		lease("early-1", "Early Row 1", "On early termination the tenant pays EUR 600.");
		lease("service-1", "Service Row 1", "A service fee of EUR 40 is owed every month.");

		Answer answer = ask("Which leases have a termination fee?");

		assertThat(answer.listing().items()).extracting(Listing.Item::documentId)
			.containsExactlyInAnyOrderElementsOf(
					java.util.stream.Stream.concat(withFee.stream(), java.util.stream.Stream.of("break-1", "early-1"))
						.toList());
	}

	@Test
	void aFigureUnderAHeadingThatNamesTheTermStandsForItsHeadButNotUnderAnother() {
		List<String> withFee = leases(2,
				(n) -> "A termination fee of EUR " + (n + 1) + "00 is owed when the tenant ends the lease early.");
		leaseUnder("exit-1", "Exit Row 1", "Term and termination",
				"An early exit charge of EUR 650 applies when the tenant moves out before the end of the term.");
		leaseUnder("exit-2", "Exit Row 2", "Term and termination",
				"Moving out early is free of charge: no early exit charge is due.");
		leaseUnder("exit-3", "Exit Row 3", "Prices and payment", "A cleaning charge of EUR 650 applies at move-out.");

		Answer answer = ask("Which leases have a termination fee?");

		assertThat(answer.listing().items()).extracting(Listing.Item::documentId)
			.containsExactlyInAnyOrderElementsOf(
					java.util.stream.Stream.concat(withFee.stream(), java.util.stream.Stream.of("exit-1")).toList());
	}

	@Test
	void aPermissionIsGrantedByMayOrAnotherVerbOfPermissionButNotByANegatedMayNorTheMonth() {
		lease("may-1", "Mill Street 1", "Pets may be kept in the flat.");
		lease("permit-1", "Mill Street 2", "Pets are permitted with the landlord's written consent.");
		lease("no-1", "Pets at Mill Street 3", "No animals may be kept in the flat.");
		lease("month-1", "Mill Street 4", "Pets are listed in the inventory dated 9 May 2023.");

		Answer answer = ask("Which leases allow pets?");

		assertThat(answer.listing().items()).extracting(Listing.Item::documentId)
			.containsExactlyInAnyOrder("may-1", "permit-1");
	}

	@Test
	void eitherOfTheWordsAQuestionJoinsWithOrSaysIt() {
		lease("cat-1", "Cat Row 1", "Cats are welcome in the flat.");
		lease("dog-1", "Dog Row 1", "Small dogs are welcome in the flat.");
		lease("dog-2", "Dog Row 2", "Large dogs are welcome in the flat.");
		lease("none-1", "None Row 1", "No cats or small dogs are welcome in the flat.");

		Answer answer = ask("Which leases mention cats or small dogs?");

		assertThat(answer.listing().items()).extracting(Listing.Item::documentId)
			.containsExactlyInAnyOrder("cat-1", "dog-1");
	}

	@Test
	void aCurrencyAskedNarrowsWhatIsAsked() {
		lease("euro-1", "Euro Row 1", "A termination fee of EUR 900 is owed when the tenant ends the lease early.");
		lease("euro-2", "Euro Row 2", "A termination fee of €700 is owed when the tenant ends the lease early.");
		lease("pound-1", "Pound Row 1", "A termination fee of GBP 800 is owed when the tenant ends the lease early.");

		Answer answer = ask("How many leases set a termination fee in euros?");

		assertThat(answer.listing().items()).extracting(Listing.Item::documentId)
			.containsExactlyInAnyOrder("euro-1", "euro-2");
	}

	@Test
	void aSentenceMayLeaveTwoOfFiveAskedWordsUnwritten() {
		lease("visit-1", "Visit Row 1", "Visitors may park overnight in the courtyard.");
		lease("visit-2", "Visit Row 2", "Guests of the tenant may not park overnight.");
		lease("visit-3", "Visit Row 3", "The tenant pays for parking.");

		Answer answer = ask("Which leases allow the tenant's guests to park overnight?");

		assertThat(answer.listing().items()).extracting(Listing.Item::documentId).containsExactly("visit-1");
	}

	@Test
	void aNegationInARelativeClauseDoesNotUnsayWhatTheSentenceSays() {
		lease("pets-1", "Pets Row 1", "Pets are permitted in flats that do not have carpets.");
		lease("pets-2", "Pets Row 2", "Pets are not permitted in the flats.");

		Answer answer = ask("Which leases allow pets?");

		assertThat(answer.listing().items()).extracting(Listing.Item::documentId).containsExactly("pets-1");
	}

	@Test
	void theNounWhichAsksTheNameOfIsSaidByTheNameASentenceGives() {
		lease("fjord-1", "Fjord Road 1",
				"The laws of Norway apply to this lease, without regard to their conflict of laws rules.");
		lease("dock-1", "Dock Road 1", "This lease is construed in accordance with Danish law.");
		lease("wales-1", "Wales Road 1", "This lease is governed by the laws of England and Wales.");
		lease("mill-1", "Mill Street 1", "The tenant pays the rent on the first working day of each month.");

		Answer answer = ask("Which country's law governs each lease?");

		assertThat(answer.listing().items()).extracting(Listing.Item::documentId, (item) -> item.value().text())
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("fjord-1", "Norway"),
					org.assertj.core.groups.Tuple.tuple("dock-1", "Danish"),
					org.assertj.core.groups.Tuple.tuple("wales-1", "England and Wales"));
	}

	@Test
	void aNameCountsInAnotherFormOfTheWord() {
		lease("fjord-1", "Fjord Road 1", "This lease is governed by Norwegian law.");
		lease("fjord-2", "Fjord Road 2", "The laws of Norway govern this lease.");
		lease("lake-1", "Lake Road 1", "This lease is governed by Swedish law.");

		Answer answer = ask("How many leases are governed by the laws of Norway?");

		assertThat(answer.listing().items()).extracting(Listing.Item::documentId)
			.containsExactlyInAnyOrder("fjord-1", "fjord-2");
	}

	@Test
	void aLongerNameThatBeginsAsTheNameAskedIsNotAnotherFormOfIt() {
		lease("fjord-1", "Fjord Road 1", "This lease is governed by Norwegian law.");
		leaseUnder("fjord-2", "Fjord Road 2", "Governing law",
				"The laws of Denmark apply. For Norwick Lettings Ltd: Managing Director");

		Answer answer = ask("How many leases are governed by the laws of Norway?");

		assertThat(answer.listing().items()).extracting(Listing.Item::documentId).containsExactly("fjord-1");
	}

	@Test
	void aCountryCountsAsTheLanguageOfItsPeople() {
		lease("dock-1", "Dock Road 1", "The laws of Denmark apply to this lease.");
		lease("dock-2", "Dock Road 2", "Danish law governs this lease.");
		lease("sound-1", "Sound Road 1", "The laws of Sweden apply to this lease.");

		Answer answer = ask("Which leases are governed by Danish law?");

		assertThat(answer.listing().items()).extracting(Listing.Item::documentId)
			.containsExactlyInAnyOrder("dock-1", "dock-2");
	}

	@Test
	void aPronounOfTheQuestionIsNotAWordADocumentMustSay() {
		lease("quay-1", "Quay Road 1", "A deposit of EUR 500 is held by the landlord.");
		lease("quay-2", "Quay Road 2", "The tenant pays the rent every month.");

		Answer answer = ask("Under which leases does the landlord hold a deposit for us?");

		assertThat(answer.listing().items()).extracting(Listing.Item::documentId).containsExactly("quay-1");
	}

	@Test
	void aNegationInAnotherClauseDoesNotUnsayWhatTheSentenceSays() {
		lease("firth-1", "Firth Row 1",
				"The laws of Scotland apply to this lease, without regard to their conflict of laws rules.");
		lease("firth-2", "Firth Row 2", "This lease is not governed by the laws of Scotland.");
		lease("firth-3", "Firth Row 3", "Unlike the lease it replaces, which was governed by the laws of Scotland,"
				+ " this lease is not governed by the laws of Scotland.");

		lease("firth-4", "Firth Row 4",
				"The laws of Scotland apply to this lease, without regard to their conflict of laws rules.");

		Answer answer = ask("Which leases are governed by the laws of Scotland?");

		assertThat(answer.listing().items()).extracting(Listing.Item::documentId)
			.containsExactlyInAnyOrder("firth-1", "firth-4");
		// a name in another form of the word is read where it is written as well
		assertThat(ask("Which leases are governed by Scottish law?").listing().items())
			.extracting(Listing.Item::documentId)
			.containsExactlyInAnyOrder("firth-1", "firth-4");
	}

	@Test
	void aDocumentIsCountedWhenItSaysWhatIsAskedAndWhatNarrowsTheDocumentsAnywhereInIt() {
		lease("quay-1", "Quay 1", "This lease is governed by Norwegian law.",
				"A termination fee of EUR 900 is owed when the tenant leaves early.");
		lease("quay-2", "Quay 2", "This lease is governed by Norwegian law.",
				"The tenant pays the rent on the first working day of each month.");
		lease("lake-2", "Lake Road 2", "This lease is governed by Swedish law.",
				"A termination fee of EUR 700 is owed when the tenant leaves early.");

		Answer answer = ask("How many leases governed by Norwegian law have a termination fee?");

		assertThat(answer.outcome()).isEqualTo(Answer.LIST);
		assertThat(answer.listing().items()).extracting(Listing.Item::documentId).containsExactly("quay-1");
		assertThat(answer.listing().items().get(0).quote()).contains("termination fee of EUR 900");
		assertThat(answer.text())
			.startsWith("1 of the 3 documents in scope says \"a termination fee\" and \"governed by Norwegian law\"");
	}

	@Test
	void aNumberWrittenInWordsCountsAsItsDigits() {
		lease("oak-1", "Oak Row 1", "Either party may end this lease with sixty (60) days' notice.");
		lease("oak-2", "Oak Row 2", "Either party may end this lease with sixty days' notice.");
		lease("oak-3", "Oak Row 3", "Either party may end this lease with thirty days' notice.");

		Answer answer = ask("How many leases have a notice of 60 days?");

		assertThat(answer.listing().items()).extracting(Listing.Item::documentId)
			.containsExactlyInAnyOrder("oak-1", "oak-2");
	}

	@Test
	void aCurrencyWrittenAsItsCodeOrSymbolCountsAsItsName() {
		lease("elm-7", "Elm Row 7", "A termination fee of EUR 900 is owed when the tenant leaves early.");
		lease("elm-8", "Elm Row 8", "A termination fee of €700 is owed when the tenant leaves early.");
		lease("elm-9", "Elm Row 9", "A termination fee of 5,000 SEK is owed when the tenant leaves early.");

		Answer answer = ask("How many leases set a termination fee in euros?");

		assertThat(answer.listing().items()).extracting(Listing.Item::documentId)
			.containsExactlyInAnyOrder("elm-7", "elm-8");
	}

	@Test
	void howManyCountsTheDocumentsOfEveryKnowledgeBaseInScope() {
		leases(3, (n) -> "The tenant may sublet one room with notice.");
		leaseIn(OTHER_KB, "shop-1", "Shop 1", "The tenant may sublet the storage room.");
		leaseIn(OTHER_KB, "shop-2", "Shop 2", "Subletting is not allowed; the tenant may not sublet any room.");

		Answer answer = ask(SearchScope.of(KB, List.of(OTHER_KB), null), "How many leases let the tenant sublet?",
				List.of());

		assertThat(answer.listing().asks()).isEqualTo(Listing.HOW_MANY);
		assertThat(answer.listing().count()).isEqualTo(4);
		assertThat(answer.listing().scanned()).isEqualTo(5);
		assertThat(answer.listing().items()).extracting(Listing.Item::knowledgeBase).contains(KB, OTHER_KB);
	}

	@Test
	void aScanIsTruncatedOnlyWhenOneKnowledgeBaseReachesItsDepth() {
		int half = Listing.SCAN_DEPTH / 2 + 100;
		String[] rooms = IntStream.range(0, half)
			.mapToObj((room) -> "The tenant may sublet room " + room + " with notice.")
			.toArray(String[]::new);
		leaseIn(KB, "tower", "Tower lease", rooms);
		leaseIn(OTHER_KB, "arcade", "Arcade lease", rooms);

		Answer answer = ask(SearchScope.of(KB, List.of(OTHER_KB), null), "How many leases let the tenant sublet?",
				List.of());

		// each knowledge base holds fewer passages than the depth, together more
		assertThat(answer.listing().count()).isEqualTo(2);
		assertThat(answer.listing().truncated()).isFalse();
	}

	@Test
	void aScanReadsOnlyThePassagesThatWriteWhatIsAskedSoAWordOfEveryLeaseDoesNotStopIt() {
		// more passages write "termination" than a scan reads; few write "termination
		// fee"
		String terms = "Termination of this lease needs three months of notice in writing.";
		int leases = Listing.SCAN_DEPTH / 20 + 10;
		for (int n = 0; n < leases; n++) {
			String[] paragraphs = new String[20];
			java.util.Arrays.fill(paragraphs, terms);
			if (n % 10 == 0) {
				paragraphs[19] = "A termination fee of 500 pounds is owed by the tenant.";
			}
			lease("oak-" + n, "Oak Street " + n, paragraphs);
		}

		Answer answer = ask("Which leases have a termination fee?");

		assertThat(answer.listing().truncated()).isFalse();
		assertThat(answer.listing().items()).extracting(Listing.Item::documentId)
			.containsExactlyInAnyOrderElementsOf(
					IntStream.range(0, leases).filter((n) -> n % 10 == 0).mapToObj((n) -> "oak-" + n).toList());
	}

	@Test
	void aScanReachesEveryDocumentBeforeManyPassagesOfOne() {
		// every passage of every lease says it: more passages than a scan reads
		int leases = Listing.SCAN_DEPTH / 20 + 10;
		for (int n = 0; n < leases; n++) {
			String[] paragraphs = new String[20];
			java.util.Arrays.fill(paragraphs, "The tenant may sublet a room of the flat with notice.");
			lease("elm-" + n, "Elm Street " + n, paragraphs);
		}

		Answer answer = ask("Which leases let the tenant sublet a room?");

		assertThat(answer.listing().truncated()).isFalse();
		assertThat(answer.listing().count()).isEqualTo(leases);
	}

	@Test
	void aScanOfAScopeOfManyDocumentsReadsTheBestPassagesOfEachNotAFixedNumber() {
		// three passages of each lease write what is asked: more in all than the depth
		// of a small scope
		int leases = Listing.SCAN_DEPTH / Listing.SCAN_PER_DOCUMENT + 50;
		for (int n = 0; n < leases; n++) {
			String sublets = "The tenant may sublet a room of the flat with notice.";
			lease("ash-" + n, "Ash Row " + n, sublets, sublets, sublets);
		}

		Answer answer = ask("Which leases let the tenant sublet a room?");

		assertThat(answer.listing().truncated()).isFalse();
		assertThat(answer.listing().count()).isEqualTo(leases);
	}

	@Test
	void aScanThatStopsAtItsDepthSaysMoreDocumentsMaySayIt() {
		// one lease whose passages that write the words outnumber the most a scan reads,
		// none of them saying it
		String[] paragraphs = new String[Listing.SCAN_DEPTH_MOST + 10];
		java.util.Arrays.fill(paragraphs, "No termination fee applies to this room.");
		lease("pine-1", "Pine Court 1", paragraphs);

		Answer answer = ask("Which leases have a termination fee?");

		assertThat(answer.listing().truncated()).isTrue();
		assertThat(answer.listing().count()).isZero();
		assertThat(answer.text()).contains("more documents may say it");
	}

	@Test
	void aDocumentWhoseBestPassagesDoNotSayItIsReadFurther() {
		// the short passages rank first by keyword, the one that says it last
		String none = "No termination fee applies to a room.";
		lease("yew-1", "Yew Walk 1", none, none, none, none, "When the tenant leaves within the first year of"
				+ " the term, a termination fee of 300 pounds is owed by the tenant to the landlord.");

		Answer answer = ask("Which leases have a termination fee?");

		assertThat(answer.listing().items()).singleElement()
			.satisfies((item) -> assertThat(item.quote()).contains("300 pounds"));
	}

	@Test
	void whatASentenceSaysOfAnEarlierAgreementIsNotSaidOfItsOwnDocument() {
		lease("ash-1", "Ash Lane 1", "A termination fee of 400 pounds is owed when the tenant leaves early.");
		lease("ash-2", "Ash Lane 2", "This lease replaces the lease of 2019; the termination fee under that"
				+ " previous lease was paid in full.");
		lease("ash-3", "Ash Lane 3", "The termination fee of the prior agreement is owed by the landlord.");
		lease("ash-4", "Ash Lane 4", "This lease replaces the earlier lease of 2015.",
				"A termination fee of 900 pounds is owed when the tenant leaves early.");

		assertThat(ask("Which leases have a termination fee?").listing().items()).extracting(Listing.Item::documentId)
			.containsExactlyInAnyOrder("ash-1", "ash-4");
		// unless the question asks what the earlier one said
		assertThat(ask("Which leases mention the termination fee of a previous lease?").listing().items())
			.extracting(Listing.Item::documentId)
			.contains("ash-2");
	}

	@Test
	void eachGivesTheFigureEveryDocumentWrites() {
		lease("oak-1", "Oak Road 1", "The notice period is 30 days from the end of a month.");
		lease("oak-2", "Oak Road 2", "The notice period is agreed in writing.",
				"For this lease the notice period is 90 days.");
		lease("oak-3", "Oak Road 3", "The landlord repaints the flat every five years.");
		// a number in words is read as its digits, written beside them or not
		lease("oak-4", "Oak Road 4", "The notice period is ninety (90) days.");
		// the figure is the period asked: "60 days' notice" gives it
		lease("oak-5", "Oak Road 5", "Either party may end this lease on sixty (60) days' written notice.");
		lease("oak-6", "Oak Road 6", "The tenant gives notice of any damage at once; rent is due within 14 days.");

		Answer answer = ask("What is the notice period of each lease?");

		assertThat(answer.listing().asks()).isEqualTo(Listing.EACH);
		assertThat(answer.listing().items()).extracting(Listing.Item::documentId)
			.containsExactlyInAnyOrder("oak-1", "oak-2", "oak-4", "oak-5");
		assertThat(answer.listing().items()).extracting((item) -> item.value().text())
			.containsExactlyInAnyOrder("30 days", "90 days", "90 days", "60 days");
		assertThat(answer.listing().items()).filteredOn((item) -> item.documentId().equals("oak-1"))
			.singleElement()
			.satisfies((item) -> {
				assertThat(item.value().amount()).isEqualTo(30.0);
				assertThat(item.value().unit()).isEqualTo("days");
			});
	}

	@Test
	void aFigureStandsForAnAskedWordOnlyWhenItIsOfTheKindTheOtherDocumentsGive() {
		lease("fir-1", "Fir Lane 1", "A termination fee of 400 pounds is owed when the tenant leaves early.");
		lease("fir-2", "Fir Lane 2", "The termination fee is EUR 700.");
		lease("fir-3", "Fir Lane 3", "An Early Termination Payment of EUR 900 is owed.");
		lease("fir-4", "Fir Lane 4", "The notice period for termination is 30 days.");

		Answer answer = ask("What termination fee does each lease set?");

		assertThat(answer.listing().items()).extracting(Listing.Item::documentId)
			.containsExactlyInAnyOrder("fir-1", "fir-2", "fir-3");
	}

	@Test
	void notLessThanBoundsTheFigureItDoesNotDenyIt() {
		lease("oak-1", "Oak Road 1", "Either party may end the lease by giving not less than ninety days' notice.");
		lease("oak-2", "Oak Road 2", "The tenant need not give 90 days' notice to end the lease.");

		Answer answer = ask("How many leases have a notice period of 90 days?");

		assertThat(answer.listing().items()).extracting(Listing.Item::documentId).containsExactly("oak-1");
	}

	@Test
	void aBoundOnAFigureListsTheDocumentsWhoseFigureIsWithinIt() {
		lease("oak-1", "Oak Road 1", "The notice period is one hundred and eighty days.");
		lease("oak-2", "Oak Road 2", "The notice period is one hundred and twenty (120) days.");
		lease("oak-3", "Oak Road 3", "The notice period is 150 days.");
		lease("oak-4", "Oak Road 4", "The notice period is ninety days.");

		Answer answer = ask("List all leases with a notice period of more than 120 days.");

		assertThat(answer.listing().items()).extracting(Listing.Item::documentId)
			.containsExactlyInAnyOrder("oak-1", "oak-3");
	}

	@Test
	void aSentenceThatWritesTheBoundAskedSaysIt() {
		lease("ash-1", "Ash Lane 1", "Keep the flat heated above 15°C between November and March.");
		lease("ash-2", "Ash Lane 2", "Keep the flat heated above 15 °C in winter.");
		lease("ash-3", "Ash Lane 3", "Keep the flat heated above 18°C in winter.");
		lease("ash-4", "Ash Lane 4", "Keep the flat heated above 12°C in winter.");

		lease("ash-5", "Ash Lane 5", "Keep the flat heated above 15°C. Once opened, use within 3 months.");
		lease("ash-6", "Ash Lane 6", "Keep the flat heated above 15°C. Do not put the bottle in the fridge.");

		Answer answer = ask("Which leases say to keep the flat heated above 15 °C?");

		// the bound written as asked, or a figure within it; not one outside it
		assertThat(answer.listing().items()).extracting(Listing.Item::documentId)
			.containsExactlyInAnyOrder("ash-1", "ash-2", "ash-3", "ash-5", "ash-6");
	}

	@Test
	void aShortInstructionUnderItsHeadingSaysWhatIsAsked() {
		leaseUnder("elm-1", "Elm Row 1", "Heating", "Heat above 15°C. Keep the windows shut in frost.");
		leaseUnder("elm-2", "Elm Row 2", "Heating", "Heat above 15°C in every room, with the doors open.");
		leaseUnder("elm-3", "Elm Row 3", "Heating", "Heat above 15°C. Bleed the radiators each autumn.");
		lease("elm-4", "Elm Row 4", "The flat is let furnished. The flat has two bedrooms. The flat faces south.");

		Answer answer = ask("How many leases say to heat the flat above 15 °C?");

		assertThat(answer.listing().items()).extracting(Listing.Item::documentId)
			.containsExactlyInAnyOrder("elm-1", "elm-2", "elm-3");
	}

	@Test
	void aTableRowsShortCellsAreNoInstruction() {
		leaseUnder("oak-8", "Oak Row 8", "Office hours", "Saturday | 09:00 to 13:00");
		leaseUnder("oak-9", "Oak Row 9", "Office hours", "Saturday | closed");

		Answer answer = ask("Which leases have an office open on Saturdays?");

		assertThat(answer.listing().items()).extracting(Listing.Item::documentId).containsExactly("oak-8");
	}

	@Test
	void aWordAPrefixTurnsDeniesItAsNotWould() {
		leaseUnder("fir-1", "Fir Walk 1", "Furnishing", "Furnishing | furnished, with beds and a sofa");
		leaseUnder("fir-2", "Fir Walk 2", "Furnishing", "Furnishing | semi-furnished: a cooker and a fridge");
		leaseUnder("fir-3", "Fir Walk 3", "Furnishing", "Furnishing | none");

		assertThat(ask("Which leases are furnished?").listing().items()).extracting(Listing.Item::documentId)
			.containsExactly("fir-1");
		assertThat(ask("Which leases are not furnished?").listing().items()).extracting(Listing.Item::documentId)
			.contains("fir-2")
			.doesNotContain("fir-1");
	}

	@Test
	void wordsOfTwoThingsFarApartInASentenceDoNotSayIt() {
		lease("mill-1", "Mill Street 1", "A termination fee of EUR 300 is owed when the tenant leaves early.");
		lease("mill-2", "Mill Street 2", "The termination of a caretaker's employment is a matter for the landlord"
				+ " alone, and any fees it causes are borne by the landlord.");

		Answer answer = ask("Which leases have a termination fee?");

		assertThat(answer.listing().items()).extracting(Listing.Item::documentId).containsExactly("mill-1");
	}

	@Test
	void listsTheNameEachDocumentDefinesAsWhatIsAsked() {
		lease("elm-1", "Elm Court 1",
				"This lease is made between Harbour Homes Ltd of Leeds (the \"Landlord\") and Ann Smith (the \"Tenant\").",
				"The Landlord repairs the roof.");
		lease("elm-2", "Elm Court 2", "The Landlord keeps the garden.", "Between Ann Lee (the \"Tenant\") and"
				+ " Quayside Lettings LLP, a company registered in England (the \"Landlord\").");

		Answer answer = ask("List every landlord named in the leases.");

		assertThat(answer.listing().items()).extracting((item) -> item.documentId() + ": " + item.value().text())
			.containsExactlyInAnyOrder("elm-1: Harbour Homes Ltd", "elm-2: Quayside Lettings LLP");
		assertThat(answer.listing().items())
			.allSatisfy((item) -> assertThat(item.quote()).contains("(the \"Landlord\")"));
	}

	@Test
	void aNameIsReadWhereTheDocumentDefinesItWhenTheScanReadsOtherPassagesOfIt() {
		// the passages that write "Landlord" most are the ones a scan reads of each
		// document, not the first page that says who the landlord is
		int leases = 60;
		String duties = "The Landlord repairs the roof; the Landlord keeps the garden; the Landlord insures it.";
		for (int n = 0; n < leases; n++) {
			lease("elm-" + n, "Elm Court " + n, "This lease of the flat at Elm Court " + n + " for one year is made"
					+ " between Harbour Homes " + n + " Ltd of Leeds (the \"Landlord\") and the tenant named below.",
					duties, duties, duties);
		}

		Answer answer = ask("List every landlord named in the leases.");

		assertThat(answer.listing().items()).hasSize(leases)
			.allSatisfy((item) -> assertThat(item.value().text())
				.isEqualTo("Harbour Homes " + item.documentId().substring("elm-".length()) + " Ltd"));
	}

	@Test
	void whichAsksEachDocumentForTheNameItsSentenceGives() {
		lease("fjord-1", "Fjord Road 1", "This lease is governed by the laws of Norway.");
		lease("lake-1", "Lake Road 1", "Swedish law governs this lease and any dispute about it.");
		// a sentence under the heading that writes nothing asked gives no name
		lease("moor-1", "Governing law", "Signed in Leeds on 4 May 2025.",
				"This lease is subject to the law of Scotland, which the courts of Edinburgh apply to any dispute"
						+ " arising under it or in connection with its subject matter or formation.");

		Answer answer = ask("Which country's law governs each lease?");

		assertThat(answer.listing().asks()).isEqualTo(Listing.EACH);
		assertThat(answer.listing().items()).extracting((item) -> item.documentId() + ": " + item.value().text())
			.containsExactlyInAnyOrder("fjord-1: Norway", "lake-1: Swedish", "moor-1: Scotland");
		assertThat(answer.listing().items()).allSatisfy((item) -> assertThat(item.value().amount()).isNull());
	}

	@Test
	void aFollowUpCountsAmongTheDocumentsTheAnswerBeforeListed() {
		List<String> pets = leases(4, (n) -> "Pets are allowed in the flat."
				+ ((n % 2 == 0) ? " A termination fee of EUR 300 is owed when the tenant leaves early." : ""));
		lease("river-1", "River Walk 1", "A termination fee of EUR 500 is owed when the tenant leaves early.");
		Answer listed = ask("Which leases allow pets?");
		assertThat(listed.listing().count()).isEqualTo(4);

		Answer answer = ask(SearchScope.of(KB), "And how many of them have a termination fee?",
				List.of(new Turn(Turn.USER, "Which leases allow pets?"), new Turn(Turn.ASSISTANT, listed.text(),
						listed.citations().stream().map((citation) -> citation.documentId()).toList(), false)));

		assertThat(answer.listing().count()).isEqualTo(2);
		assertThat(answer.listing().scanned()).isEqualTo(4);
		assertThat(answer.listing().items()).extracting(Listing.Item::documentId)
			.containsExactlyInAnyOrder(pets.get(0), pets.get(2));
	}

	@Test
	void listsTheFirstFiftyInTheTextAndEveryItemInTheListing() {
		leases(Listing.SHOWN + 12, (n) -> "The garden is shared with the other tenants of the house.");

		Answer answer = ask("List all leases that mention a shared garden");

		assertThat(answer.listing().asks()).isEqualTo(Listing.LIST);
		assertThat(answer.listing().items()).hasSize(Listing.SHOWN + 12);
		assertThat(answer.citations()).hasSize(Listing.SHOWN);
		assertThat(answer.text()).contains("… and 12 more");
		assertThat(answer.listing().items().get(Listing.SHOWN).citation()).isNull();
	}

	@Test
	void noDocumentThatSaysItIsACountOfNoneNotAGroundedAnswer() {
		lease("mill-1", "Mill Street 1", "No termination fee applies to this tenancy.");

		Answer answer = ask("How many leases have a termination fee?");

		assertThat(answer.outcome()).isEqualTo(Answer.LIST);
		assertThat(answer.listing().count()).isZero();
		assertThat(answer.grounded()).isFalse();
		assertThat(answer.text()).isEqualTo("None of the 1 document in scope says \"a termination fee\".");
	}

	@Test
	void thingsAskedAboutInPlaceOfDocumentsAreThePagesThatSayTheyAreOne() {
		leases(2, (n) -> "Pets are allowed with the landlord's written consent.");
		lease("elm-court", "Elm Court", "Elm Court is a block of twelve flats beside the park.",
				"Pets are allowed with the landlord's written consent.");
		lease("mill-house", "Mill House", "Mill House is a converted block of eight flats.",
				"No pets are allowed in Mill House.");
		lease("harbour-view", "Harbour View Block", "Harbour View has six flats over the harbour.",
				"Pets are allowed in the ground-floor flats.");
		lease("oak-terrace", "Oak Terrace", "Oak Terrace is a block of four flats.",
				"Pets are allowed at Elm Court, next door.");
		lease("parking", "Parking", "The car park is behind the main block.", "Pets are allowed in the car park.");

		Answer answer = ask("Which blocks allow pets?");

		// the pages that say they are a block, or are titled one; not the leases or the
		// page that only mentions a block, nor a sentence about another block
		assertThat(answer.outcome()).isEqualTo(Answer.LIST);
		assertThat(answer.listing().scanned()).isEqualTo(4);
		assertThat(answer.listing().items()).extracting(Listing.Item::documentId)
			.containsExactlyInAnyOrder("elm-court", "harbour-view");
		assertThat(answer.text()).startsWith("2 of the 4 blocks say \"allow pets\"");
		assertThat(ask("How many of the blocks allow pets?").listing().count()).isEqualTo(2);
		// a kind no page is about leaves the question to the answer path
		assertThat(ask("Which tenants allow pets?").outcome()).isNotEqualTo(Answer.LIST);
	}

	@Test
	void aPageThatSaysWhatItWasIsOneOfTheThingsToo() {
		lease("marra", "SS Marra", "SS Marra (1881–1902) was a cargo steamer built at Harl.",
				"She sank off Kell Point in a gale in 1902.");
		lease("orrin", "SS Orrin", "SS Orrin was a cargo steamer of the same class as the Marra.",
				"She was broken up at Harl in 1930.");
		lease("tarn-line", "Tarn Line", "The Tarn Line was a shipping company of Harl.",
				"Two of its steamers sank in the gale of 1902.");

		Answer answer = ask("Which steamers sank?");

		assertThat(answer.outcome()).isEqualTo(Answer.LIST);
		assertThat(answer.listing().scanned()).isEqualTo(2);
		assertThat(answer.listing().items()).extracting(Listing.Item::documentId).containsExactly("marra");
	}

	@Test
	void aPageThatSetsWhatItIsBesideItsNameIsOneOfTheThingsToo() {
		lease("eke", "Tomas Eke", "Tomas Eke (1890–1950), a painter born in Harl, painted the harbour at night.",
				"His studio stood on the quay.");
		lease("varg", "Ines Varg", "Ines Varg, a painter of the Skarn coast, was born in Ossby.",
				"She painted the lake in winter.");
		lease("museum", "Harl Museum", "The Harl Museum holds works by painters born in Harl.",
				"It opens daily at ten.");

		Answer answer = ask("Which painters were born in Harl?");

		assertThat(answer.outcome()).isEqualTo(Answer.LIST);
		assertThat(answer.listing().scanned()).isEqualTo(2);
		assertThat(answer.listing().items()).extracting(Listing.Item::documentId).containsExactly("eke");
	}

	@Test
	void aPageThatSaysItIsOneOfAKindOfTheThingsAskedIsOneOfThemToo() {
		lease("bristle", "Bristlecombe", "Bristlecombe is a small terrier bred on the moors above Harl.",
				"It is good with children, like most dogs of its size.");
		lease("corran", "Corran Red", "Corran Red is a spaniel of the river valleys.",
				"It is not good with children under five, and other dogs annoy it.");
		lease("hollin", "Hollin Blue", "Hollin Blue is a beagle from the hills.",
				"Calm indoors, it is good with children and other dogs. It was named Best in Show at Harl in 2019.");
		lease("kennels", "Harl Kennels", "Harl Kennels is a boarding house for dogs.",
				"Every dog there is good with children.");

		Answer answer = ask("Which dogs are good with children?");

		// a terrier, a spaniel and a beagle are dogs, as WordNet has it, though their
		// first passages do not say "dog"; a house for dogs is not one
		assertThat(answer.outcome()).isEqualTo(Answer.LIST);
		assertThat(answer.listing().scanned()).isEqualTo(3);
		assertThat(answer.listing().items()).extracting(Listing.Item::documentId)
			.containsExactlyInAnyOrder("bristle", "hollin");
		// none says it in the words asked ("named Best in Show"): not a list of none of
		// them, the best passages answer
		assertThat(ask("Which dogs have won a prize?").outcome()).isNotEqualTo(Answer.LIST);
	}

	@Test
	void aPageThatSaysItIsTheMakersThingOfAKindIsOneOfThem() {
		lease("pine", "Pinewick Starter", "Pinewick Starter is Pinewick's cheapest plan, for one user.",
				"Payroll is not included.");
		lease("oak", "Pinewick Crew", "Pinewick Crew is Pinewick's plan for small teams.",
				"Payroll is included for up to five employees.");
		lease("elm", "Pinewick Works", "Pinewick Works is Pinewick's largest plan, for firms.",
				"Payroll is included for up to fifty employees.");

		Answer answer = ask("Which of your plans include payroll?");

		assertThat(answer.outcome()).isEqualTo(Answer.LIST);
		assertThat(answer.listing().items()).extracting(Listing.Item::documentId)
			.containsExactlyInAnyOrder("oak", "elm");
	}

	@Test
	void aPageThatSaysItIsAVersionOfAThingOfAKindIsOneOfThem() {
		lease("desk-3", "Quill Desktop 3",
				"Quill Desktop 3 is the current version of Quillbook's app for computers, from 2026.",
				"Quill Desktop 3 can be used offline for up to 14 days.");
		lease("desk-2", "Quill Desktop 2", "Quill Desktop 2 is the previous version of Quillbook's app for computers.",
				"Quill Desktop 2 can be used offline for up to 30 days.");
		lease("phone", "Quill for Android", "Quill for Android is Quillbook's app for Android phones.",
				"Quill for Android needs a connection at all times.");
		lease("payroll", "Quill Payroll", "Quill Payroll is Quillbook's add-on for paying staff.",
				"Payroll can be used offline in the desktop apps only.");

		Answer answer = ask("Which of your apps can I use offline?");

		assertThat(answer.outcome()).as(answer.text() + answer.trace()).isEqualTo(Answer.LIST);
		assertThat(answer.listing().items()).extracting(Listing.Item::documentId)
			.containsExactlyInAnyOrder("desk-3", "desk-2");
	}

	@Test
	void thingsOfAKindNamedByTwoWordsAreThosePagesSayAreBoth() {
		lease("north", "Northern support team",
				"The Northern support team is Quillbook's support team for customers in the north.",
				"The Northern support team answers by phone from 8:00 to 18:00.");
		lease("south", "Southern support team",
				"The Southern support team is Quillbook's support team for customers in the south.",
				"The Southern support team answers by email only.");
		lease("sales", "Sales team", "The Sales team is Quillbook's team for new customers.",
				"The Sales team answers by phone on weekdays.");

		Answer answer = ask("Which of your support teams answer by phone?");

		assertThat(answer.outcome()).as(answer.text()).isEqualTo(Answer.LIST);
		assertThat(answer.listing().items()).extracting(Listing.Item::documentId).containsExactly("north");
	}

	@Test
	void twoWordsWithoutOfYourAreAKindOnlyWhenTitlesWriteBoth() {
		lease("hollins", "Hollins Lane Recycling Centre",
				"Hollins Lane Recycling Centre is the larger of the district's two recycling centres.",
				"Hollins Lane accepts bonded asbestos if it is double-wrapped and booked in advance.");
		lease("quarry", "Quarry Road Recycling Centre",
				"Quarry Road Recycling Centre is the smaller of the district's two recycling centres.",
				"Quarry Road accepts garden waste and glass.");
		lease("ax3000", "AX3000 Router", "The AX3000 is a dual-band router.",
				"The AX3000 supports mesh networking with other AX units.");
		lease("bx100", "BX100 Router", "The BX100 is a single-band router.", "The BX100 has two USB ports.");

		Answer centres = ask("Which recycling centres accept asbestos?");
		assertThat(centres.outcome()).as(centres.text()).isEqualTo(Answer.LIST);
		assertThat(centres.listing().items()).extracting(Listing.Item::documentId).containsExactly("hollins");
		// "router supports" is a noun and its verb: no title writes both, and the
		// question is answered as any other
		Answer router = ask("Which router supports mesh networking?");
		assertThat(router.outcome()).as(router.text()).isNotEqualTo(Answer.LIST);
		assertThat(router.text()).contains("AX3000");
	}

	@Test
	void aWordJoinedToAPrefixThatTurnsItsMeaningIsNotTheWordAlone() {
		lease("harbour-4", "Harbour Lane 4", "The deposit of EUR 900 is refundable when the tenancy ends.");
		lease("harbour-5", "Harbour Lane 5", "The deposit of EUR 900 is non-refundable.");
		lease("mill-1", "Mill Street 1", "The flat is let self-catered, with a kitchen.");

		assertThat(ask("Which leases have a refundable deposit?").listing().items())
			.extracting(Listing.Item::documentId)
			.containsExactly("harbour-4");
		assertThat(ask("Which leases have a non-refundable deposit?").listing().items())
			.extracting(Listing.Item::documentId)
			.containsExactly("harbour-5");
		assertThat(ask("Which leases are catered?").listing().count()).isZero();
	}

	private List<String> leases(int count, java.util.function.IntFunction<String> clause) {
		List<String> ids = new ArrayList<>();
		for (int n = 0; n < count; n++) {
			lease("lease-" + n, "Elm Court " + n, "This lease is for the flat at Elm Court " + n + ".",
					clause.apply(n));
			ids.add("lease-" + n);
		}
		return ids;
	}

	private void lease(String document, String title, String... paragraphs) {
		leaseIn(KB, document, title, paragraphs);
	}

	private void leaseUnder(String document, String title, String heading, String paragraph) {
		indexLease(KB, document, title, heading, paragraph);
	}

	private void leaseIn(String knowledgeBase, String document, String title, String... paragraphs) {
		indexLease(knowledgeBase, document, title, "", paragraphs);
	}

	private void indexLease(String knowledgeBase, String document, String title, String heading, String... paragraphs) {
		List<Chunk> chunks = new ArrayList<>();
		for (int i = 0; i < paragraphs.length; i++) {
			chunks.add(new Chunk(document + ":" + i, knowledgeBase, document, document + ".md", 1, 1, heading, i,
					paragraphs[i], Map.of(), title));
		}
		this.index.replace(document, chunks, (n) -> {
		});
	}

	private Answer ask(String question) {
		return ask(SearchScope.of(KB), question, List.of());
	}

	private Answer ask(SearchScope scope, String question, List<Turn> history) {
		return this.engine.answer(new AnswerRequest(scope.knowledgeBase(), question, history, List.of(), null,
				new AnswerRequest.Settings(5, null, null, null), null, true, scope), (token) -> {
				});
	}

}
