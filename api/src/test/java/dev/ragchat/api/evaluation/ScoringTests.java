package dev.ragchat.api.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.ragchat.answer.Answer;
import dev.ragchat.answer.Citation;
import dev.ragchat.answer.Refusal;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Every figure of a run, from answers made by hand: each is set so that a different count
 * (rank 5 against 10, a page inside a chunk's pages, a citation on the right document but
 * the wrong page, a refusal of an answerable question) would change it.
 */
class ScoringTests {

	@Test
	void scoresEachQuestionAndTotalsTheRunAsComputedByHand() {
		// q1: its page (lighthouse p. 4) is inside the 7th chunk (pp. 3-5); cited on p. 4
		// (expected), p. 3 (right document, wrong page) and the bakery file
		GoldenSet.Question q1 = new GoldenSet.Question("q1", "When was the lighthouse automated?",
				List.of("lighthouse"), List.of(new GoldenSet.Page("lighthouse", 4)), null);
		List<QuestionResult.Found> found1 = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			found1.add(found("doc_b", "bakery.md", 1, 1));
		}
		found1.add(found("doc_l", "lighthouse.pdf", 3, 5));
		QuestionResult r1 = Scoring.score(0, q1, grounded(cite("doc_l", "lighthouse.pdf", 4),
				cite("doc_l", "lighthouse.pdf", 3), cite("doc_b", "bakery.md", 1)), found1, 100);
		assertThat(r1.scores()).isEqualTo(new QuestionResult.Scores(7, 7, true, 3, 1));
		assertThat(r1.citations()).extracting(QuestionResult.Cited::expected).containsExactly(true, false, false);

		// q2: named by its file name without the extension, found first, cited
		GoldenSet.Question q2 = new GoldenSet.Question("q2", "How long does sourdough proof?", List.of("bakery"),
				List.of(), null);
		QuestionResult r2 = Scoring.score(1, q2, grounded(cite("doc_b", "bakery.md", 1)),
				List.of(found("doc_b", "bakery.md", 1, 1), found("doc_l", "lighthouse.pdf", 1, 1)), 200);
		assertThat(r2.scores()).isEqualTo(new QuestionResult.Scores(1, null, true, 1, 1));

