package dev.ragchat.answer.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.ragchat.answer.Answer;
import dev.ragchat.answer.AnswerEngine;
import dev.ragchat.answer.AnswerRequest;
import dev.ragchat.answer.Citation;
import dev.ragchat.answer.EngineSettings.NamesRule;
import dev.ragchat.answer.Refusal;
import dev.ragchat.answer.SearchScope;
import dev.ragchat.answer.Trace;
import dev.ragchat.answer.Turn;
import dev.ragchat.answer.cite.Citations;
import dev.ragchat.answer.generate.ChatModelGenerator;
import dev.ragchat.answer.generate.ExtractiveGenerator;
import dev.ragchat.answer.ground.Grounding;
import dev.ragchat.answer.judge.Judge;
import dev.ragchat.answer.judge.Judges;
import dev.ragchat.answer.judge.SimilarityFloor;
import dev.ragchat.answer.query.CompressingQueryRewriter;
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
import reactor.core.publisher.Flux;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.content.Media;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.util.MimeTypeUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conversation's state at work, turn after turn, with the engine as the service
 * builds it (without a model, and with a stub model): what the conversation is about
 * comes from every speaker's turns and every citation, instructions are read as
 * instructions, the years asked are checked, and a question is asked back only when
 * nothing says what it is about. Over an in-process Lucene index with the word-hash
 * embedding model: health pages, two companies' filings, routers, two hurricanes.
 */
class ConversationStateTests {

	private static final String KB = "kb";

	@TempDir
	Path dir;

	private final WordHashEmbeddingModel embeddings = new WordHashEmbeddingModel();

	private final List<String> prompts = new ArrayList<>();

	private LuceneChunkIndex index;

	private KnowledgeBaseSearch search;

	@BeforeEach
	void index() {
		this.index = new LuceneChunkIndex(this.dir, this.embeddings.asIndexEmbedding(), 16,
				LuceneIndexSettings.DEFAULTS);
		add("pneumonia", "Pneumonia",
				section("Causes", "Pneumonia is an infection of the lungs caused by bacteria, viruses or fungi.",
						"Bacteria such as Streptococcus pneumoniae cause most cases of pneumonia in adults."),
				section("Risk factors", "Adults over 65 and babies under two are most at risk of pneumonia.",
						"Smoking damages the lungs and raises the risk of pneumonia."),
				section("Treatment", "Pneumonia caused by bacteria is treated with antibiotics.",
						"Rest and fluids help the lungs recover from pneumonia."));
		add("viral-pneumonia", "Viral pneumonia",
				section("Causes", "Viral pneumonia is caused by viruses such as influenza and RSV.",
						"Viral pneumonia spreads through droplets when an infected person coughs."),
				section("Treatment", "Viral pneumonia is treated with rest, fluids and sometimes antiviral medicine."));
		add("absence-seizure", "Absence seizure",
				section("Overview", "An absence seizure causes a short lapse in awareness."),
				section("Risk factors", "Children aged four to fourteen are most at risk of absence seizures."),
				section("Treatment", "Absence seizures are treated with anti-seizure medicine."));
		add("diabetes", "Diabetes", section("Symptoms", "Symptoms of diabetes include thirst and frequent urination."),
				section("Treatment", "Diabetes is treated with insulin, diet and exercise."));
		add("leukaemia", "Leukaemia",
				section("Symptoms", "Symptoms of leukaemia include tiredness, fever and frequent infections."));
		add("mmm-2018", "3M 2018 Annual Report",
				section("Results", "Total net sales in 2018 were $32.8 billion, up 3.5 percent from 2017."),
				section("Litigation", "3M faces lawsuits over its Combat Arms Earplugs."));
		add("mmm-2022", "3M 2022 Annual Report",
				section("Results", "Total net sales in 2022 were $34.2 billion, down 3.2 percent from 2021.",
						"Earnings per share in 2022 were $10.18."),
				section("History", "The company moved its headquarters in 2018 to a new campus."));
		add("ax3000", "AX3000 Dual-Band Router",
				section("Features", "The AX3000 supports mesh networking with other AX units."),
				section("Ports", "The router has one USB 3.0 port for sharing a drive."));
		add("bx1800", "BX1800 Router", section("Features", "The BX1800 is a compact router for small flats."),
				section("Ports", "The router has two USB 2.0 ports for printers."));
		add("katrina", "Hurricane Katrina",
				section("History", "Hurricane Katrina formed over the Bahamas in August 2005.",
						"Katrina's winds reached 175 miles per hour before landfall."));
		add("harvey", "Hurricane Harvey", section("History", "Hurricane Harvey formed in the Gulf of Mexico in 2017.",
				"Harvey stalled over Texas and brought record rain."));
		this.search = new KnowledgeBaseSearch(new QueryShaper(), new Retriever(this.index, Fusion.ranks(60, 1, 1, 10)),
				Reranking.off());
	}

	@AfterEach
	void close() throws Exception {
		this.index.close();
	}

	@Test
	void instructionsAreNeverTheSubjectAndTheConversationStaysOnPneumonia() {
		Chat chat = new Chat(extract());
		Answer causes = chat.ask("What causes pneumonia?");
		assertThat(documents(causes)).as(causes.text()).containsOnly("pneumonia");
		chat.ask("and viral pneumonia?");
		chat.ask("why?");
		Answer risk = chat.ask("Who is most at risk?");
		assertThat(documents(risk)).as(risk.text()).doesNotContain("absence-seizure");
		Answer summary = chat.ask("summarise it");
		assertThat(summary.grounded()).as(summary.text()).isTrue();
		assertThat(summary.text()).startsWith("Summary in the documents' own sentences");
		assertThat(documents(summary)).isNotEmpty().allMatch((document) -> document.contains("pneumonia"));
		assertThat(summary.trace().stage(Trace.REWRITE).gave()).doesNotContainIgnoringCase("summarise")
			.doesNotContainIgnoringCase("risk");
		assertThat(summary.trace().stage(Trace.REWRITE).conversation().operator()).isEqualTo("summary");
		// what the message asks, not the query searched for it, says it is a summary:
		// it reads the document in focus
		assertThat(summary.trace().stage(Trace.WIDEN).note()).contains("a summary reads the document in focus");
		Answer treated = chat.ask("How is it treated?");
		assertThat(treated.grounded()).as(treated.text()).isTrue();
		assertThat(treated.citations()).isNotEmpty()
			.allSatisfy((citation) -> assertThat(citation.documentId()).contains("pneumonia"))
			.anySatisfy((citation) -> assertThat(citation.quote()).contains("treated"));
	}

	@Test
	void refusedTurnsPutNothingInFocus() {
		Chat chat = new Chat(extract());
		chat.ask("What causes pneumonia?");
		assertThat(chat.ask("How much did its treatment cost in 1990?").grounded()).isFalse();
		assertThat(chat.ask("And in 1991?").grounded()).isFalse();
		Answer treated = chat.ask("How is it treated?");
		assertThat(treated.grounded()).as(treated.text()).isTrue();
		assertThat(documents(treated)).containsOnly("pneumonia");
	}

	@Test
	void aFollowUpOnASubjectWithNoDocumentIsRefusedNamingIt() {
		Chat chat = new Chat(extract());
		Answer zika = chat.ask("What causes Zika?");
		assertThat(zika.grounded()).isFalse();
		assertThat(zika.refusal().detail()).contains("Zika");
		Answer treated = chat.ask("How is it treated?");
		assertThat(treated.grounded()).as(treated.text()).isFalse();
		assertThat(treated.trace().stage(Trace.REWRITE).conversation().focus()).singleElement()
			.satisfies((subject) -> assertThat(subject.label()).isEqualTo("Zika"));
	}

	@Test
	void compareTheTwoQuotesBothFiguresSideBySide() {
		Chat chat = new Chat(extract());
		Answer first = chat.ask("What were 3M's total net sales in 2018?");
		assertThat(first.text()).as(first.text()).contains("32.8");
		Answer second = chat.ask("and in 2022?");
		assertThat(second.text()).as(second.trace().toString()).contains("34.2").doesNotContain("32.8");
		Answer compared = chat.ask("compare the two");
		assertThat(compared.text()).as(compared.trace().toString()).contains("32.8").contains("34.2");
		assertThat(compared.grounded() || Refusal.NEEDS_MODEL.equals(compared.refusal().reason())).isTrue();
		assertThat(compared.trace().stage(Trace.REWRITE).conversation().sides()).hasSize(2);
	}

	@Test
	void theRouterTheAssistantNamedIsTheOneAskedAbout() {
		Chat chat = new Chat(extract());
		chat.history.add(new Turn(Turn.USER, "Which of your routers supports mesh networking?"));
		chat.history.add(new Turn(Turn.ASSISTANT, "The AX3000 supports mesh."));
		Answer usb = chat.ask("Does the router have a USB port?");
		assertThat(usb.grounded()).as(usb.text()).isTrue();
		assertThat(documents(usb)).containsOnly("ax3000");
		assertThat(usb.trace().stage(Trace.REWRITE).conversation().focus()).singleElement()
			.satisfies((subject) -> assertThat(subject.from()).isEqualTo("assistant"));
	}

	@Test
	void theRouterAnAnswerPicksIsTheSubjectNotTheOneItSetsBesideIt() {
		Chat chat = new Chat(extract());
		chat.history.add(new Turn(Turn.USER, "Which of your routers supports mesh networking?"));
		chat.history.add(new Turn(Turn.ASSISTANT, "The AX3000 supports mesh networking. The BX1800 does not."));
		Answer usb = chat.ask("Does the router have a USB port?");
		// the answer to "which" is what its first sentence names; the BX1800 is named
		// only beside it
		assertThat(usb.trace().stage(Trace.REWRITE).conversation().focus()).extracting((subject) -> subject.label())
			.containsExactly("AX3000");
		assertThat(usb.grounded()).as(usb.text()).isTrue();
		assertThat(documents(usb)).containsOnly("ax3000");
	}

	@Test
	void aThingTitledWithAQualifierInBracketsIsNamedByItsNameAlone() {
		add("ingrid", "Ingrid (steamer)", section("Service", "She carried up to 180 passengers on the lake."));
		add("hedda", "Hedda (steamer)", section("Service", "She carried up to 240 passengers on the lake."));
		Chat chat = new Chat(extract());
		chat.history.add(new Turn(Turn.USER, "Which boat was the first on the lake?"));
		chat.history.add(new Turn(Turn.ASSISTANT, "The Ingrid, launched in 1887, two years before the Hedda."));
		Answer answer = chat.ask("How many passengers could she carry?");
		assertThat(answer.trace().stage(Trace.REWRITE).conversation().focus()).extracting((subject) -> subject.label())
			.containsExactlyInAnyOrder("Ingrid", "Hedda");
	}

	@Test
	void aLineTheAssistantNamedByItsCodeIsTheSubjectNotTheSiblingThatSharesItsTerminus() {
		add("line-b1", "Bus line B1: Central Station – Airport",
				section("Timetable", "On Sundays the last bus leaves Central Station at 23:10."));
		add("line-b2", "Bus line B2: Central Station – University",
				section("Timetable", "On Sundays the last bus leaves Central Station at 21:40."));
		add("central-station", "Central Station",
				section("Facilities", "Central Station has a ticket office, lockers and a waiting room."));
		Chat chat = new Chat(extract());
		chat.history.add(new Turn(Turn.USER, "How do I get to the airport without a car?"));
		chat.history.add(new Turn(Turn.ASSISTANT, "Line B1 runs from Central Station to the airport."));
		Answer last = chat.ask("When does the last bus leave on Sundays?");
		// "Central Station" is a part of both lines' titles: it names their terminus,
		// not either line, when the answer names one of them by its code
		assertThat(last.trace().stage(Trace.REWRITE).conversation().documents()).as(last.trace().toString())
			.contains("line-b1")
			.doesNotContain("line-b2");
		assertThat(last.grounded()).as(last.text()).isTrue();
		assertThat(documents(last)).containsOnly("line-b1");
	}

	@Test
	void aMonthTheFollowUpWritesIsWhenItAsksNotWhatItIsAbout() {
		add("line-b1", "Bus line B1: Central Station – Airport",
				section("Holidays", "On public holidays the B1 runs every 30 minutes from 07:00."));
		add("line-b2", "Bus line B2: Central Station – University",
				section("Holidays", "On public holidays the B2 does not run."));
		Chat chat = new Chat(extract());
		chat.history.add(new Turn(Turn.USER, "How do I get to the airport without a car?"));
		chat.history.add(new Turn(Turn.ASSISTANT, "Line B1 runs from Central Station to the airport."));
		Answer last = chat.ask("We fly on the first of January. Does it run on public holidays?");
		// "January" is a time, not a subject the documents in focus fail to write
		assertThat(last.trace().stage(Trace.REWRITE).conversation().documents()).as(last.trace().toString())
			.containsExactly("line-b1");
		assertThat(last.grounded()).as(last.text()).isTrue();
		assertThat(documents(last)).containsOnly("line-b1");
	}

	@Test
	void aFollowUpOnTheNamedRouterIsAnsweredFromAnotherPageWhenOnlyThatOneGivesTheFigure() {
		add("price-list", "Spare parts price list", section("Routers",
				"A spare power adapter for the AX3000 costs 25 euros.", "A wall mount for the BX1800 costs 12 euros."));
		Chat chat = new Chat(extract());
		chat.history.add(new Turn(Turn.USER, "Which of your routers supports mesh networking?"));
		chat.history.add(new Turn(Turn.ASSISTANT, "The AX3000 supports mesh."));
		Answer adapter = chat.ask("How much does a spare power adapter for it cost?");
		// the router's own page is searched first, the scope beside it: the figure is
		// on the price list
		assertThat(adapter.grounded()).as(adapter.text()).isTrue();
		assertThat(adapter.text()).contains("25 euros");
		assertThat(documents(adapter)).containsOnly("price-list");
	}

