package dev.ragchat.api.chat.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.ragchat.answer.Citation;
import dev.ragchat.api.analytics.Analytics;
import dev.ragchat.api.analytics.Usage;
import dev.ragchat.api.chat.ChatMessage;
import dev.ragchat.api.chat.ChatSession;
import dev.ragchat.api.chat.MessageStore;
import dev.ragchat.api.chat.SessionStore;
import dev.ragchat.api.feedback.Feedback;
import dev.ragchat.api.feedback.FeedbackStore;
import dev.ragchat.ingestion.Document;
import dev.ragchat.ingestion.DocumentStatus;
import dev.ragchat.ingestion.DocumentStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Usage analytics over a scripted day of activity, through the real stores of each
 * catalog backend: the figures must be exactly the script's, whatever the backend.
 * <p>
 * The day: 3 sessions start (a fourth started the day before asks on the day), 5
 * questions are asked, 2 answers refused; one more question comes the next day; two
 * documents are uploaded and one (4 pages) made ready; three answers are rated (two up),
 * one more the next day.
 */
abstract class UsageAnalyticsContractTests {

	static final Instant DAY = Instant.parse("2026-11-20T00:00:00Z");

	static final Instant NEXT_DAY = DAY.plus(Duration.ofDays(1));

	private Analytics analytics;

	private SessionStore sessions;

	private MessageStore messages;

	private FeedbackStore feedback;

	private int ids;

	/**
	 * @return the session, message and document stores of one fresh catalog
	 */
	protected abstract Stores createStores();

	@BeforeEach
	void scriptADay() {
		Stores stores = createStores();
		this.sessions = stores.sessions();
		this.messages = stores.messages();
		this.feedback = stores.feedback();
		this.analytics = new Analytics(stores.sessions(), stores.messages(), stores.documents(), stores.feedback());
		session("s0", "key_a", "kb1", null, DAY.minusSeconds(3600));
		session("s1", "key_a", "kb1", null, at(9, 0));
		session("s2", "key_a", "kb1", "persona_1", at(10, 0));
		session("s3", "key_b", "kb2", "persona_1", at(23, 59));
		ask("s0", at(8, 0), 100, true, "doc_1");
		ask("s1", at(9, 1), 200, true, 433L, "doc_1", "doc_2");
		ask("s1", at(9, 2), 300, false, 120L);
		ask("s2", at(10, 1), 400, true, "doc_1");
		ask("s3", DAY.plus(Duration.ofHours(23).plusMinutes(59).plusSeconds(1)), 500, false);
		ask("s1", NEXT_DAY.plusSeconds(60), 600, false);
		DocumentStore documents = stores.documents();
		documents.insert(document("doc_old", "kb1", DAY.minusSeconds(7200)), null, null);
		documents.insert(document("doc_1", "kb1", at(7, 0)), null, null);
		documents.ready("doc_1", new Document.Progress(4, 4, 9, 9), List.of(), at(7, 1));
		documents.insert(document("doc_2", "kb2", at(12, 0)), null, null);
		// three answers rated on the day, two up and one down; one more the next day
		rate("m2", "s0", "kb1", "key_a", Feedback.Rating.UP, at(8, 5));
		rate("m8", "s2", "kb1", "key_a", Feedback.Rating.UP, at(10, 5));
		rate("m6", "s1", "kb1", "key_a", Feedback.Rating.DOWN, at(9, 5));
		rate("m4", "s1", "kb1", "key_a", Feedback.Rating.UP, NEXT_DAY.plusSeconds(120));
	}

	@Test
	void countsTheDaysSessionsQuestionsAndRefusalsExactly() {
		Usage usage = this.analytics.usage(DAY, NEXT_DAY, null, null);
		assertThat(usage.totals().sessions()).isEqualTo(3);
		assertThat(usage.totals().questions()).isEqualTo(5);
		assertThat(usage.totals().refused()).isEqualTo(2);
		assertThat(usage.totals().grounded()).isEqualTo(3);
		assertThat(usage.days()).singleElement().satisfies((day) -> {
			assertThat(day.day()).isEqualTo("2026-11-20");
			assertThat(day.sessions()).isEqualTo(3);
			assertThat(day.questions()).isEqualTo(5);
			assertThat(day.refused()).isEqualTo(2);
		});
	}

	@Test
	void takesTheLatencyPercentilesOverTheDaysAnswers() {
		Usage.Latency latency = this.analytics.usage(DAY, NEXT_DAY, null, null).totals().latencyMs();
		assertThat(latency).isEqualTo(new Usage.Latency(300, 500, 5));
	}

	@Test
	void countsUploadsAndPagesIngestedOnTheDay() {
		Usage.Figures totals = this.analytics.usage(DAY, NEXT_DAY, null, null).totals();
		assertThat(totals.uploads()).isEqualTo(2);
		assertThat(totals.pagesIngested()).isEqualTo(4);
	}

	@Test
	void sumsTheTokensModelsReportedAndHasNoneWhereNoModelAnswered() {
		Usage usage = this.analytics.usage(DAY, NEXT_DAY, null, null);
		assertThat(usage.totals().tokens()).isEqualTo(553L);
		assertThat(usage.days()).singleElement().satisfies((day) -> assertThat(day.tokens()).isEqualTo(553L));
		assertThat(this.analytics.usage(NEXT_DAY, NEXT_DAY.plus(Duration.ofDays(1)), null, null).totals().tokens())
			.isNull();
	}

	@Test
	void ranksTheCitedDocumentsOncePerAnswer() {
		assertThat(this.analytics.usage(DAY, NEXT_DAY, null, null).topCitedDocuments()).containsExactly(
				new Usage.CitedDocument("doc_1", "doc_1.pdf", 3), new Usage.CitedDocument("doc_2", "doc_2.pdf", 1));
	}