		// q3: named by its id, found 11th only (beyond the top 10), refused
		GoldenSet.Question q3 = new GoldenSet.Question("q3", "Who keeps the harbour log?", List.of("doc_h"), List.of(),
				null);
		List<QuestionResult.Found> found3 = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			found3.add(found("doc_b", "bakery.md", 1, 1));
		}
		found3.add(found("doc_h", "harbour.txt", 1, 1));
		QuestionResult r3 = Scoring.score(2, q3, refused(), found3, 300);
		assertThat(r3.scores()).isEqualTo(new QuestionResult.Scores(null, null, false, 0, 0));
		assertThat(r3.refusal()).isEqualTo(new QuestionResult.Refusal("below-similarity", "no sentence answers"));

		// q4 and q5 must be refused: q4 is, q5 is answered
		GoldenSet.Question q4 = new GoldenSet.Question("q4", "What is the capital of Mongolia?", List.of(), List.of(),
				null);
		QuestionResult r4 = Scoring.score(3, q4, refused(), List.of(found("doc_b", "bakery.md", 1, 1)), 400);
		GoldenSet.Question q5 = new GoldenSet.Question("q5", "Who won the 1987 cup?", List.of(), List.of(), null);
		QuestionResult r5 = Scoring.score(4, q5, grounded(cite("doc_l", "lighthouse.pdf", 1)), List.of(), 1000);
		assertThat(r4.scores().citesExpected()).isNull();

		Map<String, Metric> totals = Scoring.totals(List.of(r1, r2, r3, r4, r5));
		// documents, over q1-q3: ranks 7, 1 and none
		assertThat(totals.get("documentRecallAt5")).isEqualTo(new Metric(1.0 / 3, 1, 3)); // rank
																							// 1
																							// only
		assertThat(totals.get("documentRecallAt10")).isEqualTo(new Metric(2.0 / 3, 2, 3)); // ranks
																							// 7
																							// and
																							// 1
		assertThat(totals.get("documentMrr").value()).isCloseTo((1.0 / 7 + 1 + 0) / 3, within(1e-12)); // 8/21
		assertThat(totals.get("documentMrr").n()).isEqualTo(3);
		// pages, over q1 only (the one that names a page): rank 7
		assertThat(totals.get("pageRecallAt5")).isEqualTo(new Metric(0.0, 0, 1));
		assertThat(totals.get("pageRecallAt10")).isEqualTo(new Metric(1.0, 1, 1));
		assertThat(totals.get("pageMrr").value()).isCloseTo(1.0 / 7, within(1e-12));
		// answers citing an expected page or document: q1 and q2 of 3
		assertThat(totals.get("citesExpected")).isEqualTo(new Metric(2.0 / 3, 2, 3));
		// citations expected: (1 + 1 + 0) of (3 + 1 + 0)
		assertThat(totals.get("citationsExpected")).isEqualTo(new Metric(0.5, 2, 4));
		assertThat(totals.get("grounded")).isEqualTo(new Metric(2.0 / 3, 2, 3));
		// of q4 and q5, q4 is refused
		assertThat(totals.get("refused")).isEqualTo(new Metric(0.5, 1, 2));
		// nearest rank of 100, 200, 300, 400, 1000: p50 the 3rd (ceil(2.5)), p95 the 5th
		assertThat(totals.get("latencyP50Ms")).isEqualTo(new Metric(300.0, null, 5));
		assertThat(totals.get("latencyP95Ms")).isEqualTo(new Metric(1000.0, null, 5));
		assertThat(totals.keySet()).containsExactlyElementsOf(Scoring.NAMES);
	}

	@Test
	void aFigureNoQuestionCountsForHasNoValue() {
		GoldenSet.Question q = new GoldenSet.Question("q1", "What is the capital of Mongolia?", List.of(), List.of(),
				null);
		Map<String, Metric> totals = Scoring.totals(List.of(Scoring.score(0, q, refused(), List.of(), 50)));
		assertThat(totals.get("documentRecallAt5")).isEqualTo(new Metric(null, 0, 0));
		assertThat(totals.get("grounded")).isEqualTo(new Metric(null, 0, 0));
		assertThat(totals.get("refused")).isEqualTo(new Metric(1.0, 1, 1));
	}

	@Test
	void aGoldenDocumentIsNamedByItsIdItsFileNameOrItsFileNameWithoutTheExtension() {
		assertThat(Scoring.names("doc_1", "doc_1", "3M_2018_10K.pdf")).isTrue();
		assertThat(Scoring.names("3M_2018_10K.pdf", "doc_1", "3M_2018_10K.pdf")).isTrue();
		assertThat(Scoring.names("3M_2018_10K", "doc_1", "3M_2018_10K.pdf")).isTrue();
		assertThat(Scoring.names("3M_2018", "doc_1", "3M_2018_10K.pdf")).isFalse();
		assertThat(Scoring.names("3m_2018_10k", "doc_1", "3M_2018_10K.pdf")).isFalse();
	}

	@Test
	void comparesTwoRunsWithTheNoiseRuleOfTheBenchmarks() {
		Evaluation a = run(Map.of("documentRecallAt5", Metric.rate(40, 50), "grounded", Metric.rate(45, 50), "refused",
				Metric.rate(5, 10), "latencyP50Ms", new Metric(300.0, null, 60)));
		Evaluation b = run(Map.of("documentRecallAt5", Metric.rate(46, 50), "grounded", Metric.rate(44, 50), "refused",
				Metric.rate(5, 12), "latencyP50Ms", new Metric(100.0, null, 62)));
		Map<String, Comparison.Figure> figures = new java.util.HashMap<>();
		Comparison.of(a, b).figures().forEach((figure) -> figures.put(figure.name(), figure));
		// 0.80 → 0.92: beyond max(1/50, sqrt(0.8 × 0.2 / 50) = 0.0566)
		Comparison.Figure recall = figures.get("documentRecallAt5");
		assertThat(recall.difference()).isCloseTo(0.12, within(1e-12));
		assertThat(recall.threshold()).isCloseTo(Math.sqrt(0.8 * 0.2 / 50), within(1e-12));
		assertThat(recall.verdict()).isEqualTo(Comparison.Verdict.BETTER);
		// 0.90 → 0.88: one question, within max(0.02, 0.0424)
		assertThat(figures.get("grounded").verdict()).isEqualTo(Comparison.Verdict.WITHIN_NOISE);
		assertThat(figures.get("refused").verdict()).isEqualTo(Comparison.Verdict.N_DIFFERS);
		assertThat(figures.get("latencyP50Ms").verdict()).isNull();
		assertThat(figures.get("latencyP50Ms").difference()).isEqualTo(-200.0);
		Evaluation worse = run(Map.of("documentRecallAt5", Metric.rate(30, 50)));
		assertThat(Comparison.of(a, worse).figures().get(0).verdict()).isEqualTo(Comparison.Verdict.WORSE);
	}

	private static Evaluation run(Map<String, Metric> totals) {
		return new Evaluation("eval_x", "kb", null, null, Evaluation.Status.DONE,
				new RunSettings("hybrid", 5, true, null), 1, 1, totals, null, java.time.Instant.now(), null, null);
	}

	private static QuestionResult.Found found(String id, String filename, int page, int pageEnd) {
		return new QuestionResult.Found(id, filename, page, pageEnd, 0.5);
	}

	private static Citation cite(String id, String filename, int page) {
		return new Citation(1, id, filename, page, "chunk", "snippet", 0.5, "A quote.", List.of());
	}

	private static Answer grounded(Citation... citations) {
		return new Answer("An answer [1].", true, List.of(citations), null, null);
	}

	private static Answer refused() {
		return new Answer("Not found.", false, List.of(), null, new Refusal("below-similarity", "no sentence answers"));
	}

}