	@Test
	void aSubjectTheAssistantNamedAnswersAFollowUpWhoseWordsAnotherPageWritesMore() {
		add("calda-a6", "Calda A6 Dual Air Fryer",
				section("Baskets", "The Calda A6 has two independent baskets of three litres each."), section("Presets",
						"Its Dehydrate preset can dry sliced fruit at 40 to 80 degrees for up to 12 hours."));
		add("dehydrator-d1", "Dehydrator D1",
				section("Trays", "The D1 can also dry fruit, herbs and jerky on five stacked trays."));
		Chat chat = new Chat(extract());
		chat.history.add(new Turn(Turn.USER, "I want to cook chicken and fries at the same time."));
		chat.history.add(new Turn(Turn.ASSISTANT, "The Calda A6 Dual Air Fryer has two independent baskets."));
		Answer fruit = chat.ask("Can it also dry fruit?");
		// the other page writes every word of the question, the fryer's page all but
		// "also": the conversation is still about the fryer
		assertThat(fruit.grounded()).as(fruit.text()).isTrue();
		assertThat(documents(fruit)).containsOnly("calda-a6");
		assertThat(fruit.trace().stage(Trace.REWRITE).gave())
			.isEqualTo("Can it also dry fruit? Calda A6 Dual Air Fryer");
	}

	@Test
	void aTrailTheAssistantNamedStaysTheSubjectThoughAnotherPageWritesTheQuestionsWordsMore() {
		add("scarrow", "Scarrow Ridge Trail",
				section("Route", "The trail climbs six hundred metres from the car park to the summit cairn."),
				section("Animals", "On leads they may walk as far as the Saddle junction, not beyond."));
		add("dogs", "Dogs in the park", section("Campgrounds",
				"A dog can come to every campground on a lead; a strong dog must be kept from the hiker paths."));
		Chat chat = new Chat(extract());
		chat.history.add(new Turn(Turn.USER, "Which walk has the best views?"));
		chat.history.add(new Turn(Turn.ASSISTANT, "The Scarrow Ridge Trail climbs to the summit cairn."));
		Answer dog = chat.ask("Can my dog come? She's a strong hiker.");
		// the campground page writes "dog", "come", "strong" and "hiker", the trail's
		// page
		// none of them: the conversation is still about the trail, which a turn named
		assertThat(dog.trace().stage(Trace.REWRITE).gave()).contains("Scarrow Ridge Trail");
		assertThat(documents(dog)).doesNotContain("dogs");
	}

	@Test
	void aCorrectionThatNamesWhatTheAnswerSpokeOfAndAnotherMeansTheOther() {
		add("saver-railcard", "Saver Railcard",
				section("Price", "The Saver Railcard costs 30 pounds a year and gives a third off off-peak fares."));
		add("family-railcard", "Family Railcard",
				section("Price", "The Family Railcard costs 25 pounds a year and gives children 60 percent off."));
		Chat chat = new Chat(extract());
		// a /v1 history: the answer reads like the Saver Railcard's page
		chat.history.add(new Turn(Turn.USER, "how much is the railcard a year?"));
		chat.history.add(new Turn(Turn.ASSISTANT, "It costs 30 pounds a year, for a third off off-peak fares."));
		Answer meant = chat.ask("That sounds like the Saver Railcard. I mean the Family one.");
		assertThat(meant.trace().stage(Trace.REWRITE).conversation().focus()).as(meant.trace().toString())
			.extracting(Trace.Subject::documentIds)
			.containsExactly(List.of("family-railcard"));
		assertThat(meant.text()).contains("25 pounds").doesNotContain("30 pounds");
	}

	@Test
	void whyIsAnsweredWithTheReasonsNextToWhatTheAnswerBeforeSaid() {
		add("bay-ferry", "Bay ferry", section("Boarding", "The Bay ferry sails from the pier every half hour.",
				"You can take a bicycle or a pushchair on the Bay ferry at no charge."));
		add("on-board", "On board", section("Not carried",
				"Hoverboards and electric unicycles are refused on every vessel because their batteries can catch fire."));
		Chat chat = new Chat(extract());
		// a /v1 history: the answer cites nothing and quotes no sentence as written
		chat.history.add(new Turn(Turn.USER, "Can I take my Segway on the Bay ferry?"));
		chat.history
			.add(new Turn(Turn.ASSISTANT, "No: hoverboards and electric unicycles are refused on every vessel."));
		Answer why = chat.ask("Why not?");
		assertThat(why.grounded()).as(why.text()).isTrue();
		assertThat(why.citations()).as(why.trace().toString())
			.anySatisfy((citation) -> assertThat(citation.quote()).contains("batteries can catch fire"));
	}

	@Test
	void whyIsNotAnsweredByWhatTheAnswerBeforeAlreadySaid() {
		add("reading-room", "Reading room",
				section("Rules", "The reading room opens at nine and closes at eight.",
						"Dogs are not allowed in the reading room, apart from assistance dogs.",
						"Laptops may be used at the long tables by the windows."));
		add("cafe", "Library cafe", section("Cafe", "The cafe on the ground floor sells soup and sandwiches."));
		Chat chat = new Chat(extract());
		chat.history.add(new Turn(Turn.USER, "Can my dog come with me into the reading room?"));
		chat.history.add(new Turn(Turn.ASSISTANT,
				"No: dogs are not allowed in the reading room, apart from " + "assistance dogs."));
		Answer why = chat.ask("How come?");
		// the page gives the rule and no reason: saying it again is no answer
		assertThat(why.grounded()).as(why.text()).isFalse();
		assertThat(why.refusal().reason()).isEqualTo(Refusal.NO_REASON);
		assertThat(why.text()).contains("give no reason");
	}

	@Test
	void whyIsNotAnsweredByThePageOfItsSubjectWhenItGivesNoReason() {
		add("quarry-lane-tip", "Quarry Lane tip",
				section("Opening",
						"Quarry Lane tip is open on Monday, Thursday, Friday and Saturday from nine to five.",
						"Quarry Lane tip is shut on Tuesday, Wednesday and Sunday.",
						"Every visit to Quarry Lane tip has to be booked online."));
		add("garden-waste", "Garden waste", section("Bins", "Garden waste bins are emptied every other Monday."));
		Chat chat = new Chat(extract());
		chat.history.add(new Turn(Turn.USER, "When can I take rubbish to the Quarry Lane tip?"));
		// a /v1 history: the answer says it in its own words
		chat.history.add(new Turn(Turn.ASSISTANT,
				"Quarry Lane tip opens four days a week, Mondays and Thursdays to Saturdays, 9 am to 5 pm; book first."));
		Answer why = chat.ask("why is it shut midweek?");
		// the page says when it is shut, and nowhere why
		assertThat(why.grounded()).as(why.text()).isFalse();
		assertThat(why.refusal().reason()).isEqualTo(Refusal.NO_REASON);
		assertThat(why.text()).contains("give no reason");
	}

	@Test
	void whyIsAnsweredByWhatIsDoneOnPurpose() {
		add("forma-mixer", "Forma stand mixer", section("Gearbox",
				"The Forma stand mixer has metal gears in its gearbox, apart from one.",
				"The Forma stand mixer has one nylon gear on purpose: if the dough is too stiff, the nylon gear breaks before the motor burns out."));
		add("garden-waste", "Garden waste", section("Bins", "Garden waste bins are emptied every other Monday."));
		Chat chat = new Chat(extract());
		chat.history.add(new Turn(Turn.USER, "Are the gears of the Forma stand mixer all metal?"));
		chat.history.add(new Turn(Turn.ASSISTANT, "All but one: one gear of the Forma's gearbox is nylon."));
		Answer why = chat.ask("Why would a mixer have a plastic gear?");
		assertThat(why.grounded()).as(why.text()).isTrue();
		assertThat(why.citations()).as(why.trace().toString())
			.anySatisfy((citation) -> assertThat(citation.quote()).contains("on purpose"));
	}

	@Test
	void whyIsAnsweredByWhatTheChoiceWasMadeFor() {
		add("hexley-canal", "Hexley Canal",
				section("History", "The Hexley Canal opened in 1794 between Hexley and the river port of Amble.",
						"Its engineer, Ruth Calder, chose locks of only seven feet to save water on the dry summit."),
				section("Today", "The Hexley Canal has narrow locks and is used by holiday boats."));
		add("garden-waste", "Garden waste", section("Bins", "Garden waste bins are emptied every other Monday."));
		Chat chat = new Chat(extract());
		chat.history.add(new Turn(Turn.USER, "Can a wide barge use the Hexley Canal?"));
		chat.history.add(new Turn(Turn.ASSISTANT, "No: the Hexley Canal has narrow locks, so only narrowboats fit."));
		Answer why = chat.ask("why narrow locks?");
		assertThat(why.grounded()).as(why.text()).isTrue();
		assertThat(why.citations()).as(why.trace().toString())
			.anySatisfy((citation) -> assertThat(citation.quote()).contains("to save water"));
	}

	@Test
	void whoDidItIsAnsweredOnlyByASentenceThatNamesWhoDidIt() {
		add("market-pharmacy", "Market Square Pharmacy",
				section("About",
						"Market Square Pharmacy is a pharmacy at 3 Market Square, in the old Corn Exchange building.",
						"It is the only pharmacy in the town that opens on Sundays."));
		add("harbour-pharmacy", "Harbour Pharmacy", section("History",
				"Harbour Pharmacy was opened in 1962 by Agnes Cole, the town's first woman pharmacist."));
		Chat chat = new Chat(extract());
		chat.history.add(new Turn(Turn.USER, "Tell me about Market Square Pharmacy"));
		chat.history.add(new Turn(Turn.ASSISTANT,
				"Market Square Pharmacy is a pharmacy at 3 Market Square, in the old Corn Exchange building."));
		Answer market = chat.ask("who opened it?");
		// its page says when it opens, not who opened it
		assertThat(market.grounded()).as(market.text()).isFalse();
		assertThat(market.refusal().reason()).isEqualTo(Refusal.NO_AGENT);
		Chat harbour = new Chat(extract());
		harbour.history.add(new Turn(Turn.USER, "Tell me about Harbour Pharmacy"));
		harbour.history.add(new Turn(Turn.ASSISTANT, "Harbour Pharmacy is the oldest pharmacy in the town."));
		Answer opened = harbour.ask("who opened it?");
		assertThat(opened.grounded()).as(opened.text()).isTrue();
		assertThat(opened.text()).contains("Agnes Cole");
	}

	@Test
	void whoDidItIsAnsweredByTheLeadSentenceThatNamesTheDoerInPassing() {
		add("salt-winter-film", "The Salt Winter (film)", section("The Salt Winter (film)",
				"The Salt Winter is a 1958 Veldmark drama film directed by Per Lund, based on the 1934 novel of the "
						+ "same name by Elin Varg. It stars Anna Rask as Lisa Nyberg and is often counted the finest film "
						+ "made in the region."),
				section("Production", "The producer Karin Sten bought the film rights in 1955. Per Lund wrote the "
						+ "screenplay with the novelist Arne Falk; Elin Varg was consulted but refused a credit."));
		add("lake-skarn", "Lake Skarn", section("Lake Skarn",
				"Lake Skarn is 142 metres deep at its deepest point, off the Kolle reef. It usually freezes over "
						+ "from January to March."));
		Chat chat = new Chat(extract());
		chat.history.add(new Turn(Turn.USER, "how deep is lake skarn?"));
		chat.history.add(new Turn(Turn.ASSISTANT, "Lake Skarn is 142 metres deep at its deepest point."));
		Answer film = chat.ask("different question - who directed the film of the salt winter?");
		assertThat(film.grounded()).as(film.text() + " " + film.refusal()).isTrue();
		assertThat(film.text()).contains("directed by Per Lund");
		// the same sentence names no one who played a part: its names follow "by" of
		// other deeds
		Chat anton = new Chat(extract());
		anton.history.add(new Turn(Turn.USER, "so in the film of the salt winter lisa marries someone?"));
		anton.history.add(new Turn(Turn.ASSISTANT,
				"Yes: in the 1958 film she marries a young crane driver, Anton, who is not in the novel."));
		Answer played = anton.ask("who played him");
		assertThat(played.grounded()).as(played.text()).isFalse();
		assertThat(played.refusal().reason()).isEqualTo(Refusal.NO_AGENT);
	}

	@Test
	void whyIsAnsweredByWhatThePassageSaysNextToWhatTheAnswerBeforeSaid() {
		add("allotment-rules", "Allotment rules", section("Sheds",
				"Sheds must be no taller than two metres. A taller shed shades the neighbouring plots for most of the afternoon."),
				section("Water", "Hoses may be used only before nine in the morning."));
		Chat chat = new Chat(extract());
		chat.history.add(new Turn(Turn.USER, "Can I put up a shed on my plot?"));
		chat.history.add(new Turn(Turn.ASSISTANT, "Yes, but sheds must be no taller than two metres."));
		Answer why = chat.ask("Why must a shed be no taller than two metres?");
		// the rule was said; the sentence after it in its passage says what it protects,
		// without a word of cause
		assertThat(why.grounded()).as(why.text()).isTrue();
		assertThat(why.text()).contains("shades the neighbouring plots").doesNotContain("Hoses");
	}

	@Test
	void aThingAskedAboutThatNoDocumentWritesIsNotAnsweredFromTheSubjectBefore() {
		add("elmstead", "Elmstead Library", section("Meeting room",
				"Elmstead Library hires out its meeting room for £15 an hour. The room seats twenty people."));
		add("orchard", "Orchard Road Library", section("Meeting room",
				"Orchard Road Library hires out its meeting room for £9 an hour. The room seats ten people."));
		for (String library : List.of("quarry lane library", "orchard road library")) {
			Chat chat = new Chat(extract());
			chat.history.add(new Turn(Turn.USER, "which library has a room I can hire for a meeting?"));
			chat.history.add(new Turn(Turn.ASSISTANT, "Elmstead Library hires out its meeting room for £15 an hour."));
			Answer cheaper = chat.ask("what about " + library + "? is that cheaper?");
			if (library.startsWith("quarry")) {
				// no document writes "quarry": Elmstead's price is no answer for it
				assertThat(cheaper.grounded()).as(cheaper.text()).isFalse();
				assertThat(cheaper.refusal().reason()).isEqualTo(Refusal.NAMES_NOT_IN_SOURCES);
				assertThat(cheaper.refusal().detail()).contains("quarry lane library");
				assertThat(cheaper.trace().stage(Trace.REWRITE).conversation().focus()).singleElement()
					.satisfies((subject) -> assertThat(subject.from()).isEqualTo("unwritten"));
				// a language model is not asked to answer it from Elmstead's page either
				Chat model = new Chat(model("Quarry Lane Library charges £15 an hour [1]."));
				model.history.addAll(chat.history.subList(0, 2));
				Answer answered = model.ask("what about " + library + "? is that cheaper?");
				assertThat(answered.grounded()).as(answered.text()).isFalse();
				assertThat(answered.refusal().reason()).isEqualTo(Refusal.NAMES_NOT_IN_SOURCES);
				assertThat(answered.text()).doesNotContain("£15");
			}
			else {
				assertThat(cheaper.grounded()).as(cheaper.trace().toString()).isTrue();
				assertThat(cheaper.text()).contains("£9");
			}
		}
	}

