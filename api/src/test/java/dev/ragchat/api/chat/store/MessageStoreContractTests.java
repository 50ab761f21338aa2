package dev.ragchat.api.chat.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import dev.ragchat.answer.Answer;
import dev.ragchat.answer.Citation;
import dev.ragchat.answer.Clarification;
import dev.ragchat.answer.Listing;
import dev.ragchat.answer.Refusal;
import dev.ragchat.answer.Trace;
import dev.ragchat.api.chat.ChatMessage;
import dev.ragchat.api.chat.MessageStore;
import dev.ragchat.ingestion.reading.pdf.PdfPages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract every {@link MessageStore} adapter passes.
 */
abstract class MessageStoreContractTests {

	static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	MessageStore store;

	protected abstract MessageStore createStore();

	@BeforeEach
	void createFreshStore() {
		this.store = createStore();
	}

	@Test
	void keepsMessagesInOrderWithTheirCitations() {
		Citation citation = new Citation(1, "doc_1", "a.pdf", 3, "doc_1:2", "The fact.", 0.5, "The fact.",
				List.of(new PdfPages.Box(3, 0.1, 0.2, 0.5, 0.03)));
		this.store.append(new ChatMessage("m1", "s1", ChatMessage.USER, "Question?", null, List.of(), NOW));
		this.store
			.append(new ChatMessage("m2", "s1", ChatMessage.ASSISTANT, "Answer [1]", true, List.of(citation), NOW));
		this.store.append(new ChatMessage("m3", "s2", ChatMessage.USER, "Other session", null, List.of(), NOW));
		List<ChatMessage> page = this.store.page("s1", 0, 10);
		assertThat(page).extracting(ChatMessage::id).containsExactly("m1", "m2");
		assertThat(page.get(1).citations()).containsExactly(citation);
		assertThat(page.get(1).grounded()).isTrue();
		assertThat(page.get(0).grounded()).isNull();
		assertThat(this.store.count("s1")).isEqualTo(2);
	}

	@Test
	void keepsTheTokensAModelSpentOnAnAnswer() {
		this.store.append(new ChatMessage("m1", "s1", ChatMessage.USER, "Question?", null, List.of(), NOW));
		this.store.append(new ChatMessage("m2", "s1", ChatMessage.ASSISTANT, "Answer", false, List.of(), NOW, 433L));
		assertThat(this.store.page("s1", 0, 10)).extracting(ChatMessage::tokens).containsExactly(null, 433L);
		assertThat(this.store.between(NOW, NOW.plusSeconds(1))).extracting(ChatMessage::tokens)
			.containsExactly(null, 433L);
	}

	@Test
	void keepsWhyAnAnswerIsNotGrounded() {
		Refusal refusal = new Refusal(Refusal.NAMES_NOT_IN_SOURCES, "the sources do not speak of Zorblax");
		this.store.append(new ChatMessage("m1", "s1", ChatMessage.USER, "Question?", null, List.of(), NOW));
		this.store.append(new ChatMessage("m2", "s1", ChatMessage.ASSISTANT, "Not found", false, List.of(), NOW, null,
				List.of(), refusal));
		assertThat(this.store.page("s1", 0, 10)).extracting(ChatMessage::refusal).containsExactly(null, refusal);
		assertThat(this.store.latest("s1", 1)).extracting(ChatMessage::refusal).containsExactly(refusal);
	}

	@Test
	void keepsEveryItemOfAListWithItsCountAndFigures() {
		Listing listing = new Listing(Listing.EACH, "notice period", 2, 40, false,
				List.of(new Listing.Item("doc_1", "Oak Road 1", "oak-1.md", 2, "The notice period is 30 days.", 1,
						new Listing.Value("30 days", 30.0, "days", null), "doc_1:0", "kb_1"),
						new Listing.Item("doc_2", "Oak Road 2", "oak-2.md", 1, "The notice period is EUR 2 days.", null,
								null, "doc_2:3", "kb_2")));
		this.store.append(new ChatMessage("m1", "s1", ChatMessage.ASSISTANT, "2 of the 40 documents [1]", true,
				List.of(), NOW, null, List.of(), null, false, null, null, listing));

		ChatMessage kept = this.store.page("s1", 0, 10).get(0);
		assertThat(kept.listing()).isEqualTo(listing);
		assertThat(kept.outcome()).isEqualTo(Answer.LIST);
	}

	@Test
	void keepsTheReadingsOfAQuestionAskedBackWithTheCitationsThatNameThem() {
		Citation travel = new Citation(1, "doc_t", "travel-policy.md", 1, "doc_t:1", "The policy covers…", 0.5,
				"The policy covers every employee who travels for work.", List.of());
		Citation remote = new Citation(2, "doc_r", "remote-work-policy.md", 1, "doc_r:1", "It applies…", 0.4,
				"It applies to staff whose role can be done away from the office.", List.of());
		Clarification readings = new Clarification("policy", List.of(new Clarification.Reading("Travel policy", 1),
				new Clarification.Reading("Remote work policy", 2)));
		this.store
			.append(new ChatMessage("m1", "s1", ChatMessage.USER, "Who does the policy cover?", null, List.of(), NOW));
		this.store.append(new ChatMessage("m2", "s1", ChatMessage.ASSISTANT,
				"Which policy do you mean? The documents speak of Travel policy [1] and Remote work policy [2].", false,
				List.of(travel, remote), NOW, null, List.of(), null, false, readings));
		this.store.append(new ChatMessage("m3", "s1", ChatMessage.ASSISTANT, "Answer [1]", true, List.of(travel), NOW));

		List<ChatMessage> page = this.store.page("s1", 0, 10);
		assertThat(page).extracting(ChatMessage::clarification).containsExactly(null, readings, null);
		assertThat(page).extracting(ChatMessage::outcome).containsExactly(null, Answer.CLARIFY, Answer.ANSWERED);
		assertThat(page.get(1).citations()).containsExactly(travel, remote);
		assertThat(this.store.latest("s1", 2)).extracting(ChatMessage::clarification).containsExactly(readings, null);
		assertThat(this.store.between(NOW, NOW.plusSeconds(1))).extracting(ChatMessage::clarification)
			.containsExactly(null, readings, null);
	}

