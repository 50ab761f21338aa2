package dev.ragchat.api.evaluation;

import java.util.List;

import dev.ragchat.answer.Trace;

/**
 * One question of a run, answered and scored.
 *
 * @param seq its place in the golden set, from 0
 * @param id its id
 * @param question the question
 * @param history the conversation before it, oldest first, as the golden set gives it
 * (empty when it stands alone, and for results kept before histories were)
 * @param answerable whether the documents answer it (otherwise it must be refused)
 * @param documents the documents that answer it
 * @param pages the pages that answer it
 * @param reference the golden set's reference answer, or {@code null}
 * @param answer the answer's text, with its {@code [n]} markers
 * @param grounded whether the answer rests on the documents
 * @param refusal why the documents were taken not to answer, or {@code null}
 * @param citations what the answer cites, in order
 * @param found the chunks the search found for it, best first (at most
 * {@value Scoring#MAX_FOUND})
 * @param latencyMillis how long the answer took (search to citations)
 * @param scores its scores
 * @param trace how the answer was made, stage by stage (as {@code "trace": true} gives
 * it), or {@code null} for a result kept before traces were
 */
public record QuestionResult(int seq, String id, String question, List<GoldenSet.Turn> history, boolean answerable,
		List<String> documents, List<GoldenSet.Page> pages, String reference, String answer, boolean grounded,
		Refusal refusal, List<Cited> citations, List<Found> found, long latencyMillis, Scores scores, Trace trace) {

	public QuestionResult {
		history = (history != null) ? List.copyOf(history) : List.of();
		documents = List.copyOf(documents);
		pages = List.copyOf(pages);
		citations = List.copyOf(citations);
		found = List.copyOf(found);
	}

	/**
	 * Why an answer was refused.
	 *
	 * @param reason the code ({@code no-sources}, {@code below-similarity}, ...)
	 * @param detail in words
	 */
	public record Refusal(String reason, String detail) {

	}

	/**
	 * A citation of the answer.
	 *
	 * @param documentId the document
	 * @param filename its file name
	 * @param page the page
	 * @param quote the quoted sentence, or {@code null}
	 * @param expected whether it is on an expected page (a question that names pages) or
	 * document (one that names documents only)
	 */
	public record Cited(String documentId, String filename, int page, String quote, boolean expected) {

	}

	/**
	 * A chunk the search found.
	 *
	 * @param documentId the document
	 * @param filename its file name
	 * @param page the page it starts on
	 * @param pageEnd the page it ends on
	 * @param score its score in this search
	 */
	public record Found(String documentId, String filename, int page, int pageEnd, double score) {

	}

	/**
	 * A question's scores.
	 *
	 * @param documentRank the rank (from 1) of the first of the top 10 found chunks on an
	 * expected document, or {@code null} (none, or a question to refuse)
	 * @param pageRank the rank of the first of the top 10 found chunks whose pages hold
	 * an expected page, or {@code null} (none, or a question that names no page)
	 * @param citesExpected whether a citation is expected, or {@code null} for a question
	 * to refuse
	 * @param citations how many citations the answer has
	 * @param expectedCitations how many of them are expected
	 */
	public record Scores(Integer documentRank, Integer pageRank, Boolean citesExpected, int citations,
			int expectedCitations) {

	}

}