	@Test
	void aThingAskedAboutBesideAnImageIsLeftToWhatTheImageShows() {
		add("elmstead", "Elmstead Library", section("Meeting room",
				"Elmstead Library hires out its meeting room for £15 an hour. The room seats twenty people."));
		List<Turn> history = List.of(new Turn(Turn.USER, "which library has a room I can hire for a meeting?"),
				new Turn(Turn.ASSISTANT, "Elmstead Library hires out its meeting room for £15 an hour."));
		Media photo = new Media(MimeTypeUtils.IMAGE_PNG, new ByteArrayResource(new byte[] { 1, 2, 3 }));
		Answer answer = model("The photo shows a meeting room like Elmstead's [1].")
			.answer(new AnswerRequest(KB, "what about quarry lane library? is that cheaper?", history, List.of(photo),
					null, new AnswerRequest.Settings(5, null, null, null), null)
				.traced(), (token) -> {
				});
		// the image may show the thing no document writes: the judge leaves it to the
		// model
		assertThat(answer.trace().stage(Trace.JUDGE).decisions()).as(answer.trace().toString())
			.noneSatisfy((decision) -> assertThat(decision.judge()).isEqualTo("unwritten"));
		assertThat(answer.refusal()).as(answer.text()).isNull();
	}

	@Test
	void whyIsAnsweredByTheReasonNextToTheFiguresTheAnswerBeforeGave() {
		add("swim-prices", "Swimming prices", section("Prices",
				"A single adult swim costs £5.20 at Eastfield Pool. A ten-swim card costs £42, so each swim on the card costs £4.20. The card is cheaper because you pay for the swims up front.",
				"Children under eight swim with an adult."));
		add("lessons", "Swimming lessons", section("Lessons", "Lessons for adults run on Tuesday evenings."));
		Chat chat = new Chat(extract());
		chat.history.add(new Turn(Turn.USER, "at eastfield pool is a swim cheaper with the ten-swim card?"));
		chat.history.add(new Turn(Turn.ASSISTANT, "Yes: £4.20 a swim on the card against £5.20 for a single swim."));
		Answer why = chat.ask("why?");
		assertThat(why.grounded()).as(why.text()).isTrue();
		assertThat(why.citations()).as(why.trace().toString())
			.anySatisfy((citation) -> assertThat(citation.quote()).contains("up front"))
			.noneSatisfy((citation) -> assertThat(citation.quote()).contains("£5.20"));
	}

	@Test
	void aThingNamedTwoTurnsBackIsCalledByTheCommonNounOfItsName() {
		add("brannock", "Brannock Castle",
				section("Keep", "The keep of Brannock Castle is 31 metres tall, with walls four metres thick."));
		add("millbrook", "Millbrook",
				section("Village",
						"Millbrook is a village of 600 people below Brannock Castle, with a car park on Mill Lane.",
						"The village hall is the tallest building in the main street and was built in 1911."));
		Chat chat = new Chat(extract());
		chat.history.add(new Turn(Turn.USER, "What is there to see around here?"));
		chat.history.add(new Turn(Turn.ASSISTANT, "Brannock Castle, a ruined keep on the hill."));
		chat.history.add(new Turn(Turn.USER, "where do I leave the car?"));
		chat.history.add(new Turn(Turn.ASSISTANT, "In Millbrook, the village below: the car park is on Mill Lane."));
		Answer tall = chat.ask("how tall is the castle?");
		assertThat(tall.trace().stage(Trace.REWRITE).conversation().focus()).as(tall.trace().toString())
			.singleElement()
			.satisfies((subject) -> assertThat(subject.label()).isEqualTo("Brannock Castle"));
		assertThat(documents(tall)).as(tall.text()).containsOnly("brannock");
		assertThat(tall.text()).contains("31 metres");
		// the noun of a name in focus keeps it: the village's hall is no other thing
		Answer hall = chat.ask("when was the village hall built?");
		assertThat(documents(hall)).as(hall.text()).containsOnly("millbrook");
		// the noun with what sets it apart is another thing than the one named before
		Answer other = chat.ask("and the castle at dunmore?");
		assertThat(other.trace().stage(Trace.REWRITE).conversation().focus()).as(other.trace().toString())
			.noneSatisfy((subject) -> assertThat(subject.label()).isEqualTo("Brannock Castle"));
	}

	@Test
	void anAnswerThatNamesAThingAndWhereItIsIsAboutTheThing() {
		add("carrow", "Carrow Museum", section("Visiting",
				"Carrow Museum opens at 10:00 and closes at 18:00 every day.", "Entry to Carrow Museum is free."));
		add("shop", "Museum Gift Shop", section("Hours", "The shop closes at 16:30, earlier than the galleries."));
		Chat chat = new Chat(extract());
		chat.history.add(new Turn(Turn.USER, "Where can I buy a present?"));
		chat.history.add(new Turn(Turn.ASSISTANT, "The Museum Gift Shop at Carrow Museum sells local crafts."));
		Answer closes = chat.ask("What time does it close?");
		assertThat(closes.trace().stage(Trace.REWRITE).conversation().focus()).as(closes.trace().toString())
			.singleElement()
			.satisfies((subject) -> assertThat(subject.label()).isEqualTo("Museum Gift Shop"));
		assertThat(closes.text()).as(closes.text()).contains("16:30").doesNotContain("18:00");
		// two things named side by side both stay in focus
		Chat both = new Chat(extract());
		both.history.add(new Turn(Turn.USER, "Where can I buy a present?"));
		both.history.add(new Turn(Turn.ASSISTANT, "The Museum Gift Shop and Carrow Museum both sell local crafts."));
		assertThat(both.ask("What time does it close?").trace().stage(Trace.REWRITE).conversation().focus()).hasSize(2);
	}

	@Test
	void whyIsAnsweredWithAReasonOfAnotherYearThanWhatItExplains() {
		add("greyholm", "Greyholm Lighthouse", section("History", "Greyholm Lighthouse was first lit in 1861.",
				"Its lamp failed during the great storm of 1903 and the light went dark for a week."));
		add("survey", "Coast survey of 1904", section("Greyholm",
				"The survey of 1904 found that frost had cracked the gas pipe of the Greyholm Lighthouse lamp, so it failed."));
		Chat chat = new Chat(extract());
		chat.history.add(new Turn(Turn.USER, "Which light failed in the storm of 1903?"));
		chat.history.add(new Turn(Turn.ASSISTANT, "The Greyholm Lighthouse: its lamp failed during the great storm."));
		Answer why = chat.ask("why did the lamp fail?");
		assertThat(why.trace().stage(Trace.REWRITE).conversation().periods()).isEmpty();
		assertThat(why.citations()).as(why.trace().toString())
			.anySatisfy((citation) -> assertThat(citation.quote()).contains("found that frost had cracked"))
			// what happened is not why
			.noneSatisfy((citation) -> assertThat(citation.quote()).contains("went dark"));
	}

	@Test
	void aNameTheAnswerWritesOfTheTitleOfThePageItReadsLikeIsTheSubject() {
		add("greenway", "Is the Greenway Allotment Scheme worth joining?",
				section("Joining", "A plot in the Greenway Allotment Scheme costs £40 a year with a water butt."),
				section("Leaving", "If you give up your plot before the year is over, the council refunds the rent."));
		add("seed-swap", "Spring seed swap at the library",
				section("Swap", "Give away the seeds you saved over the year; the swap ends at noon."));
		Chat chat = new Chat(extract());
		chat.history.add(new Turn(Turn.USER, "is there a council scheme that rents you a plot to grow vegetables?"));
		// a /v1 history: the answer cites nothing and quotes no sentence as written
		chat.history.add(new Turn(Turn.ASSISTANT, "Yes, that's the Greenway Allotment Scheme: forty pounds a year "
				+ "for a plot, and you get a water butt."));
		Answer leaving = chat.ask("can i give it up before the year ends?");
		// the swap page writes "ends", the scheme's page does not: the answer named the
		// scheme, and the message points back at it
		assertThat(leaving.trace().stage(Trace.REWRITE).gave()).contains("Greenway Allotment Scheme");
		assertThat(leaving.grounded()).as(leaving.text()).isTrue();
		assertThat(documents(leaving)).containsOnly("greenway");
		assertThat(leaving.text()).contains("refunds");
	}

	@Test
	void aQuestionThatNamesAPageIsAnsweredFromTheSectionOfItThatSaysIt() {
		add("ingrid", "Ingrid (steamer)",
				section("History",
						"The Ingrid went down in fog in 1898; fishermen pulled 149 people out of the water."),
				section("Wreck", "The wreck lies at a depth of 96 metres; diving on it needs a permit."));
		add("skarn", "Lake Skarn", section("Geography", "Lake Skarn is a glacial lake where the Ingrid went down."));
		// hybrid search keeps one chunk a page, as the service's does
		this.search = new KnowledgeBaseSearch(new QueryShaper(),
				new Retriever(this.index, new Fusion(Fusion.Method.RANKS, 60, 1, 1, 10, true, 0)), Reranking.off());
		Answer depth = new Chat(extract())
			.ask("My grandmother was pulled out of the water when the Ingrid went down. How deep is the wreck?");
		// the page's best passage tells the sinking; the question names the steamer, so
		// the page's other sections are read too
		assertThat(depth.grounded()).as(depth.text()).isTrue();
		assertThat(depth.text()).contains("96 metres");
		assertThat(documents(depth)).containsOnly("ingrid");
	}

	@Test
	void aTitleWrittenAsTheFirstWordOfALongerNameIsNotTheSubject() {
		add("harl", "Harl", section("Town", "Harl is a port town of 48,300 people on the river Veld."),
				section("History", "Harl received its town charter in 1312 and grew with the railway."));
		add("strike", "Harl dock strike of 1907",
				section("Strike", "The dockers struck for 77 days in 1907; Karl Nyholm of the union led them."),
				section("Settlement", "The strike ended when the employers agreed to a wage rise of ten per cent."));
		Chat chat = new Chat(extract());
		chat.history.add(new Turn(Turn.USER, "who led the dockers in 1907?"));
		chat.history
			.add(new Turn(Turn.ASSISTANT, "Karl Nyholm, a crane driver and chairman of the Harl Dockers' Union."));
		Answer end = chat.ask("and how did it end?");
		// the answer names the union, not the town: the strike's page is the one it reads
		// like
		assertThat(end.trace().stage(Trace.REWRITE).note()).doesNotContain("\"Harl\"");
		assertThat(end.trace().stage(Trace.REWRITE).gave()).contains("Harl dock strike of 1907");
		assertThat(documents(end)).containsOnly("strike");
	}

	@Test
	void aCapitalisedWordOfATitleTheAnswerWritesIsNoCodeThatNamesItsPage() {
		add("saver", "Tax-Free Saver", section("Saver", "The Tax-Free Saver takes up to 15,000 crowns a year."));
		add("inherited", "Inherited money from my grandmother",
				section("Spending", "Spend about 5% of it on something she would have liked."),
				section("Tax", "Inheritance tax is paid by the estate before the money reaches you."));
		Chat chat = new Chat(extract());
		chat.history.add(new Turn(Turn.USER, "I inherited money from my grandmother. How much should I spend?"));
		chat.history.add(new Turn(Turn.ASSISTANT,
				"About 5% on something she would have liked; the rest can grow Tax-Free for years."));
		Answer tax = chat.ask("do i have to pay inheritance tax on it?");
		// "Tax-Free" is a word written with its capitals, not a code such as "AX3000":
		// the
		// answer reads like the inheritance page, which is the subject
		assertThat(tax.trace().stage(Trace.REWRITE).note()).doesNotContain("Tax-Free");
		assertThat(documents(tax)).containsOnly("inherited");
	}

	@Test
	void aMessageOfYearsThatAsksAQuantityTheQuestionBeforeDidNotIsAQuestionOfItsOwn() {
		add("kestrel", "Kestrel House",
				section("Where", "Kestrel House is a five-minute walk from the Hollis Building."),
				section("Rent", "Rent per week: £160 in 2025/26 and £168 in 2026/27."));
		Chat chat = new Chat(extract());
		chat.history.add(new Turn(Turn.USER, "which hall is nearest to the Hollis Building?"));
		chat.history.add(new Turn(Turn.ASSISTANT, "Kestrel House, a five-minute walk from the Hollis Building."));
		Answer rent = chat.ask("how much is it a week for 2026/27?");
		// "and in 2026/27?" would ask the question before again; "how much" asks a price
		assertThat(rent.trace().stage(Trace.REWRITE).note()).doesNotContain("the one before is asked again");
		assertThat(rent.grounded()).as(rent.text()).isTrue();
		assertThat(rent.text()).contains("£168");
	}

	@Test
	void aFollowUpHasMovedOnOnlyWhenOtherPagesSpeakOfItsNounsNotOfItsVerbs() {
		add("riverside", "Riverside Hostel",
				section("Guests", "A visitor of a resident may stay overnight on Friday and Saturday only."),
				section("Kitchen", "The kitchen is shared by every floor."));
		add("campsite", "Campsite rules",
				section("Visitors", "Visitors can come and go as they like; quiet hours start at 22:00."));
		Chat chat = new Chat(extract());
		chat.history.add(new Turn(Turn.USER, "Which hall is closest to the river?"));
		chat.history.add(new Turn(Turn.ASSISTANT, "Riverside Hostel is right on the river bank."));
		Answer visitor = chat.ask("can a visitor come on a weekday?");
		// the campsite page writes "come" and the hostel's page does not: a verb is no
		// thing the conversation moved on to, the visitor is the hostel's
		assertThat(visitor.trace().stage(Trace.REWRITE).gave()).contains("Riverside Hostel");
		assertThat(documents(visitor)).doesNotContain("campsite");
		add("classes", "Evening classes", section("Courses", "Spanish and Italian are the languages taught."));
		Answer languages = chat.ask("Which languages are taught?");
		// a thing only another page speaks of: the conversation may have moved on
		assertThat(languages.trace().stage(Trace.REWRITE).gave()).isEqualTo("Which languages are taught?");
	}