	@Test
	void keepsAnAnswerStoppedWhileItStreamedMarkedStopped() {
		this.store.append(new ChatMessage("m1", "s1", ChatMessage.USER, "Question?", null, List.of(), NOW));
		this.store.append(new ChatMessage("m2", "s1", ChatMessage.ASSISTANT, "The light", false, List.of(), NOW, null,
				List.of(), null, true));
		this.store.append(new ChatMessage("m3", "s1", ChatMessage.USER, "Again?", null, List.of(), NOW));
		this.store.append(new ChatMessage("m4", "s1", ChatMessage.ASSISTANT, "", false, List.of(), NOW, null, List.of(),
				null, true));
		assertThat(this.store.page("s1", 0, 10)).extracting(ChatMessage::stopped)
			.containsExactly(false, true, false, true);
		assertThat(this.store.page("s1", 0, 10)).extracting(ChatMessage::content)
			.containsExactly("Question?", "The light", "Again?", "");
		assertThat(this.store.latest("s1", 1)).extracting(ChatMessage::stopped).containsExactly(true);
	}

	@Test
	void keepsAnAnswersTraceWithEveryStageAndField() {
		Trace.Candidate passage = new Trace.Candidate(1, 0.82, "doc_1", "harbour.pdf", 3, "doc_1:2",
				"The lighthouse was automated in 1987.");
		Trace trace = new Trace("When was it automated?", List.of(
				new Trace.Stage(Trace.REWRITE, 0.4, "When was it automated?", "When was the lighthouse automated?",
						"the subject \"lighthouse\" comes from the conversation", null, null, null, null, null),
				new Trace.Stage(Trace.SHAPE, 0.1, null, null, null,
						new Trace.Query("lighthouse automated", List.of(new Trace.Keyword("lighthouse", 2, false)),
								List.of(), List.of("1987")),
						null, null, null, null),
				new Trace.Stage(Trace.VECTOR, 3.5, null, null, null, null, 12, List.of(passage), null, null),
				new Trace.Stage(Trace.JUDGE, 0.2, null, null, null, null, 1, List.of(passage),
						List.of(new Trace.Decision("similarity-floor", true, null, "0.71 at least 0.5")), null),
				new Trace.Stage(Trace.CITE, 0.3, null, null, "1 citations verified against their sources", null, null,
						null, null, List.of(new Trace.Quote(1, "doc_1", "harbour.pdf", 3, "doc_1:2",
								"The lighthouse was automated in 1987.")))),
				null, 9.25);
		this.store
			.append(new ChatMessage("m1", "s1", ChatMessage.USER, "When was it automated?", null, List.of(), NOW));
		this.store.append(new ChatMessage("m2", "s1", ChatMessage.ASSISTANT, "In 1987 [1].", true, List.of(), NOW, null,
				List.of(), null, false, null, trace));
		assertThat(this.store.page("s1", 0, 10)).extracting(ChatMessage::trace).containsExactly(null, trace);
		assertThat(this.store.latest("s1", 1).get(0).trace().stage(Trace.REWRITE).note()).contains("lighthouse");
	}

	@Test
	void pagesAndReturnsTheLatestOldestFirst() {
		for (int i = 1; i <= 7; i++) {
			this.store.append(new ChatMessage("m" + i, "s1", ChatMessage.USER, "Q" + i, null, List.of(), NOW));
		}
		assertThat(this.store.page("s1", 2, 3)).extracting(ChatMessage::id).containsExactly("m3", "m4", "m5");
		assertThat(this.store.latest("s1", 3)).extracting(ChatMessage::id).containsExactly("m5", "m6", "m7");
		assertThat(this.store.latest("none", 3)).isEmpty();
	}

	@Test
	void deletesOneSessionsWholeHistoryOnly() {
		this.store.append(new ChatMessage("m1", "s1", ChatMessage.USER, "Q1", null, List.of(), NOW));
		this.store.append(new ChatMessage("m2", "s1", ChatMessage.ASSISTANT, "A1", false, List.of(), NOW));
		this.store.append(new ChatMessage("m3", "s2", ChatMessage.USER, "Q2", null, List.of(), NOW));
		this.store.deleteSession("s1");
		assertThat(this.store.count("s1")).isZero();
		assertThat(this.store.page("s2", 0, 10)).extracting(ChatMessage::id).containsExactly("m3");
		// a session's numbering starts again after its history is gone
		this.store.append(new ChatMessage("m4", "s1", ChatMessage.USER, "Q3", null, List.of(), NOW));
		assertThat(this.store.page("s1", 0, 10)).extracting(ChatMessage::id).containsExactly("m4");
	}

}
