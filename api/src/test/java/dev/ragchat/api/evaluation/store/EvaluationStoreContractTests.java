package dev.ragchat.api.evaluation.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.ragchat.api.evaluation.Evaluation;
import dev.ragchat.api.evaluation.EvaluationStore;
import dev.ragchat.api.evaluation.GoldenSet;
import dev.ragchat.api.evaluation.Metric;
import dev.ragchat.api.evaluation.QuestionResult;
import dev.ragchat.api.evaluation.RunSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract every {@link EvaluationStore} adapter passes: subclasses hand over a
 * fresh, empty store.
 */
abstract class EvaluationStoreContractTests {

	static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	EvaluationStore store;

	protected abstract EvaluationStore createStore();

	@BeforeEach
	void createFreshStore() {
		this.store = createStore();
	}

	@Test
	void keepsARunAndListsAKnowledgeBasesRunsNewestFirst() {
		Evaluation first = queued("eval_1", "kb_a", NOW);
		this.store.create(first);
		this.store.create(queued("eval_2", "kb_a", NOW.plusSeconds(1)));
		this.store.create(queued("eval_3", "kb_b", NOW.plusSeconds(2)));
		assertThat(this.store.find("eval_1")).contains(first);
		assertThat(this.store.find("eval_none")).isEmpty();
		assertThat(this.store.page("kb_a", 0, 10)).extracting(Evaluation::id).containsExactly("eval_2", "eval_1");
		assertThat(this.store.page("kb_a", 1, 1)).extracting(Evaluation::id).containsExactly("eval_1");
		assertThat(this.store.count("kb_a")).isEqualTo(2);
		assertThat(this.store.count("kb_none")).isZero();
		assertThat(this.store.countUnfinished()).isEqualTo(3);
	}

	@Test
	void recordsQuestionsOnlyWhileRunningAndEndsARunOnce() {
		this.store.create(queued("eval_1", "kb_a", NOW));
		// not started: nothing is recorded
		assertThat(this.store.record("eval_1", result(0))).isFalse();
		assertThat(this.store.start("eval_1", NOW.plusSeconds(1))).isTrue();
		assertThat(this.store.record("eval_1", result(1))).isTrue();
		assertThat(this.store.record("eval_1", result(0))).isTrue();
		Evaluation running = this.store.find("eval_1").orElseThrow();
		assertThat(running.status()).isEqualTo(Evaluation.Status.RUNNING);
		assertThat(running.done()).isEqualTo(2);
		assertThat(running.startedAt()).isEqualTo(NOW.plusSeconds(1));
		assertThat(this.store.questions("eval_1", 0, 10)).containsExactly(result(0), result(1));
		assertThat(this.store.questions("eval_1", 1, 10)).containsExactly(result(1));

		// cancelled: the run keeps no more questions, and its end is not overwritten
		assertThat(this.store.finish("eval_1", Evaluation.Status.CANCELLED, null, null, NOW.plusSeconds(2))).isTrue();
		assertThat(this.store.record("eval_1", result(2))).isFalse();
		assertThat(this.store.finish("eval_1", Evaluation.Status.DONE, totals(), null, NOW.plusSeconds(3))).isFalse();
		this.store.totals("eval_1", totals());
		Evaluation cancelled = this.store.find("eval_1").orElseThrow();
		assertThat(cancelled.status()).isEqualTo(Evaluation.Status.CANCELLED);
		assertThat(cancelled.finishedAt()).isEqualTo(NOW.plusSeconds(2));
		assertThat(cancelled.totals()).isEqualTo(totals());
		assertThat(cancelled.totals().keySet()).containsExactly("documentRecallAt5", "documentMrr", "latencyP50Ms");
		assertThat(this.store.questions("eval_1", 0, 10)).hasSize(2);
		assertThat(this.store.countUnfinished()).isZero();
	}

	@Test
	void keepsTheTotalsAndTheErrorOfARunThatEnded() {
		this.store.create(queued("eval_1", "kb_a", NOW));
		this.store.start("eval_1", NOW);
		assertThat(this.store.finish("eval_1", Evaluation.Status.FAILED, totals(), "The model server is down",
				NOW.plusSeconds(5)))
			.isTrue();
		Evaluation failed = this.store.find("eval_1").orElseThrow();
		assertThat(failed.status()).isEqualTo(Evaluation.Status.FAILED);
		assertThat(failed.error()).isEqualTo("The model server is down");
		assertThat(failed.totals()).isEqualTo(totals());
	}

	@Test
	void resumesARunningRunAndStartsNoRunThatEnded() {
		this.store.create(queued("eval_1", "kb_a", NOW));
		this.store.start("eval_1", NOW.plusSeconds(1));
		this.store.record("eval_1", result(0));
		// its process stopped: the run is started again where it was, as it started first
		assertThat(this.store.start("eval_1", NOW.plusSeconds(60))).isTrue();
		Evaluation resumed = this.store.find("eval_1").orElseThrow();
		assertThat(resumed.status()).isEqualTo(Evaluation.Status.RUNNING);
		assertThat(resumed.startedAt()).isEqualTo(NOW.plusSeconds(1));
		assertThat(resumed.done()).isEqualTo(1);
		assertThat(this.store.record("eval_1", result(1))).isTrue();
		// one that was cancelled, or ended otherwise, is not started
		this.store.create(queued("eval_2", "kb_a", NOW));
		this.store.finish("eval_2", Evaluation.Status.CANCELLED, null, null, NOW);
		assertThat(this.store.start("eval_2", NOW.plusSeconds(1))).isFalse();
		this.store.finish("eval_1", Evaluation.Status.DONE, totals(), null, NOW.plusSeconds(61));
		assertThat(this.store.start("eval_1", NOW.plusSeconds(62))).isFalse();
		assertThat(this.store.find("eval_2").orElseThrow().status()).isEqualTo(Evaluation.Status.CANCELLED);
		assertThat(this.store.find("eval_1").orElseThrow().status()).isEqualTo(Evaluation.Status.DONE);
	}

	static Evaluation queued(String id, String kb, Instant at) {
		return new Evaluation(id, kb, "key_1", "baseline", Evaluation.Status.QUEUED,
				new RunSettings("keyword", 7, false, "cfg_1"), 3, 0, null, null, at, null, null);
	}

	static Map<String, Metric> totals() {
		Map<String, Metric> totals = new LinkedHashMap<>();
		totals.put("documentRecallAt5", new Metric(0.5, 1, 2));
		totals.put("documentMrr", new Metric(0.75, null, 2));
		totals.put("latencyP50Ms", new Metric(null, null, 0));
		return totals;
	}

	static QuestionResult result(int seq) {
		// a follow-up with its conversation, kept with the question
		return new QuestionResult(seq, "q" + seq, "When was it automated?",
				List.of(new GoldenSet.Turn("user", "Tell me about the lighthouse."),
						new GoldenSet.Turn("assistant", "It stands on Kestrel Point.")),
				true, List.of("lighthouse"), List.of(new GoldenSet.Page("lighthouse", 2)), "In 1987.",
				"It was automated in 1987 [1].", true, null,
				List.of(new QuestionResult.Cited("doc_1", "lighthouse.pdf", 2, "It was automated in 1987.", true)),
				List.of(new QuestionResult.Found("doc_1", "lighthouse.pdf", 1, 2, 0.91),
						new QuestionResult.Found("doc_2", "bakery.md", 1, 1, 0.42)),
				120 + seq, new QuestionResult.Scores(1, 1, true, 1, 1), null);
	}

}