	@Test
	void aFollowUpIsAnsweredFromTheSubjectsPageThoughAnotherPageWritesEveryNameTheAnswerGave() {
		add("museum", "Harbour Museum",
				section("Admission", "Children under twelve enter the museum free of charge; adults pay eight euros."));
		add("visitor-guide", "Visitor Guide", section("Sights",
				"The Visitor Guide lists the Harbour Museum among the sights; children ride the ferry for free."));
		Chat chat = new Chat(extract());
		chat.history.add(new Turn(Turn.USER, "Where can I see old ship models?"));
		chat.history
			.add(new Turn(Turn.ASSISTANT, "The Harbour Museum shows them; the Visitor Guide has the opening times."));
		Answer children = chat.ask("Do children pay to enter the museum?");
		// the subject is held by its documents, not by the words of every name the answer
		// gave: the guide writes them all, the museum's page answers
		assertThat(children.grounded()).as(children.text()).isTrue();
		assertThat(children.text()).contains("Children under twelve enter the museum free");
		assertThat(documents(children)).contains("museum");
	}

	@Test
	void aFollowUpOnTheCitedPageIsNotAnsweredFromAnotherThatWritesTheYearAsked() {
		add("loans", "Library loans", section("Late fees",
				"In 2024 the late fee for books is 20 cents a day, capped at five euros per item."));
		add("renovation", "Reading room renovation",
				section("Works", "The reading room stays closed for works until the end of 2025."));
		Chat chat = new Chat(extract());
		Answer fee = chat.ask("How much is the late fee for books?");
		assertThat(documents(fee)).as(fee.text()).containsOnly("loans");
		Answer next = chat.ask("Will it be the same in 2025?");
		// the conversation is about the loans page: a page about something else that
		// writes the year is no answer
		assertThat(next.grounded()).as(next.text()).isFalse();
		assertThat(documents(next)).doesNotContain("renovation");
	}

	@Test
	void aCodeTheSubjectsPagesDoNotWriteIsASubjectOfItsOwn() {
		add("lumen-app", "Lumen Photo App",
				section("Backup", "Archive Sync copies your photos to the cloud every night."));
		add("metadata", "Camera metadata guide",
				section("EXIF", "EXIF data is what a photo records of the camera and its exposure."));
		Chat chat = new Chat(extract());
		chat.history.add(new Turn(Turn.USER, "How do I back up my photos?"));
		chat.history.add(new Turn(Turn.ASSISTANT, "Archive Sync in the Lumen Photo App copies them every night."));
		Answer exif = chat.ask("What is EXIF data?");
		assertThat(exif.trace().stage(Trace.REWRITE).conversation().own()).as(exif.trace().toString()).isTrue();
		assertThat(exif.trace().stage(Trace.REWRITE).gave()).isEqualTo("What is EXIF data?");
		assertThat(exif.grounded()).as(exif.trace().toString()).isTrue();
		assertThat(documents(exif)).containsOnly("metadata");
		// a code the subject's pages write is asked of the subject
		Chat sync = new Chat(extract());
		sync.history.add(new Turn(Turn.USER, "Which app backs up my photos?"));
		sync.history.add(new Turn(Turn.ASSISTANT, "The Lumen Photo App does."));
		Answer nightly = sync.ask("How often does Archive Sync run?");
		assertThat(nightly.trace().stage(Trace.REWRITE).conversation().own()).isFalse();
	}

	@Test
	void aNameOfSeveralWordsIsOneThingThatTheSourcesMustWriteAsOne() {
		add("summit", "Summit Ski Resort",
				section("Lifts", "The Glacier slope is open until eight in the evening.",
						"Express lifts carry six skiers to the top in four minutes."),
				section("Passes", "A day pass covers every lift of the resort."));
		Answer train = new Chat(extract()).ask("Does the Glacier Express run in summer?");
		assertThat(train.grounded()).as(train.trace().toString()).isFalse();
		assertThat(train.refusal().reason()).isEqualTo(Refusal.NAMES_NOT_IN_SOURCES);
		assertThat(train.refusal().detail()).contains("Glacier Express");
		// a model the documents do not write is no other model of its name
		add("chairlift", "Glacier X4 chairlift",
				section("Comfort", "The Glacier X4 chairlift has heated seats for four skiers."));
		Answer model = new Chat(extract()).ask("Does the Glacier X6 chairlift have heated seats?");
		assertThat(model.grounded()).as(model.trace().toString()).isFalse();
		assertThat(model.refusal().detail()).contains("Glacier X6");
		// a document that writes the name answers it
		add("glacier-express", "Scenic trains",
				section("Timetable", "The Glacier Express runs all year, in summer too."));
		Answer written = new Chat(extract()).ask("Does the Glacier Express run in summer?");
		assertThat(written.grounded()).as(written.trace().toString()).isTrue();
		assertThat(documents(written)).contains("glacier-express");
	}

	@Test
	void aKindOfThingTheSubjectInFocusIsNotIsAskedBackWhenSeveralFit() {
		add("dental", "Harbourside Dental Clinic",
				section("Visiting", "The Harbourside Dental Clinic is on Quay Road and opens at eight.",
						"A check-up at the clinic costs forty pounds."));
		add("elm-library", "Elm Street Library",
				section("Borrowing", "Elm Street Library lends books, films and board games for three weeks."));
		add("river-library", "Riverside Library",
				section("Borrowing", "Riverside Library lends books and laptops for two weeks."));
		Chat chat = new Chat(extract());
		chat.history.add(new Turn(Turn.USER, "Where is the dentist?"));
		chat.history.add(new Turn(Turn.ASSISTANT, "The Harbourside Dental Clinic is on Quay Road."));
		Answer library = chat.ask("What does this library lend?");
		assertThat(library.trace().stage(Trace.REWRITE).conversation().focus()).as(library.trace().toString())
			.isEmpty();
		assertThat(library.outcome()).as(library.text()).isEqualTo(Answer.CLARIFY);
		assertThat(library.text()).contains("Elm Street Library").contains("Riverside Library");
		// the kind the subject in focus is: a follow-up on it
		Chat clinic = new Chat(extract());
		clinic.history.add(new Turn(Turn.USER, "Where is the dentist?"));
		clinic.history.add(new Turn(Turn.ASSISTANT, "The Harbourside Dental Clinic is on Quay Road."));
		Answer cost = clinic.ask("What does a check-up at this clinic cost?");
		assertThat(cost.outcome()).as(cost.text()).isEqualTo(Answer.ANSWERED);
		assertThat(documents(cost)).containsOnly("dental");
	}

	@Test
	void aQuestionThatNamesItsOwnSubjectIsSearchedAloneAndTheModelIsNotToldTheOldOne() {
		Chat chat = new Chat(model("3M faces lawsuits over its Combat Arms Earplugs [1]."));
		chat.ask("What is 3M's litigation exposure for Combat Arms Earplugs?");
		this.prompts.clear();
		Answer apple = chat.ask("What was Apple's revenue in 2020?");
		assertThat(apple.trace().stage(Trace.REWRITE).gave()).isEqualTo("What was Apple's revenue in 2020?");
		assertThat(apple.trace().stage(Trace.REWRITE).conversation().own()).isTrue();
		assertThat(String.join("\n", this.prompts)).doesNotContain("Combat").doesNotContain("Earplugs");
	}

	@Test
	void aModelRewritesAFollowUpToldWhatTheConversationIsAbout() {
		Chat chat = new Chat(model("The router has one USB 3.0 port [1]."));
		chat.history.add(new Turn(Turn.USER, "Which of your routers supports mesh networking?"));
		chat.history.add(new Turn(Turn.ASSISTANT, "The AX3000 supports mesh."));
		Answer usb = chat.ask("Does the router have a USB port?");
		assertThat(this.prompts.get(0)).contains("The conversation is about: AX3000")
			.contains("Does the router have a USB port?");
		assertThat(usb.trace().stage(Trace.REWRITE).conversation().documents()).containsExactly("ax3000");
		assertThat(documents(usb)).containsOnly("ax3000");
	}

	@Test
	void aYearTheDocumentDoesNotGiveIsNotAnsweredWithAnother() {
		Answer answer = extract().answer(new AnswerRequest(KB, "What were total net sales in 2018?", List.of(),
				List.of(), null, new AnswerRequest.Settings(5, null, null, null), null, true,
				SearchScope.of(KB, List.of(), List.of("mmm-2022"))), (token) -> {
				});
		assertThat(answer.grounded()).as(answer.text()).isFalse();
		assertThat(answer.refusal().reason()).isEqualTo(Refusal.OTHER_PERIOD);
		assertThat(answer.text()).contains("2022").contains("not 2018").doesNotContain("34.2");
		// the year asked is never named among those given instead (the filing writes 2018
		// once, of its headquarters' move)
		assertThat(answer.text().substring(0, answer.text().indexOf("not 2018"))).doesNotContain("2018");
	}

	@Test
	void aYearBefore1900TheTownsPageDoesNotGiveIsNotAnsweredWithAnother() {
		add("saltby", "Saltby",
				section("History", "Saltby received its charter in 1312 and grew once the railway came in 1872."),
				section("Population", "In 1880 the town had 14,200 inhabitants; by 1910 it had 26,900."));
		Chat chat = new Chat(extract());
		Answer asked = chat.ask("How many inhabitants did Saltby have in 1880?");
		assertThat(asked.grounded()).as(asked.text()).isTrue();
		assertThat(asked.text()).contains("14,200");
		// the year is asked, as 1910 would be: a page that never writes it does not
		// answer
		Answer earlier = chat.ask("and back in 1850?");
		assertThat(earlier.grounded()).as(earlier.text()).isFalse();
		assertThat(earlier.refusal().detail()).contains("1850");
		assertThat(earlier.text()).doesNotContain("14,200").doesNotContain("1872");
	}

	@Test
	void aVersionTheReleaseNotesDoNotGiveIsNotAnsweredWithAnother() {
		add("kettle-firmware", "K3 kettle firmware release notes",
				section("Version 1.6 (released May 2024)",
						"Version 1.6 added a keep-warm time that can be set from 10 to 60 minutes."),
				section("Version 1.5 (released October 2023)", "Version 1.5 added a beep when the water has boiled."));
		Chat chat = new Chat(extract());
		chat.history.add(new Turn(Turn.USER, "Which kettle gets firmware updates?"));
		chat.history.add(new Turn(Turn.ASSISTANT, "The K3 kettle; its firmware is installed from the app."));
		// (a follow-up as short as "What was added in version 1.7?" falls below the
		// word-hash model's floor once the page's sentences are read with its title)
		Answer unreleased = chat.ask("What was added to the firmware in version 1.7?");
		assertThat(unreleased.grounded()).as(unreleased.text()).isFalse();
		assertThat(unreleased.refusal().reason()).isEqualTo(Refusal.OTHER_VERSION);
		assertThat(unreleased.text()).contains("1.6").contains("not 1.7").doesNotContain("keep-warm");
		Answer released = new Chat(extract()).ask("What was added in version 1.5 of the K3 kettle firmware?");
		assertThat(released.grounded()).as(released.text()).isTrue();
		assertThat(released.text()).contains("beep").doesNotContain("keep-warm");
	}

	@Test
	void aNumberedNameNoSourceWritesIsNotAnsweredWithTheOthersOfItsKind() {
		add("ferry-routes", "Harbour ferry routes",
				section("Route F2", "Route F2 sails from Old Quay to Gullhaven every 45 minutes, from 06:15."),
				section("Route F4", "Route F4 sails from Old Quay to the beach every hour in summer."));
		Answer other = new Chat(extract()).ask("What is the timetable of the F5 ferry from Old Quay?");
		assertThat(other.grounded()).as(other.text()).isFalse();
		assertThat(other.refusal().reason()).isEqualTo(Refusal.OTHER_VERSION);
		assertThat(other.text()).contains("F2, F4, not F5").doesNotContain("06:15");
		Answer asked = new Chat(extract()).ask("What is the timetable of the F4 ferry from Old Quay?");
		assertThat(asked.grounded()).as(asked.text()).isTrue();
		assertThat(asked.text()).contains("every hour");
	}

	@Test
	void aQuestionAboutOneOfTwoHurricanesIsAskedBackOfferingBoth() {
		Answer answer = new Chat(extract()).ask("How many people died in the hurricane?");
		assertThat(answer.outcome()).as(answer.text()).isEqualTo(Answer.CLARIFY);
		assertThat(answer.text()).contains("Hurricane Katrina").contains("Hurricane Harvey");
	}

	@Test
	void aFollowUpOnOneOfTheThingsAnAnswerPickedIsAskedBackWhateverTheirNames() {
		addMarkets();
		for (String message : List.of("what time does it open?", "what time does one of those open?")) {
			Answer open = marketsPicked("which markets sell fresh fish?").ask(message);
			// the answer picked two, and the message asks of one without saying which
			assertThat(open.outcome()).as(open.trace().toString()).isEqualTo(Answer.CLARIFY);
			assertThat(open.text()).contains("Saltgate Market").contains("Pennyfold");
		}
	}

	@Test
	void aVerbOnlyOnePageWritesDoesNotSayWhichOfThePickedThingsIsMeant() {
		addMarkets();
		// "sell" is what the message does, not what it speaks of: no thing of it says
		// which market is meant
		Answer open = marketsPicked("which markets are there near the harbour?").ask("what does it sell?");
		assertThat(open.outcome()).as(open.trace().toString()).isEqualTo(Answer.CLARIFY);
	}

	private void addMarkets() {
		add("saltgate", "Saltgate Market",
				section("Opening", "Saltgate Market opens at six on Saturdays; the fish stalls are at the back."));
		add("pennyfold", "Pennyfold", section("Market",
				"Pennyfold's market opens at seven every Wednesday and sells fish from the harbour."));
	}

	/** A chat whose answer before picked both markets. */
	private Chat marketsPicked(String question) {
		Chat chat = new Chat(extract());
		chat.history.add(new Turn(Turn.USER, question));
		chat.history.add(new Turn(Turn.ASSISTANT, "Saltgate Market, on Saturdays, and Pennyfold, every Wednesday."));
		return chat;
	}

