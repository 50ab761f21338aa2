package dev.ragchat.api.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.ragchat.answer.Answer;
import dev.ragchat.answer.Citation;

/**
 * How a run is scored, per question and in total. A found chunk is on an expected
 * document when the document's id, file name or file name without its extension is one
 * the question names; it holds an expected page when that page is within its pages
 * ({@code page} to {@code pageEnd}). A citation is expected when it is on an expected
 * page (a question that names pages) or on an expected document (one that names documents
 * only). The figures are those of {@code benchmarks/eval/eval.py}, which reads them from
 * here.
 */
final class Scoring {

	/** The most found chunks a result keeps. */
	static final int MAX_FOUND = 20;

	/** How deep recall and MRR look. */
	static final int DEPTH = 10;

	/** The totals' figures, in the order they are shown. */
	static final List<String> NAMES = List.of("documentRecallAt5", "documentRecallAt10", "documentMrr", "pageRecallAt5",
			"pageRecallAt10", "pageMrr", "citesExpected", "citationsExpected", "grounded", "refused", "latencyP50Ms",
			"latencyP95Ms");

	private static final Pattern EXTENSION = Pattern.compile("\\.[A-Za-z0-9]{1,5}$");

	private Scoring() {
	}

	/**
	 * @param seq the question's place
	 * @param question the question
	 * @param answer the engine's answer
	 * @param found the chunks the search found, best first, with their last pages
	 * @param latencyMillis how long the answer took
	 * @return the question's result
	 */
	static QuestionResult score(int seq, GoldenSet.Question question, Answer answer, List<QuestionResult.Found> found,
			long latencyMillis) {
		Integer documentRank = null;
		Integer pageRank = null;
		for (int i = 0; i < Math.min(DEPTH, found.size()); i++) {
			QuestionResult.Found chunk = found.get(i);
			if (documentRank == null && onDocument(question, chunk.documentId(), chunk.filename())) {
				documentRank = i + 1;
			}
			if (pageRank == null
					&& onPage(question, chunk.documentId(), chunk.filename(), chunk.page(), chunk.pageEnd())) {
				pageRank = i + 1;
			}
		}
		List<QuestionResult.Cited> citations = new ArrayList<>();
		int expected = 0;
		for (Citation citation : answer.citations()) {
			boolean isExpected = question.pages().isEmpty()
					? onDocument(question, citation.documentId(), citation.filename())
					: onPage(question, citation.documentId(), citation.filename(), citation.page(), citation.page());
			expected += isExpected ? 1 : 0;
			citations.add(new QuestionResult.Cited(citation.documentId(), citation.filename(), citation.page(),
					citation.quote(), isExpected));
		}
		QuestionResult.Scores scores = new QuestionResult.Scores(documentRank, pageRank,
				question.answerable() ? expected > 0 : null, citations.size(), expected);
		QuestionResult.Refusal refusal = (answer.refusal() != null)
				? new QuestionResult.Refusal(answer.refusal().reason(), answer.refusal().detail()) : null;
		return new QuestionResult(seq, question.id(), question.question(), question.history(), question.answerable(),
				question.documents(), question.pages(), question.reference(), answer.text(), answer.grounded(), refusal,
				citations, found.subList(0, Math.min(MAX_FOUND, found.size())), latencyMillis, scores, answer.trace());
	}

	/**
	 * @param results the questions answered, in order
	 * @return the figures of {@link #NAMES}
	 */
	static Map<String, Metric> totals(List<QuestionResult> results) {
		int documentQuestions = 0;
		int document5 = 0;
		int document10 = 0;
		double documentReciprocal = 0;
		int pageQuestions = 0;
		int page5 = 0;
		int page10 = 0;
		double pageReciprocal = 0;
		int answerable = 0;
		int citing = 0;
		int grounded = 0;
		int citations = 0;
		int expectedCitations = 0;
		int toRefuse = 0;
		int refused = 0;
		List<Long> latencies = new ArrayList<>();
		for (QuestionResult result : results) {
			QuestionResult.Scores scores = result.scores();
			latencies.add(result.latencyMillis());
			if (!result.answerable()) {
				toRefuse++;
				refused += result.grounded() ? 0 : 1;
				continue;
			}
			answerable++;
			documentQuestions++;
			if (scores.documentRank() != null) {
				document5 += (scores.documentRank() <= 5) ? 1 : 0;
				document10++;
				documentReciprocal += 1.0 / scores.documentRank();
			}
			if (!result.pages().isEmpty()) {
				pageQuestions++;
				if (scores.pageRank() != null) {
					page5 += (scores.pageRank() <= 5) ? 1 : 0;
					page10++;
					pageReciprocal += 1.0 / scores.pageRank();
				}
			}
			citing += Boolean.TRUE.equals(scores.citesExpected()) ? 1 : 0;
			grounded += result.grounded() ? 1 : 0;
			citations += scores.citations();
			expectedCitations += scores.expectedCitations();
		}
		Map<String, Metric> totals = new LinkedHashMap<>();
		totals.put("documentRecallAt5", Metric.rate(document5, documentQuestions));
		totals.put("documentRecallAt10", Metric.rate(document10, documentQuestions));
		totals.put("documentMrr", Metric.mean(documentReciprocal, documentQuestions));
		totals.put("pageRecallAt5", Metric.rate(page5, pageQuestions));
		totals.put("pageRecallAt10", Metric.rate(page10, pageQuestions));
		totals.put("pageMrr", Metric.mean(pageReciprocal, pageQuestions));
		totals.put("citesExpected", Metric.rate(citing, answerable));
		totals.put("citationsExpected", Metric.rate(expectedCitations, citations));
		totals.put("grounded", Metric.rate(grounded, answerable));
		totals.put("refused", Metric.rate(refused, toRefuse));
		totals.put("latencyP50Ms", latency(latencies, 50));
		totals.put("latencyP95Ms", latency(latencies, 95));
		return totals;
	}

	/**
	 * @param name a figure of {@link #NAMES}
	 * @return whether it is a latency (lower is better, and no noise rule applies)
	 */
	static boolean isLatency(String name) {
		return name.startsWith("latency");
	}

	/** Nearest rank, as {@code benchmarks/eval} counts it. */
	private static Metric latency(List<Long> values, int percentile) {
		if (values.isEmpty()) {
			return new Metric(null, null, 0);
		}
		List<Long> ordered = values.stream().sorted().toList();
		int index = Math.max(0, (int) Math.ceil(percentile / 100.0 * ordered.size()) - 1);
		return new Metric((double) ordered.get(index), null, ordered.size());
	}

	private static boolean onDocument(GoldenSet.Question question, String documentId, String filename) {
		return question.documents().stream().anyMatch((name) -> names(name, documentId, filename));
	}

	private static boolean onPage(GoldenSet.Question question, String documentId, String filename, int page,
			int pageEnd) {
		return question.pages()
			.stream()
			.anyMatch((gold) -> names(gold.document(), documentId, filename) && page <= gold.page()
					&& gold.page() <= pageEnd);
	}

	/**
	 * @param name a document's name in a golden set
	 * @param documentId a document's id
	 * @param filename its file name
	 * @return whether the name is its id, its file name or its file name without the
	 * extension
	 */
	static boolean names(String name, String documentId, String filename) {
		return name.equals(documentId) || name.equals(filename)
				|| (filename != null && name.equals(EXTENSION.matcher(filename).replaceFirst("")));
	}

}
