package dev.ragchat.api.feedback.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dev.ragchat.api.feedback.Feedback;
import dev.ragchat.api.feedback.FeedbackStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract every {@link FeedbackStore} adapter passes: subclasses hand over a fresh,
 * empty store.
 */
abstract class FeedbackStoreContractTests {

	static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	FeedbackStore store;

	protected abstract FeedbackStore createStore();

	@BeforeEach
	void createFreshStore() {
		this.store = createStore();
	}

	@Test
	void keepsOneRatingPerAnswerAndListsAKnowledgeBasesNewestFirst() {
		this.store.save(feedback("msg_1", "kb_a", Feedback.Rating.UP, null, NOW));
		this.store.save(feedback("msg_2", "kb_a", Feedback.Rating.DOWN, "Wrong year", NOW.plusSeconds(1)));
		this.store.save(feedback("msg_3", "kb_b", Feedback.Rating.UP, null, NOW.plusSeconds(2)));
		// rated again: replaced, not added
		Feedback again = feedback("msg_1", "kb_a", Feedback.Rating.DOWN, "Not the lighthouse", NOW.plusSeconds(3));
		this.store.save(again);
		assertThat(this.store.count("kb_a")).isEqualTo(2);
		assertThat(this.store.page("kb_a", 0, 10)).containsExactly(again,
				feedback("msg_2", "kb_a", Feedback.Rating.DOWN, "Wrong year", NOW.plusSeconds(1)));
		assertThat(this.store.page("kb_a", 1, 1)).extracting(Feedback::messageId).containsExactly("msg_2");
		assertThat(this.store.page("kb_none", 0, 10)).isEmpty();
		assertThat(this.store.count("kb_none")).isZero();
	}

	@Test
	void handsOverTheRatingsOfATimeRangeInEveryKnowledgeBaseOldestFirst() {
		this.store.save(feedback("msg_1", "kb_a", Feedback.Rating.UP, null, NOW.minusSeconds(1)));
		this.store.save(feedback("msg_2", "kb_b", Feedback.Rating.DOWN, "Wrong year", NOW.plusSeconds(1)));
		this.store.save(feedback("msg_3", "kb_a", Feedback.Rating.UP, null, NOW));
		this.store.save(feedback("msg_4", "kb_a", Feedback.Rating.UP, null, NOW.plusSeconds(2)));
		assertThat(this.store.between(NOW, NOW.plusSeconds(2))).extracting(Feedback::messageId)
			.containsExactly("msg_3", "msg_2");
		assertThat(this.store.between(NOW.plusSeconds(3), NOW.plusSeconds(4))).isEmpty();
	}

	static Feedback feedback(String messageId, String kb, Feedback.Rating rating, String reason, Instant at) {
		return new Feedback(messageId, "ses_1", kb, "key_1", rating, reason, "The lighthouse was automated in 1987.",
				at);
	}

}