	@Test
	void aFollowUpOnTwoThingsTheAnswerDescribedWithoutNamingThemIsAskedBackUnlessItSaysWhich() {
		add("wheel", "Wheel-throwing for beginners",
				section("Course", "Eight Tuesday evenings at the old school on Ferry Road.",
						"The course costs 120 pounds; clay and firing are included."));
		add("figure", "Figure drawing at Marsh Lane",
				section("Class", "The class meets on Thursday evenings in the upstairs room of the library.",
						"Each evening costs 9 pounds and you bring your own charcoal."));
		for (String message : List.of("how much does it cost?", "is the clay included?")) {
			Chat chat = new Chat(extract());
			chat.history.add(new Turn(Turn.USER, "are there any evening classes for adults?"));
			// the answer names neither page: it describes each, side by side
			chat.history.add(new Turn(Turn.ASSISTANT, "Two: one about a course on Tuesday evenings at the old school,"
					+ " and one about a class that meets in a room of the library."));
			Answer answer = chat.ask(message);
			if (message.contains("clay")) {
				// only the course's page speaks of clay: the message says which it means
				assertThat(answer.outcome()).as(answer.trace().toString()).isEqualTo(Answer.ANSWERED);
				assertThat(answer.text()).contains("clay and firing are included");
				// and the trace says why it was not asked back
				assertThat(answer.trace().stage(Trace.JUDGE).decisions())
					.filteredOn((decision) -> decision.judge().equals("named-together"))
					.singleElement()
					.satisfies((decision) -> assertThat(decision.detail()).contains("\"clay\" says which of"));
			}
			else {
				assertThat(answer.outcome()).as(answer.trace().toString()).isEqualTo(Answer.CLARIFY);
				assertThat(answer.text()).contains("Wheel-throwing for beginners")
					.contains("Figure drawing at Marsh Lane");
			}
		}
	}

	@Test
	void aChoiceTheAnswerAskedStaysOpenUntilAMessageSaysWhichNotByATitleItNeverShowed() {
		add("indoor", "Boosters for a cat kept indoors",
				section("Vaccines", "A cat that stays in the flat needs the core vaccines against flu and enteritis.",
						"After the first year a booster is due every three years."));
		add("roaming", "Vaccinating a cat that hunts",
				section("Vaccines",
						"A cat that goes outdoors, into gardens and fields, also needs the leukaemia vaccine.",
						"A booster is due every year, before the spring."));
		for (String message : List.of("how often are boosters needed?", "how often do they need a booster?",
				"they hunt in the fields, how often is a booster due?")) {
			Chat chat = new Chat(extract());
			chat.history.add(new Turn(Turn.USER, "I need to get my cats vaccinated"));
			// the answer asks which kind they are, describing each side by side
			chat.history.add(new Turn(Turn.ASSISTANT,
					"Are these cats that stay in the flat, or cats that roam outdoors? The vaccines differ."));
			Answer answer = chat.ask(message);
			if (message.contains("fields")) {
				// only the hunting cats' page speaks of fields: the message says
				// which
				assertThat(answer.outcome()).as(answer.trace().toString()).isEqualTo(Answer.ANSWERED);
				assertThat(answer.text()).contains("A booster is due every year");
			}
			else {
				// "boosters" is in one title only, which the answer never showed, and
				// both
				// pages speak of boosters; "they" are the asker's cats, not both kinds
				assertThat(answer.outcome()).as(message + "\n" + answer.trace()).isEqualTo(Answer.CLARIFY);
				assertThat(answer.text()).contains("kept indoors").contains("a cat that hunts");
			}
		}
	}

	@Test
	void aPersonTheAnswerSpokeOfIsFollowedUpOnItsPageThoughOtherPagesWriteTheWordsAsked() {
		add("light", "Cragside Light",
				section("Keepers", "The first keeper of the Cragside Light was Tobias Wren, a former ship's carpenter.",
						"Wren kept the light for thirty years and later ran the ferry to the island until his death."));
		add("regatta", "Harbour regatta",
				section("Programme", "The rowing races start at ten; afterwards there is a dance on the quay."));
		add("fair", "Harvest fair",
				section("Stalls", "The fair closes at six and afterwards the stalls are cleared by volunteers."));
		Chat chat = new Chat(extract());
		chat.history.add(new Turn(Turn.USER, "who kept the light on the point first?"));
		// the answer reads like the light's page, naming no page and no name of its
		// own
		chat.history.add(new Turn(Turn.ASSISTANT, "A former ship's carpenter, who kept the light for thirty years."));
		Answer answer = chat.ask("what became of him afterwards?");
		// "him" stands for someone the answer spoke of: the light's page is read, though
		// other pages write "afterwards" and it does not
		assertThat(answer.outcome()).as(answer.trace().toString()).isEqualTo(Answer.ANSWERED);
		assertThat(answer.text()).contains("later ran the ferry").doesNotContain("afterwards");
	}

	@Test
	void ofTwoSubjectsAQuestionNamedTheOneItsAnswerSpokeOfStaysInFocus() {
		add("copper-lantern", "The Copper Lantern (novel)",
				section("Plot", "The Copper Lantern is a novel set in Brenna during the mine strike of 1911.",
						"The novel ends with Ada leaving Brenna by the night train, alone."));
		add("copper-lantern-film", "The Copper Lantern (film)",
				section("Film", "The film of The Copper Lantern ends at the pithead, with Ada staying in Brenna."));
		add("brenna-strike", "Brenna mine strike of 1911",
				section("Strike", "The miners of Brenna demanded an eight-hour shift and a rise of a shilling a day.",
						"The strike lasted 40 days, from 2 May to 11 June 1911.",
						"The owners gave way on 12 June and agreed to the eight-hour shift."));
		Chat chat = new Chat(extract());
		// answers whose citations are not known and that quote nothing word for word (a
		// /v1 history): the first speaks of the strike, not of the book its question
		// named
		chat.history.add(new Turn(Turn.USER,
				"I'm reading The Copper Lantern for my book club. What did the miners of the real strike in Brenna demand?"));
		chat.history
			.add(new Turn(Turn.ASSISTANT, "The miners wanted shifts of eight hours and a shilling more a day."));
		chat.history.add(new Turn(Turn.USER, "how long did it last?"));
		chat.history.add(new Turn(Turn.ASSISTANT, "Forty days, from early May until the middle of June."));
		Answer ended = chat.ask("and how did it end?");
		assertThat(documents(ended)).as(ended.trace().toString()).containsExactly("brenna-strike");
		assertThat(ended.text()).doesNotContain("night train").doesNotContain("pithead");
	}

	@Test
	void theOtherOneIsTheThingTheQuestionBeforeNamedThatTheAnswerDidNotSpeakOf() {
		add("elm-park-lido", "Elm Park Lido",
				section("Opening", "On Sundays Elm Park Lido opens at 8:00 and closes at 18:00."));
		add("riverside-baths", "Riverside Baths",
				section("Opening", "On Sundays Riverside Baths opens at 10:00 and closes at 16:00."));
		Chat chat = new Chat(extract());
		chat.history.add(new Turn(Turn.USER,
				"We can't decide between Elm Park Lido and Riverside Baths. When does Elm Park Lido open on Sundays?"));
		chat.history.add(new Turn(Turn.ASSISTANT, "It opens at 8:00, and closes at 18:00."));
		Answer other = chat.ask("what about the other one?");
		assertThat(documents(other)).as(other.trace().toString()).containsExactly("riverside-baths");
		assertThat(other.text()).contains("10:00");
	}

	@Test
	void thingsAnAnswerNamesToSayThereWereSomeAreAChoiceAFollowUpOnOneMustName() {
		add("mary", "Mary (lifeboat)", section("Service", "The Mary was the first lifeboat at Pennan, from 1871.",
				"She was rowed with twelve oars and needed a crew of fourteen."));
		add("grace", "Grace (lifeboat)", section("Service", "The Grace replaced the Mary at Pennan in 1902.",
				"She had a petrol engine and needed a crew of eight."));
		for (String message : List.of("how many crew did she need?", "how many oars did she have?")) {
			Chat chat = new Chat(extract());
			chat.history.add(new Turn(Turn.USER, "were there lifeboats at Pennan?"));
			// single names, of no kind their words say: the question asked for some
			chat.history.add(new Turn(Turn.ASSISTANT,
					"Yes. The first were the Mary, from 1871, and her successor the Grace, from 1902."));
			Answer answer = chat.ask(message);
			if (message.contains("oars")) {
				// only the Mary's page speaks of oars: the message says which
				assertThat(answer.outcome()).as(answer.trace().toString()).isEqualTo(Answer.ANSWERED);
				assertThat(answer.text()).contains("twelve oars");
			}
			else {
				assertThat(answer.outcome()).as(answer.trace().toString()).isEqualTo(Answer.CLARIFY);
				assertThat(answer.text()).contains("Mary").contains("Grace");
			}
		}
	}

	@Test
	void thingsAnAnswerNamesToSayThereIsOneAreAChoiceAFollowUpOnOneMustName() {
		add("gorse-hollow", "Gorse Hollow (campsite)", section("Pitches", "Gorse Hollow has 30 pitches on Skerra.",
				"Its shower block is open from April to October."));
		add("tarnside", "Tarnside Farm (campsite)", section("Pitches", "Tarnside Farm has 12 pitches on Skerra.",
				"Hot showers are free, and the farm shop sells firewood."));
		for (String message : List.of("does it have showers?", "is there a shop that sells firewood?")) {
			Chat chat = new Chat(extract());
			chat.history.add(new Turn(Turn.USER, "is there a campsite on Skerra?"));
			// asked whether there is one, the answer names two: a choice, as after "are
			// there"
			chat.history.add(new Turn(Turn.ASSISTANT,
					"Yes, two: Gorse Hollow, with 30 pitches, and Tarnside Farm, with 12 pitches."));
			Answer answer = chat.ask(message);
			if (message.contains("firewood")) {
				// only Tarnside Farm's page speaks of firewood: the message says which
				assertThat(answer.outcome()).as(answer.trace().toString()).isEqualTo(Answer.ANSWERED);
				assertThat(answer.text()).contains("sells firewood");
			}
			else {
				assertThat(answer.outcome()).as(answer.trace().toString()).isEqualTo(Answer.CLARIFY);
				assertThat(answer.text()).contains("Gorse Hollow").contains("Tarnside Farm");
			}
		}
	}

	@Test
	void thingsAnAnswerCountsBeforeNamingThemAreAChoiceWhateverWasAsked() {
		add("gorse-hollow", "Gorse Hollow", section("Pitches", "Gorse Hollow has 30 pitches on Skerra.",
				"Its shower block is open from April to October."));
		add("tarnside", "Tarnside Farm", section("Pitches", "Tarnside Farm has 12 pitches on Skerra.",
				"Hot showers are free, and the farm shop sells firewood."));
		Chat chat = new Chat(extract());
		chat.history.add(new Turn(Turn.USER, "we want to camp on Skerra for a week, what can we do?"));
		// no "which" or "is there" asked, but the answer says how many it names: a
		// choice
		chat.history.add(new Turn(Turn.ASSISTANT,
				"Skerra has two campsites: Gorse Hollow, with 30 pitches, and Tarnside Farm, with 12 pitches."));
		Answer answer = chat.ask("does it have showers?");
		assertThat(answer.outcome()).as(answer.trace().toString()).isEqualTo(Answer.CLARIFY);
		assertThat(answer.text()).contains("Gorse Hollow").contains("Tarnside Farm");
	}

	@Test
	void aWordOnlyTheSearchFoundOfOneThingSaysNotWhichWhenTheOthersPageSaysItToo() {
		add("tidewell-iphone", "Tidewell for iPhone",
				section("Tickets", "Tidewell for iPhone shows your ferry tickets in its wallet.",
						"Show the ticket at the gate and the crew scans it.",
						"A ticket shows its code full screen, even without a signal."),
				section("Wallet", "Each wallet entry gives the sailing's date and seat."));
		add("tidewell-android", "Tidewell for Android",
				section("Tickets", "Tidewell for Android shows your ferry tickets in the app.",
						"Show the ticket at the gate and the crew scans it.",
						"The Android app does not show the date on a ticket: see your confirmation email."));
		Chat chat = new Chat(extract());
		chat.history.add(new Turn(Turn.USER, "is there a ferry app?"));
		chat.history.add(new Turn(Turn.ASSISTANT,
				"Yes, two: Tidewell for iPhone (version 2.1) and Tidewell for Android (version 1.9)."));
		// the search finds the Android page's sentence on the date, not the iPhone
		// page's, which says it in other words: both say it, so "date" says not which
		Answer answer = chat.ask("does it show the date on a ticket?");
		assertThat(answer.outcome()).as(answer.trace().toString()).isEqualTo(Answer.CLARIFY);
		assertThat(answer.text()).contains("Tidewell for iPhone").contains("Tidewell for Android");
	}

	@Test
	void aThingTheSearchFoundNothingOfIsAReadingWhenItsOwnPageSaysWhatIsAsked() {
		add("gold", "Gold membership",
				section("Guests", "With a Gold membership you get four guest passes a month.",
						"A Gold membership guest pass lets a friend use the gym for a day.",
						"Gold membership guest passes do not roll over to the next month.",
						"How many guest passes you get with a Gold membership is shown in the app.",
						"You get your Gold membership guest passes on the first of each month."),
				section("Pool", "The pool is part of Gold."));
		add("platinum", "Platinum membership", section("Pool", "The pool is part of Platinum."),
				section("Visitors", "Ten guest passes a month come with it."));
		add("basic", "Basic membership", section("Gym", "Basic covers the gym floor only."));
		Chat chat = new Chat(extract());
		chat.history.add(new Turn(Turn.USER, "which memberships include the pool?"));
		chat.history.add(new Turn(Turn.ASSISTANT,
				"Gold membership and Platinum membership both include the pool; it is not part of Basic membership."));
		// the search's five passages are all Gold's; Platinum's own page says how many
		// guest passes it has too
		Answer answer = chat.ask("how many guest passes do I get with it?");
		assertThat(answer.outcome()).as(answer.trace().toString()).isEqualTo(Answer.CLARIFY);
		assertThat(answer.text()).contains("Gold membership").contains("Platinum membership");
		assertThat(answer.citations()).extracting(Citation::documentId).contains("gold", "platinum");
	}

	@Test
	void thingsAnAnswerCallsByTheirNamesAloneAreAChoiceAFollowUpOnOneMustName() {
		kayaks();
		Chat chat = new Chat(extract());
		chat.history.add(new Turn(Turn.USER, "which kayaks can I take out on the sea?"));
		// the titles are "Tern Sprint kayak" and "Marram Drift kayak": the answer calls
		// each by its name alone
		chat.history.add(new Turn(Turn.ASSISTANT, "Two: Tern Sprint, a narrow touring kayak with a skeg, and "
				+ "Marram Drift, a wide sit-on-top kayak for calm days."));
		Answer answer = chat.ask("how much does it weigh?");
		assertThat(answer.outcome()).as(answer.trace().toString()).isEqualTo(Answer.CLARIFY);
		assertThat(answer.text()).contains("Tern Sprint").contains("Marram Drift");
	}