	@Test
	void splitsTheFiguresPerKeyAndPerChatConfiguration() {
		Usage usage = this.analytics.usage(DAY, NEXT_DAY, null, null);
		assertThat(usage.byKey()).containsExactly(new Usage.KeyFigures("key_a", 2, 4, 3, 1, new Usage.Ratings(2, 1)),
				new Usage.KeyFigures("key_b", 1, 1, 0, 1, new Usage.Ratings(0, 0)));
		assertThat(usage.byChatConfig()).containsExactly(
				new Usage.ChatConfigFigures(null, 1, 3, 2, 1, new Usage.Ratings(1, 1)),
				new Usage.ChatConfigFigures("persona_1", 2, 2, 1, 1, new Usage.Ratings(1, 0)));
	}

	@Test
	void countsTheRatingsGivenOnTheDay() {
		Usage usage = this.analytics.usage(DAY, NEXT_DAY, null, null);
		assertThat(usage.totals().feedback()).isEqualTo(new Usage.Ratings(2, 1));
		assertThat(usage.days()).singleElement()
			.satisfies((day) -> assertThat(day.feedback()).isEqualTo(new Usage.Ratings(2, 1)));
		assertThat(this.analytics.usage(NEXT_DAY, NEXT_DAY.plus(Duration.ofDays(1)), null, null).totals().feedback())
			.isEqualTo(new Usage.Ratings(1, 0));
	}

	@Test
	void countsOnlyTheKnowledgeBasesACallerMayRead() {
		Usage kb2 = this.analytics.usage(DAY, NEXT_DAY, null, java.util.Set.of("kb2"), null);
		assertThat(kb2.knowledgeBases()).containsExactly("kb2");
		assertThat(kb2.totals().sessions()).isEqualTo(1);
		assertThat(kb2.totals().questions()).isEqualTo(1);
		assertThat(kb2.totals().uploads()).isEqualTo(1);
		assertThat(kb2.totals().feedback()).isEqualTo(new Usage.Ratings(0, 0));
		assertThat(this.analytics.usage(DAY, NEXT_DAY, "kb1", java.util.Set.of("kb2"), null).totals().sessions())
			.isZero();
	}

	@Test
	void countsOneKnowledgeBaseOrOneKeyOnly() {
		Usage kb2 = this.analytics.usage(DAY, NEXT_DAY, "kb2", null);
		assertThat(kb2.totals().sessions()).isEqualTo(1);
		assertThat(kb2.totals().questions()).isEqualTo(1);
		assertThat(kb2.totals().refused()).isEqualTo(1);
		assertThat(kb2.totals().uploads()).isEqualTo(1);
		Usage keyB = this.analytics.usage(DAY, NEXT_DAY, null, "key_b");
		assertThat(keyB.totals().questions()).isEqualTo(1);
		assertThat(keyB.totals().uploads()).as("documents do not record who uploaded them").isNull();
	}

	@Test
	void countsEachDayOfALongerRangeOnItsOwn() {
		Usage usage = this.analytics.usage(DAY.minus(Duration.ofDays(1)), NEXT_DAY.plus(Duration.ofDays(1)), null,
				null);
		assertThat(usage.days()).extracting(Usage.Day::day).containsExactly("2026-11-19", "2026-11-20", "2026-11-21");
		assertThat(usage.days()).extracting(Usage.Day::sessions).containsExactly(1L, 3L, 0L);
		assertThat(usage.days()).extracting(Usage.Day::questions).containsExactly(0L, 5L, 1L);
		assertThat(usage.totals().questions()).isEqualTo(6);
	}

	private static Instant at(int hour, int minute) {
		return DAY.plus(Duration.ofHours(hour).plusMinutes(minute));
	}

	private void session(String id, String key, String kb, String config, Instant at) {
		this.sessions
			.save(new ChatSession(id, key, kb, config, null, null, null, null, at, at.plus(Duration.ofDays(7)), null));
	}

	private void ask(String session, Instant at, long latencyMs, boolean grounded, String... cited) {
		ask(session, at, latencyMs, grounded, null, cited);
	}

	private void ask(String session, Instant at, long latencyMs, boolean grounded, Long tokens, String... cited) {
		this.messages.append(new ChatMessage("m" + (++this.ids), session, ChatMessage.USER, "question " + this.ids,
				null, List.of(), at));
		List<Citation> citations = java.util.Arrays.stream(cited)
			.map((doc) -> new Citation(1, doc, doc + ".pdf", 1, doc + "#0", "snippet", 0.5, "quote", List.of()))
			.toList();
		this.messages.append(new ChatMessage("m" + (++this.ids), session, ChatMessage.ASSISTANT, "answer", grounded,
				citations, at.plusMillis(latencyMs), tokens));
	}

	private void rate(String message, String session, String kb, String key, Feedback.Rating rating, Instant at) {
		this.feedback.save(new Feedback(message, session, kb, key, rating, null, "answer", at));
	}

	private static Document document(String id, String kb, Instant createdAt) {
		return new Document(id, kb, id + ".pdf", "application/pdf", 1234, id.repeat(64).substring(0, 64),
				DocumentStatus.QUEUED, Document.Progress.NONE, List.of(), null, 0, "{}", createdAt, null);
	}

	/**
	 * The stores of one catalog.
	 *
	 * @param sessions its sessions
	 * @param messages its messages
	 * @param documents its documents
	 */
	record Stores(SessionStore sessions, MessageStore messages, DocumentStore documents, FeedbackStore feedback) {

	}

}