	@Test
	void aNameWrittenInLowerCaseHoldsTheSourcesToItsPagesAsOneWithCapitalsDoes() {
		add("solvig", "Solvig (ferry)", section("History",
				"The Solvig was a paddle ferry launched at Harl in 1893. She carried 240 passengers across the fjord."));
		add("harl-bridge", "Harl Bridge", section("Questions visitors ask",
				"How much did the bridge cost to build? It cost 210,000 crowns to build."));
		Chat chat = new Chat(extract());
		chat.history.add(new Turn(Turn.USER, "which ferries crossed the fjord at harl?"));
		chat.history.add(new Turn(Turn.ASSISTANT, "The Solvig, a paddle ferry launched at Harl in 1893."));
		// the ferry's page gives no cost; the bridge's cost is no answer about her
		Answer answer = chat.ask("how much did the solvig cost to build?");
		assertThat(answer.outcome()).as(answer.trace().toString()).isNotEqualTo(Answer.ANSWERED);
		assertThat(answer.text()).as(answer.trace().toString()).doesNotContain("210,000");
		assertThat(chat.ask("how many passengers did the solvig carry?").text()).contains("240 passengers");
	}

	@Test
	void aQuestionAboutYourThingOfAKindTheDocumentsHoldSeveralOfIsAskedBack() {
		add("harbour-grey", "Harbour Grey exterior paint",
				section("Price", "Harbour Grey is a weatherproof exterior paint for wood and metal.",
						"A 2.5-litre tin of Harbour Grey costs 34 crowns."));
		add("linen-white", "Linen White interior paint",
				section("Price", "Linen White is a washable interior paint for walls and ceilings.",
						"A 2.5-litre tin of Linen White costs 28 crowns."));
		Answer answer = new Chat(extract()).ask("How much is a tin of your paint?");
		assertThat(answer.outcome()).as(answer.trace().toString()).isEqualTo(Answer.CLARIFY);
		assertThat(answer.text()).contains("Harbour Grey").contains("Linen White");
	}

	@Test
	void aThingAnAnswerCallsByItsNameWithoutItsKindIsTheSubjectAFollowUpPointsAt() {
		add("pellan-nine", "Pellan Nine travel telescope",
				section("Specifications", "Pellan Nine packs into a shoulder bag with its mount.",
						"With its mount it weighs 2.1 kg, light enough to carry."));
		add("cases", "Carrying cases",
				section("Cases", "The rucksack case is small and holds a telescope tube and two eyepieces."));
		Chat chat = new Chat(extract());
		chat.history.add(new Turn(Turn.USER, "which of your telescopes is easiest to take on holiday?"));
		// the answer quotes the page and calls the telescope by its name alone, not
		// "Pellan Nine travel telescope"
		chat.history.add(new Turn(Turn.ASSISTANT, "Pellan Nine packs into a shoulder bag with its mount."));
		Answer answer = chat.ask("great. how heavy is it? my rucksack is small");
		assertThat(answer.text()).as(answer.trace().toString()).contains("2.1 kg");
		assertThat(documents(answer)).containsOnly("pellan-nine");
	}

	@Test
	void aSentenceThatAsksNothingDoesNotHoldTheNextQuestionToTheThingItPointsAt() {
		add("tamsin-ridge", "Tamsin Ridge mountain bike",
				section("Frame", "The Tamsin Ridge mountain bike has an aluminium frame and weighs 12.4 kg."));
		add("delivery", "Getting your bike home",
				section("Questions customers ask",
						"How much does delivery cost? Delivery costs £15 within 20 miles of the shop.",
						"Orders over £500 are delivered free."));
		Chat chat = new Chat(extract());
		chat.history.add(new Turn(Turn.USER, "what's your lightest mountain bike?"));
		chat.history.add(new Turn(Turn.ASSISTANT, "The Tamsin Ridge mountain bike, at 12.4 kg."));
		Answer answer = chat.ask("OK, I'll order one. How much does delivery cost?");
		assertThat(answer.outcome()).as(answer.trace().toString()).isEqualTo(Answer.ANSWERED);
		assertThat(answer.text()).as(answer.trace().toString()).contains("£15");
	}

	@Test
	void lastYearIsTheYearBeforeTheOneTheConversationSpeaksOf() {
		add("harbour-grey", "Harbour Grey exterior paint",
				section("Price", "In 2026 a 2.5-litre tin of Harbour Grey costs 34 crowns."));
		add("linen-white", "Linen White interior paint",
				section("Price", "In 2026 a 2.5-litre tin of Linen White costs 28 crowns.",
						"In 2025 a 2.5-litre tin of Linen White cost 26 crowns."));
		Chat grey = new Chat(extract());
		grey.history.add(new Turn(Turn.USER, "what does a tin of harbour grey cost?"));
		grey.history.add(new Turn(Turn.ASSISTANT, "A 2.5-litre tin costs 34 crowns in 2026."));
		Answer answer = grey.ask("and what was it last year?");
		assertThat(answer.outcome()).as(answer.trace().toString()).isEqualTo(Answer.REFUSED);
		assertThat(answer.refusal().detail()).as(answer.trace().toString()).contains("2025");
		Chat white = new Chat(extract());
		white.history.add(new Turn(Turn.USER, "what does a tin of linen white cost?"));
		white.history.add(new Turn(Turn.ASSISTANT, "A 2.5-litre tin costs 28 crowns in 2026."));
		Answer before = white.ask("and what was it last year?");
		assertThat(before.text()).as(before.trace().toString()).contains("26 crowns");
	}

	private void kayaks() {
		add("tern-sprint", "Tern Sprint kayak", section("Specifications",
				"Tern Sprint is a narrow touring kayak with a skeg for open water. It weighs 23 kg."));
		add("marram-drift", "Marram Drift kayak", section("Specifications",
				"Marram Drift is a wide sit-on-top kayak, steady on calm days. It weighs 27 kg."));
	}

	@Test
	void aThingTheAnswerSetsAgainstTheOneItPickedIsNotAChoice() {
		add("classic-canoe", "Classic Canoe",
				section("Hire", "The Classic Canoe has a dry hatch that holds 20 kg of luggage."));
		add("racing-canoe", "Racing Canoes",
				section("Hire", "Racing Canoes have a small hatch that holds 5 kg of luggage."));
		Chat chat = new Chat(extract());
		chat.history.add(new Turn(Turn.USER, "which boat can I take along the canal?"));
		chat.history.add(new Turn(Turn.ASSISTANT, "Only a Classic Canoe: Racing Canoes are not allowed on the canal."));
		Answer hatch = chat.ask("how much luggage can I put in its hatch?");
		assertThat(hatch.outcome()).as(hatch.trace().toString()).isEqualTo(Answer.ANSWERED);
		assertThat(hatch.text()).contains("20 kg");
	}

	@Test
	void twoModelsOfANameAreAskedBackUnlessTheQuestionSaysWhichByItsNumber() {
		add("ferro-24", "Ferro 24 Casserole",
				section("Specifications", "The Ferro 24 casserole holds 3.8 litres and is 24 cm across."));
		add("ferro-28", "Ferro 28 Casserole",
				section("Specifications", "The Ferro 28 casserole holds 6.7 litres and is 28 cm across."));
		Answer either = new Chat(extract()).ask("What is the capacity of the Ferro casserole?");
		assertThat(either.outcome()).as(either.text()).isEqualTo(Answer.CLARIFY);
		assertThat(either.text()).contains("Ferro 24 Casserole").contains("Ferro 28 Casserole");
		Answer named = new Chat(extract()).ask("What is the capacity of the Ferro 28 casserole?");
		assertThat(named.outcome()).as(named.text()).isEqualTo(Answer.ANSWERED);
		assertThat(named.text()).contains("6.7 litres");
	}

	@Test
	void aNameSeveralPagesAreTitledWithIsAskedBackUnlessTheQuestionOrTheAnswerBeforeSaysWhich() {
		add("tomas-eke", "Tomas Eke", section("Early life", "Tomas Eke was born in Ossby in 1841."));
		add("anders-eke", "Anders Eke", section("Early life", "Anders Eke was born in Ossby in 1847."));
		add("salt-novel", "The Salt Winter (novel)",
				section("Plot", "The Salt Winter ends with Lisa sailing alone for America."));
		add("salt-film", "The Salt Winter (film)",
				section("Plot", "The Salt Winter ends with Lisa staying in Harl with her father."));
		Answer eke = new Chat(extract()).ask("When was Eke born?");
		assertThat(eke.outcome()).as(eke.text()).isEqualTo(Answer.CLARIFY);
		assertThat(eke.text()).contains("Tomas Eke").contains("Anders Eke");
		Answer salt = new Chat(extract()).ask("How does The Salt Winter end?");
		assertThat(salt.outcome()).as(salt.text()).isEqualTo(Answer.CLARIFY);
		assertThat(salt.text()).contains("The Salt Winter (novel)").contains("The Salt Winter (film)");
		// the question or the answer before says which
		Answer anders = new Chat(extract()).ask("When was Anders Eke born?");
		assertThat(anders.outcome()).as(anders.text()).isEqualTo(Answer.ANSWERED);
		assertThat(anders.text()).contains("1847");
		Answer film = new Chat(extract()).ask("How does the film of The Salt Winter end?");
		assertThat(film.outcome()).as(film.text()).isEqualTo(Answer.ANSWERED);
		Chat chat = new Chat(extract());
		chat.history.add(new Turn(Turn.USER, "Who designed the first viaduct?"));
		chat.history.add(new Turn(Turn.ASSISTANT, "Tomas Eke designed it."));
		Answer meant = chat.ask("When was Eke born?");
		assertThat(meant.outcome()).as(meant.text()).isNotEqualTo(Answer.CLARIFY);
	}

	@Test
	void aNameSeveralPagesTitleWithANumberAfterItIsAskedBackUnlessTheQuestionSaysWhich() {
		add("velanor-200", "Velanor 200 mg Tablets",
				section("How long", "Do not take Velanor 200 mg for more than 10 days without seeing a doctor."));
		add("velanor-400", "Velanor 400 mg Tablets",
				section("How long", "Do not take Velanor 400 mg for more than 5 days without seeing a doctor."));
		// typed without its capital, the name is still a name
		Answer days = new Chat(extract()).ask("how many days can I take velanor for?");
		assertThat(days.outcome()).as(days.text()).isEqualTo(Answer.CLARIFY);
		assertThat(days.text()).contains("Velanor 200 mg Tablets").contains("Velanor 400 mg Tablets");
		Answer strong = new Chat(extract()).ask("how many days can I take velanor 400 for?");
		assertThat(strong.outcome()).as(strong.text()).isEqualTo(Answer.ANSWERED);
		assertThat(strong.text()).contains("5 days");
		// a figure within a name is part of it: "COVID-19" is no version of "COVID"
		add("covid-about", "About COVID-19 Vaccines", section("How", "COVID-19 vaccines teach the body to fight."));
		add("covid-testing", "COVID-19 Vaccines And Testing",
				section("Testing", "COVID-19 vaccines do not change a test result."));
		Answer covid = new Chat(extract()).ask("how does COVID-19 Vaccines work?");
		assertThat(covid.outcome()).as(covid.text()).isNotEqualTo(Answer.CLARIFY);
		// a year after a name is no version: one company's filings, told apart by the
		// period asked
		add("corning-2021", "CORNING 2021 10K", section("Tax", "The effective tax rate was 16.0% in 2021."));
		add("corning-2022", "CORNING 2022 10K", section("Tax", "The effective tax rate was 20.0% in 2022."));
		Answer tax = new Chat(extract()).ask("How much has the effective tax rate of Corning changed?");
		assertThat(tax.outcome()).as(tax.text()).isNotEqualTo(Answer.CLARIFY);
	}

	@Test
	void eachTimeAsksHowOftenNotOfEveryThingTheAnswerBeforeNamed() {
		add("fennick", "Fennick Falls Trail", section("Length", "The Fennick Falls Trail is 6 km long."),
				section("Water", "Take a litre of water each time you walk it."));
		add("heronsway", "Heronsway Trail", section("Length", "The Heronsway Trail is 9 km long."),
				section("Water", "Take two litres of water each time you walk it."));
		Chat chat = new Chat(extract());
		chat.history.add(new Turn(Turn.USER, "Which trails can I take my dog on?"));
		chat.history.add(new Turn(Turn.ASSISTANT, "The Fennick Falls Trail and the Heronsway Trail both allow dogs."));
		Answer water = chat.ask("how much water should I take each time?");
		assertThat(water.outcome()).as(water.text()).isEqualTo(Answer.CLARIFY);
	}

	@Test
	void anAnswerThatPicksNoneFirstAndSpeaksOfEachInTurnOffersThemAll() {
		add("fennick", "Fennick Falls Trail", section("Length", "The Fennick Falls Trail is 6 km long."),
				section("Parking", "Parking at the Fennick Falls Trail costs £3 a day."));
		add("heronsway", "Heronsway Trail", section("Length", "The Heronsway Trail is 9 km long."),
				section("Parking", "Parking at the Heronsway Trail costs £5 a day."));
		Chat chat = new Chat(extract());
		chat.history.add(new Turn(Turn.USER, "I want to walk the dog on Saturday"));
		chat.history.add(new Turn(Turn.ASSISTANT,
				"Both trails allow dogs on Saturdays. Fennick Falls is 6 km long. Heronsway is 9 km long."));
		Answer parking = chat.ask("how much is parking?");
		assertThat(parking.outcome()).as(parking.text()).isEqualTo(Answer.CLARIFY);
		// an answer that picked one first is about it
		Chat picked = new Chat(extract());
		picked.history.add(new Turn(Turn.USER, "I want to walk the dog on Saturday"));
		picked.history.add(new Turn(Turn.ASSISTANT, "Fennick Falls allows dogs on Saturdays. Heronsway does not."));
		Answer fennick = picked.ask("how much is parking?");
		assertThat(fennick.outcome()).as(fennick.text()).isEqualTo(Answer.ANSWERED);
		assertThat(fennick.text()).contains("£3");
	}

	@Test
	void anAnswerThatGoesOnNamingWhatItsQuestionPointedAtKeepsItInFocus() {
		add("plan-growth", "Ledgerly Growth",
				section("Price", "Ledgerly Growth costs £49 a month or £490 a year in 2026."),
				section("Users", "Ledgerly Growth includes 25 users."));
		add("plan-team", "Ledgerly Team", section("Price", "Ledgerly Team costs £26 a month or £260 a year in 2026."));
		add("support-uk", "UK and Ireland support team",
				section("Contact", "Growth customers can use email, live chat and telephone support.",
						"The UK and Ireland team answers the phone from 8 am to 6 pm."));
		Chat chat = new Chat(extract());
		chat.history.add(new Turn(Turn.USER, "which plan would fit a team of 12?"));
		chat.history.add(new Turn(Turn.ASSISTANT, "Ledgerly Growth: it includes 25 users."));
		chat.history.add(new Turn(Turn.USER, "does it come with phone support? I hate live chat"));
		chat.history.add(new Turn(Turn.ASSISTANT, "Yes. Growth customers can use email, live chat and telephone "
				+ "support; the UK and Ireland team's number for Growth customers is 0113 496 0582."));
		Answer price = chat.ask("what's the yearly price?");
		assertThat(price.trace().stage(Trace.REWRITE).note()).contains("Ledgerly Growth");
		assertThat(price.text())
			.as(price.trace().stage(Trace.REWRITE).note() + " | " + price.trace().stage(Trace.REWRITE).gave())
			.contains("£490")
			.doesNotContain("£260");
	}

	@Test
	void aFirstMessageThatPointsBackAtNothingIsAskedBackOfferingTheDocumentsFound() {
		Answer answer = new Chat(extract()).ask("How is it treated?");
		assertThat(answer.outcome()).as(answer.text()).isEqualTo(Answer.CLARIFY);
		assertThat(answer.text()).startsWith("Which document do you mean?").contains("[1]").contains("[2]");
		// the same words after a turn that named the subject: answered from it
		Chat chat = new Chat(extract());
		chat.ask("What causes viral pneumonia?");
		Answer treated = chat.ask("How is it treated?");
		assertThat(treated.outcome()).as(treated.text()).isEqualTo(Answer.ANSWERED);
		// an "it" that stands for what follows it points at nothing
		Answer possible = new Chat(extract()).ask("Is it possible to treat pneumonia with antibiotics?");
		assertThat(possible.outcome()).as(possible.text()).isNotEqualTo(Answer.CLARIFY);
	}

	@Test
	void aTableRowTwoDocumentsGiveIsAskedBackUnlessTheQuestionSaysWhose() {
		add("old-quay", "Old Quay Terminal", section("Opening hours", "| Building | 05:45–23:30 every day |",
				"| Ticket office | Monday to Saturday 06:00–20:00, Sunday 08:00–18:00 |"));
		add("pennick", "Pennick Point Terminal", section("Opening hours", "| Building | 05:30–23:00 every day |",
				"| Ticket office | Monday to Saturday 07:00–19:00, Sunday 09:00–13:00 |"));
		Chat chat = new Chat(extract());
		chat.history.add(new Turn(Turn.USER, "Where are your terminals?"));
		chat.history.add(new Turn(Turn.ASSISTANT, "There are two: Old Quay Terminal and Pennick Point Terminal."));
		Answer open = chat.ask("When is the ticket office open on a Sunday?");
		assertThat(open.outcome()).as(open.trace().toString()).isEqualTo(Answer.CLARIFY);
		assertThat(open.text()).contains("Old Quay Terminal").contains("Pennick Point Terminal");
		Answer named = new Chat(extract()).ask("When is the ticket office at Pennick Point open on a Sunday?");
		assertThat(named.outcome()).as(named.text()).isEqualTo(Answer.ANSWERED);
		assertThat(documents(named)).containsOnly("pennick");
		Chat one = new Chat(extract());
		one.history.add(new Turn(Turn.USER, "Where do the beach ferries leave from?"));
		one.history.add(new Turn(Turn.ASSISTANT, "From Pennick Point Terminal."));
		Answer focused = one.ask("When is the ticket office open on a Sunday?");
		assertThat(focused.outcome()).as(focused.trace().toString()).isEqualTo(Answer.ANSWERED);
		assertThat(documents(focused)).containsOnly("pennick");
	}

	@Test
	void aFollowUpOnOneOfTwoThingsTheAnswerNamedIsAskedBackUnlessItSaysWhich() {
		add("fennick", "Fennick Falls Trail", section("The trail", "Dogs are welcome on a lead.",
				"The trail is 5.2 km long and takes about two hours.", "Anglers may fish the pool below the falls."));
		add("heronsway", "Heronsway Trail", section("The trail", "Dogs are welcome on a lead.",
				"The trail is 8.4 km long and takes about three hours.", "Bring binoculars for the heron colony."));
		List<Turn> history = List.of(new Turn(Turn.USER, "Which trails can I take my dog on?"),
				new Turn(Turn.ASSISTANT, "The Fennick Falls Trail and the Heronsway Trail both allow dogs on a lead."));
		Chat chat = new Chat(extract());
		chat.history.addAll(history);
		Answer open = chat.ask("How long is it?");
		assertThat(open.outcome()).as(open.trace().toString()).isEqualTo(Answer.CLARIFY);
		assertThat(open.text()).startsWith("Which trail do you mean?")
			.contains("Fennick Falls Trail")
			.contains("Heronsway Trail");
		// asked of both, or of the one only its page speaks of: answered
		Chat both = new Chat(extract());
		both.history.addAll(history);
		Answer asked = both.ask("How long are they?");
		assertThat(asked.outcome()).as(asked.trace().toString()).isEqualTo(Answer.ANSWERED);
		Chat birds = new Chat(extract());
		birds.history.addAll(history);
		Answer binoculars = birds.ask("Should I bring binoculars?");
		assertThat(binoculars.outcome()).as(binoculars.trace().toString()).isEqualTo(Answer.ANSWERED);
		assertThat(documents(binoculars)).containsOnly("heronsway");
		// one named, the other set against it in a sentence of its own: the first is
		// meant
		Chat contrast = new Chat(extract());
		contrast.history.add(new Turn(Turn.USER, "Which trail can I take my dog on?"));
		contrast.history.add(new Turn(Turn.ASSISTANT,
				"The Fennick Falls Trail, on a lead. The Heronsway Trail is closed to dogs in spring."));
		Answer meant = contrast.ask("How long is it?");
		assertThat(meant.outcome()).as(meant.trace().toString()).isEqualTo(Answer.ANSWERED);
	}

	@Test
	void twoEventsTheAnswerNamedWithTheirMonthsAreAskedBackOfferingBoth() {
		add("martinmas", "Martinmas Gale of 1879",
				section("Deaths", "The gale killed 54 people, and 31 people died when the viaduct fell."));
		add("candlemas", "Candlemas Gale of 1911",
				section("Deaths", "Twelve people died when the surge flooded Harl."));
		Chat chat = new Chat(extract());
		chat.history.add(new Turn(Turn.USER, "What big storms have hit Harl?"));
		chat.history.add(new Turn(Turn.ASSISTANT,
				"The Martinmas Gale of November 1879 and the Candlemas Gale of February 1911."));
		Answer answer = chat.ask("How many people died?");
		assertThat(answer.outcome()).as(answer.text()).isEqualTo(Answer.CLARIFY);
		assertThat(answer.text()).startsWith("Which gale do you mean?")
			.contains("Martinmas Gale of 1879")
			.contains("Candlemas Gale of 1911");
	}

	@Test
	void aKindOfWhichTheAnswerBeforeNamedOneIsThatOne() {
		add("camping", "Backcountry camping permit",
				section("Fees", "The permit costs $6 a night for an adult and $3 for a child."));
		add("fishing", "Fishing permit",
				section("Who needs one", "Anyone aged 16 or over who fishes needs the permit; kids under 16 fish free.",
						"The permit costs $12 a day or $45 a season."));
		String asked = "What would the permit cost for my kids, aged 14 and 16?";
		Answer open = new Chat(extract()).ask(asked);
		assertThat(open.outcome()).as(open.trace().toString()).isEqualTo(Answer.CLARIFY);
		Chat chat = new Chat(extract());
		chat.history.add(new Turn(Turn.USER, "Do I need anything to stay at Kettle Pond overnight?"));
		chat.history.add(new Turn(Turn.ASSISTANT, "Yes: every night there needs a backcountry camping permit."));
		Answer named = chat.ask(asked);
		assertThat(named.outcome()).as(named.trace().toString()).isNotEqualTo(Answer.CLARIFY);
	}

	@Test
	void aSectionSeveralDocumentsShareIsAskedBackWhenNothingNamesWhose() {
		Answer answer = new Chat(extract()).ask("What are the symptoms?");
		assertThat(answer.outcome()).as(answer.text()).isEqualTo(Answer.CLARIFY);
		assertThat(answer.text()).contains("Diabetes").contains("Leukaemia");
		Chat chat = new Chat(extract());
		chat.ask("What is diabetes treated with?");
		Answer named = chat.ask("What are the symptoms?");
		assertThat(named.outcome()).as(named.text()).isEqualTo(Answer.ANSWERED);
		assertThat(documents(named)).containsOnly("diabetes");
	}

	@Test
	void aSectionEveryMembershipHasIsAskedBackWhenTheQuestionAsksHowLong() {
		add("basic", "Ironvale Basic", section("Free trial", "A new Basic membership has a 7-day free trial."));
		add("plus", "Ironvale Plus", section("Free trial", "A new Plus membership has a 14-day free trial."));
		Answer answer = new Chat(extract()).ask("how long is the free trial");
		assertThat(answer.outcome()).as(answer.trace().toString()).isEqualTo(Answer.CLARIFY);
		assertThat(answer.text()).contains("Ironvale Basic").contains("Ironvale Plus");
	}

	@Test
	void aSectionOfTwoPagesWhoseTitlesSayTheRestOfTheQuestionIsAskedBack() {
		add("north", "North branch customer support",
				section("Opening hours", "North branch support hours are Monday to Friday, 8:00 to 18:00."));
		add("south", "South branch customer support",
				section("Opening hours", "South branch support hours are Monday to Saturday, 9:00 to 17:00."));
		Answer answer = new Chat(extract()).ask("what are your support hours?");
		assertThat(answer.outcome()).as(answer.trace().toString()).isEqualTo(Answer.CLARIFY);
		assertThat(answer.text()).contains("North branch customer support").contains("South branch customer support");
		Answer named = new Chat(extract()).ask("what are the north branch support hours?");
		assertThat(named.outcome()).as(named.trace().toString()).isEqualTo(Answer.ANSWERED);
		assertThat(named.text()).contains("8:00");
	}

	@Test
	void theNameAQuestionAskedOfStaysInFocusBesideWhatItsAnswerNamed() {
		add("harbour", "harbour",
				section("Harbour history", "The harbour was dredged in 1902 to let larger steamers in."),
				section("Fishing fleet", "In 1950 the fleet counted forty boats, most of them trawlers."),
				section("Lighthouse", "The lighthouse on Kestrel Point was automated in 1987.",
						"Before that, three keepers lived there in rotation."));
		List<Turn> history = List.of(new Turn(Turn.USER, "Tell me about the lighthouse on Kestrel Point."),
				new Turn(Turn.ASSISTANT, "It stands at the harbour mouth."));
		Answer automated = extract().answer(new AnswerRequest(KB, "When was it automated?", history, List.of(), null,
				new AnswerRequest.Settings(5, null, null, null), null)
			.traced(), (token) -> {
			});
		assertThat(automated.grounded()).as(automated.text()).isTrue();
		assertThat(automated.text()).contains("1987");
		// the name the question asked of stays beside what the answer named
		assertThat(automated.trace().stage(Trace.REWRITE).gave()).contains("Kestrel");
	}

	@Test
	void aQuantityAskedIsAnsweredByAFigureOrSaysTheNearestPassagesGiveNone() {
		add("harbour", "Harbour", section("Dredging", "The harbour was dredged in 1902 to let larger steamers in."),
				section("Fishing fleet", "In 1950 the fleet counted forty boats, most of them trawlers."));
		Answer boats = new Chat(extract()).ask("How many boats did the harbour's fishing fleet count?");
		assertThat(boats.grounded()).as(boats.text()).isTrue();
		assertThat(boats.text()).contains("forty boats");
		Answer cost = new Chat(extract())
			.ask("How much did it cost when the harbour was dredged to let larger steamers in?");
		assertThat(cost.grounded()).as(cost.text()).isFalse();
		assertThat(cost.refusal().reason()).isEqualTo(Refusal.NO_FIGURE);
		assertThat(cost.text()).contains("give no price or cost");
	}

	@Test
	void aQuestionOfTwoQuantitiesIsAnsweredInPartByAFigureOfOne() {
		add("harbour", "Harbour", section("Dredging", "The harbour was dredged in 1902 to let larger steamers in."),
				section("Fishing fleet", "In 1950 the fleet counted forty boats, most of them trawlers."));
		Answer both = new Chat(extract())
			.ask("How many boats did the harbour's fishing fleet count, and how long were they at sea?");
		assertThat(both.grounded()).as(both.text()).isTrue();
		assertThat(both.text()).contains("forty boats");
	}

	@Test
	void aMessageThatAsksNothingOfItsOwnAsksTheQuestionBeforeAgainWithWhatItAdds() {
		add("library-cards", "Library cards",
				section("Joining", "Anyone who lives or works in the county can join the library.",
						"Bring a document with your address when you join."),
				section("Fees", "An adult card costs $12 a year.", "Readers aged 65 and over pay $4 a year."));
		Chat chat = new Chat(extract());
		Answer adult = chat.ask("How much does a library card cost?");
		assertThat(adult.text()).as(adult.text()).contains("$12");
		Answer older = chat.ask("I'm 70, if that makes any difference");
		assertThat(older.trace().stage(Trace.REWRITE).gave()).contains("How much does a library card cost?");
		assertThat(older.trace().stage(Trace.REWRITE).note()).contains("asks no question of its own");
		assertThat(older.grounded()).as(older.text()).isTrue();
		// the price asked again: the nearest sentences give one
		assertThat(older.text()).containsPattern("\\$\\d");
		// a first word written with a capital is no name once the question before ends
		Chat joining = new Chat(extract());
		joining.history.add(new Turn(Turn.USER, "can I join the library"));
		joining.history.add(new Turn(Turn.ASSISTANT, "Anyone who lives or works in the county can join the library.",
				List.of("library-cards"), false));
		Answer great = joining.ask("Great, I live in the county.");
		assertThat(great.trace().stage(Trace.REWRITE).gave()).startsWith("can I join the library? Great");
		assertThat(great.trace().stage(Trace.REWRITE).note()).doesNotContain("names Great");
		// a bare topic is a question of its own
		Answer topic = chat.ask("Joining");
		assertThat(topic.trace().stage(Trace.REWRITE).gave()).doesNotContain("cost");
	}

	@Test
	void aQuestionTypedWithoutItsApostropheAsksOfItsOwn() {
		add("library-cards", "Library cards",
				section("Joining", "Anyone who lives or works in the county can join the library.",
						"Bring a document with your address when you join."),
				section("Contact", "The email address of the head librarian is librarian@county.example.",
						"The head librarian is Ada Quill."));
		Chat chat = new Chat(extract());
		chat.ask("Who can join the library?");
		// "whats" asks: the message is its own question, not the one before asked again
		Answer email = chat.ask("whats her email address");
		assertThat(email.trace().stage(Trace.REWRITE).note()).doesNotContain("asks no question of its own");
		assertThat(email.trace().stage(Trace.REWRITE).gave()).doesNotContain("Who can join");
		assertThat(email.text()).as(email.text()).contains("librarian@county.example");
	}

	@Test
	void aMessageThatSaysItMovesOnCarriesNothingOfTheSubjectBefore() {
		add("climbing-wall", "Climbing wall", section("Rules", "The climbing wall is open until 21:00 on weekdays.",
				"Children under 14 must climb with an adult."));
		add("swimming-pool", "Swimming pool", section("Rules", "The pool is open until 20:00 on weekdays.",
				"Children under 8 may not swim without an adult in the water."));
		Chat chat = new Chat(extract());
		chat.ask("How late is the climbing wall open?");
		// the children the climbing wall's page speaks of are not what is asked: the
		// message said it leaves the climbing wall
		Answer swim = chat.ask("ok thanks. different question, may children swim without an adult?");
		assertThat(swim.trace().stage(Trace.REWRITE).note()).contains("moves on");
		assertThat(swim.trace().stage(Trace.REWRITE).gave()).isEqualTo("may children swim without an adult?");
		assertThat(swim.trace().stage(Trace.REWRITE).conversation().focus()).isEmpty();
		assertThat(swim.grounded()).as(swim.text()).isTrue();
		assertThat(documents(swim)).containsOnly("swimming-pool");
	}

	@Test
	void aCorrectionPutsAsideWhatTheAnswerBeforeNamedAndAsksItsQuestionAgain() {
		add("classic-bikes", "Classic bikes", section("Fees", "Unlocking a classic bike costs £1.20.",
				"A classic bike may be kept out for up to 24 hours."));
		add("electric-bikes", "Electric bikes", section("Fees", "Unlocking an electric bike costs £2.50.",
				"An electric bike's battery lasts for about 60 km."));
		Chat chat = new Chat(extract());
		chat.history.add(new Turn(Turn.USER, "How much is the unlock fee on the hire bikes?"));
		chat.history.add(
				new Turn(Turn.ASSISTANT, "Unlocking a classic bike costs £1.20 [1].", List.of("classic-bikes"), false));
		Answer electric = chat.ask("Sorry, I meant the electric ones.");
		assertThat(electric.trace().stage(Trace.REWRITE).conversation().focus()).extracting("label")
			.doesNotContain("Classic bikes");
		assertThat(electric.grounded()).as(electric.text()).isTrue();
		assertThat(documents(electric)).containsOnly("electric-bikes");
		assertThat(electric.text()).contains("£2.50");
	}

	@Test
	void aLengthOrPriceAskedIsAnsweredByAFigureWithItsUnitNotByAnyFigure() {
		add("harbour", "Harbour",
				section("Dredging", "The harbour was dredged by two steam dredgers in 1902 to let larger steamers in."),
				section("Fishing fleet", "In 1950 the fleet counted forty boats, most of them trawlers."));
		Answer dredging = new Chat(extract()).ask("How long did the dredging of the harbour take?");
		assertThat(dredging.grounded()).as(dredging.text()).isFalse();
		assertThat(dredging.refusal().reason()).isEqualTo(Refusal.NO_FIGURE);
		assertThat(dredging.text()).contains("give no figure with its unit");
		add("pier", "Pier", section("Breakwater", "The breakwater runs 400 metres out from the old quay."),
				section("Moorings", "The harbour board sets the mooring fee for visiting yachts each spring.",
						"Visiting yachts pay €25 a night to moor at the pontoon."));
		Answer breakwater = new Chat(extract()).ask("How long is the breakwater?");
		assertThat(breakwater.grounded()).as(breakwater.text()).isTrue();
		assertThat(breakwater.text()).contains("400 metres");
		Answer fee = new Chat(extract()).ask("What is the mooring fee for visiting yachts?");
		assertThat(fee.grounded()).as(fee.text()).isTrue();
		assertThat(fee.text()).contains("€25").doesNotContain("each spring");
	}

	@Test
	void aLengthAskedIsOfTheThingTheQuestionMeasuresNotOfAnotherOnItsPage() {
		add("brockley", "Brockley Baths", section("Joining",
				"Book an assessment online: each swimmer is placed in a group within 3 days, however long the list is.",
				"Lessons run on weekday evenings, in groups of up to eight swimmers."));
		add("harrow", "Harrow Vale Pool", section("Joining",
				"Book an assessment at reception, and a teacher places you in a group within 5 days of booking.",
				"Each lesson lasts 30 minutes."));
		for (String pool : List.of("Brockley Baths", "Harrow Vale Pool")) {
			Chat chat = new Chat(extract());
			chat.history.add(new Turn(Turn.USER, "how do I join the swimming lessons at " + pool + "?"));
			chat.history.add(new Turn(Turn.ASSISTANT, "Book an assessment, and a teacher places you in a group."));
			Answer length = chat.ask("how long is each lesson?");
			if (pool.startsWith("Brockley")) {
				// the days to a place in a group measure no lesson
				assertThat(length.grounded()).as(length.trace().toString()).isFalse();
				assertThat(length.refusal().reason()).isEqualTo(Refusal.NO_FIGURE);
			}
			else {
				assertThat(length.grounded()).as(length.trace().toString()).isTrue();
				assertThat(length.text()).contains("30 minutes");
			}
		}
	}

	@Test
	void aFollowUpReadsEverySectionOfItsSubjectsOnePageDocument() {
		add("cinder-flats", "Cinder Flats Campground",
				section("Sites", "Cinder Flats Campground takes motorhomes up to 14 m long."),
				section("Services", "Campers pay the camp host; a pay phone stands by the toilets."),
				section("Dump station", "Campers empty their tanks at the dump station for free."));
		add("day-pass", "Day Pass", section("Buying", "You pay for a Day Pass at the machines in every car park."));
		// hybrid search keeps one chunk a page, as the service's does: a Markdown page is
		// one page, so a search of it alone gave its best chunk only
		this.search = new KnowledgeBaseSearch(new QueryShaper(),
				new Retriever(this.index, new Fusion(Fusion.Method.RANKS, 60, 1, 1, 10, true, 0)), Reranking.off());
		Chat chat = new Chat(extract());
		chat.history.add(new Turn(Turn.USER, "Which campground can fit a 13 metre motorhome?"));
		chat.history.add(new Turn(Turn.ASSISTANT, "Cinder Flats Campground takes motorhomes up to 14 m long."));
		Answer tanks = chat.ask("Can we empty the tanks there?");
		assertThat(tanks.grounded()).as(tanks.text()).isTrue();
		assertThat(tanks.text()).contains("dump station");
		assertThat(tanks.trace().stage(Trace.GENERATE).candidates()).map(Trace.Candidate::chunkId)
			.contains("cinder-flats:0", "cinder-flats:1", "cinder-flats:2");
	}

	@Test
	void theYearBeforeIsTheYearBeforeTheOneTheConversationSpokeOf() {
		Chat chat = new Chat(extract());
		Answer asked = chat.ask("What were 3M's total net sales in 2022?");
		assertThat(asked.grounded()).as(asked.text() + asked.trace()).isTrue();
		Answer before = chat.ask("And the year before?");
		assertThat(before.trace().stage(Trace.REWRITE).conversation().periods()).containsExactly("2021");
		assertThat(before.trace().stage(Trace.REWRITE).gave()).contains("net sales in 2021");
		// the answer told the year when the question did not
		add("birchwater", "Birchwater Campground", section("Fees", "Site | 2025 | 2026", "Electric site | $42 | $45"));
		Chat fees = new Chat(extract());
		fees.history.add(new Turn(Turn.USER, "How much is an electric site at Birchwater?"));
		fees.history.add(new Turn(Turn.ASSISTANT, "$45 a night in 2026."));
		Answer earlier = fees.ask("and the year before?");
		assertThat(earlier.trace().stage(Trace.REWRITE).conversation().periods()).containsExactly("2025");
	}

	@Test
	void aYearThatRunsIntoTheNextIsAskedAsTheYearItStartsIn() {
		add("tollgate", "Tollgate Court",
				section("Rent per week", "Weekly rent | 2025/26 | 2026/27\nWeekly rent, standard room | £201 | £209"
						+ "\nWeekly rent, en-suite room | £229 | £238"));
		Chat chat = new Chat(extract());
		chat.history.add(new Turn(Turn.USER, "what is the weekly rent of an en-suite room at tollgate court"));
		chat.history.add(new Turn(Turn.ASSISTANT, "£238 a week in 2026/27."));
		Answer asked = chat.ask("what about this year, 25/26?");
		assertThat(asked.trace().stage(Trace.REWRITE).conversation().periods()).containsExactly("2025");
		assertThat(asked.grounded()).as(asked.text()).isTrue();
		assertThat(asked.text()).contains("en-suite room — 2025/26: £229");
		// a year no passage gives is not answered with the others
		Answer other = chat.ask("and in 2024/25?");
		assertThat(other.trace().stage(Trace.REWRITE).conversation().periods()).containsExactly("2024");
		assertThat(other.grounded()).as(other.text()).isFalse();
		assertThat(other.text()).doesNotContain("£");
	}

	@Test
	void placesAnAnswerOffersAfterTheSamePrepositionAreAChoiceAFollowUpOnOneMustName() {
		add("hollin-hut", "Hollin Hut",
				section("Beds", "Hollin Hut stands below the north col, with 24 bunks in four rooms.",
						"A bunk costs 38 euros a night, with dinner."));
		add("scarrow-refuge", "Scarrow Refuge",
				section("Beds", "Scarrow Refuge stands on the glacier moraine, with 40 bunks and a drying room.",
						"A bunk costs 31 euros a night, with no meals."));
		for (String message : List.of("How much a night for one of those?",
				"How much a night at the one with no meals?")) {
			Chat chat = new Chat(extract());
			chat.history.add(new Turn(Turn.USER, "Where can I sleep near the glacier?"));
			// a name and a noun phrase, each after "at": the tagger reads them as two
			// kinds of word, the repeated preposition says they are two of a kind
			chat.history.add(new Turn(Turn.ASSISTANT, "At Hollin, in one of four rooms below the col, and at"
					+ " Scarrow, in the bunk room beside the drying room."));
			Answer answer = chat.ask(message);
			if (message.contains("meals")) {
				// only the refuge's page speaks of meals: the message says which
				assertThat(answer.outcome()).as(answer.trace().toString()).isEqualTo(Answer.ANSWERED);
				assertThat(answer.text()).contains("31 euros").doesNotContain("38 euros");
			}
			else {
				assertThat(answer.outcome()).as(answer.trace().toString()).isEqualTo(Answer.CLARIFY);
				assertThat(answer.text()).contains("Hollin Hut").contains("Scarrow Refuge");
			}
		}
	}

	private AnswerEngine extract() {
		ExtractiveGenerator generator = new ExtractiveGenerator(this.embeddings, this.embeddings::embed, 0.3, 2);
		Judge judge = Judges.of(new SimilarityFloor(this.embeddings, this.embeddings::embed, 0.0), NamesRule.PROPER);
		return new StagedAnswerEngine(new StagedAnswerEngine.Stages(new ConversationReader(this.search), this.search,
				new Grounding(this.search, true, NamesRule.PROPER, 2), judge, List.of(new Focus(this.search)),
				generator, new Citations(null)));
	}

	private AnswerEngine model(String reply) {
		ChatModel model = new ChatModel() {

			@Override
			public ChatResponse call(Prompt prompt) {
				ConversationStateTests.this.prompts.add(prompt.getContents());
				return new ChatResponse(List.of(new Generation(new AssistantMessage("3M litigation"))));
			}

			@Override
			public Flux<ChatResponse> stream(Prompt prompt) {
				ConversationStateTests.this.prompts.add(prompt.getContents());
				return Flux.just(new ChatResponse(List.of(new Generation(new AssistantMessage(reply)))));
			}

		};
		Judge judge = Judges.of(new SimilarityFloor(this.embeddings, this.embeddings::embed, 0.0), NamesRule.PROPER);
		return new StagedAnswerEngine(
				new StagedAnswerEngine.Stages(new CompressingQueryRewriter(model, new ConversationReader(this.search)),
						this.search, null, judge, List.of(new Focus(this.search)),
						new ChatModelGenerator(model, "stub", Duration.ofSeconds(5)), new Citations(null)));
	}

	private static List<String> documents(Answer answer) {
		return answer.citations().stream().map(Citation::documentId).distinct().toList();
	}

	private static String[] section(String heading, String... sentences) {
		String[] section = new String[sentences.length + 1];
		section[0] = heading;
		System.arraycopy(sentences, 0, section, 1, sentences.length);
		return section;
	}

	private void add(String document, String title, String[]... sections) {
		List<Chunk> chunks = new ArrayList<>();
		for (String[] section : sections) {
			for (int i = 1; i < section.length; i++) {
				chunks.add(new Chunk(document + ":" + chunks.size(), KB, document, document + ".md", 1, 1,
						title + " > " + section[0], chunks.size(), section[i], Map.of(), title));
			}
		}
		this.index.replace(document, chunks, (n) -> {
		});
	}

	/**
	 * A conversation as ragchat's sessions keep it: each answer with the documents it
	 * cited and whether it was refused.
	 */
	private static final class Chat {

		private final AnswerEngine engine;

		private final List<Turn> history = new ArrayList<>();

		Chat(AnswerEngine engine) {
			this.engine = engine;
		}

		Answer ask(String question) {
			Answer answer = this.engine.answer(new AnswerRequest(KB, question, this.history, List.of(), null,
					new AnswerRequest.Settings(5, null, null, null), null)
				.traced(), (token) -> {
				});
			this.history.add(new Turn(Turn.USER, question));
			this.history.add(new Turn(Turn.ASSISTANT, answer.text(), documents(answer), answer.refusal() != null));
			return answer;
		}

	}

}
