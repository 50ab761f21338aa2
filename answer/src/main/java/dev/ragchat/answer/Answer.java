package dev.ragchat.answer;

import java.util.List;

import dev.ragchat.retrieval.ScoredChunk;

/**
 * The engine's answer.
 *
 * @param text the answer with its {@code [n]} markers, numbered in order of first use
 * @param grounded whether it rests on the documents: a verified citation backs it
 * @param citations what each marker cites, with its quote
 * @param tokens the tokens a language model spent on it, or {@code null}
 * @param refusal why the documents do not answer, or {@code null} when grounded
 * @param passages the passages the search stage found for it (retrieved, reranked, above
 * the least score), best first with their scores, cited or not: what the answer was built
 * from
 * @param trace the stages as they ran, when the request asked for them
 * ({@link AnswerRequest#traced()}), else {@code null}
 * @param clarification when the answer is a question asked back (the message could mean
 * several things the documents speak of), its readings, else {@code null}
 * @param listing when the question asked about the whole scope ("which contracts …", "how
 * many …"), every document that says it, counted; else {@code null}
 */
public record Answer(String text, boolean grounded, List<Citation> citations, Long tokens, Refusal refusal,
		List<Passage> passages, Trace trace, Clarification clarification, Listing listing) {

	/** The outcome of an answer from the documents. */
	public static final String ANSWERED = "answer";

	/** The outcome of a refusal: the documents do not answer. */
	public static final String REFUSED = "refused";

	/** The outcome of a question asked back. */
	public static final String CLARIFY = "clarify";

	/** The outcome of a question about the whole scope: the documents that say it. */
	public static final String LIST = "list";

	public Answer {
		citations = List.copyOf(citations);
		passages = (passages != null) ? List.copyOf(passages) : List.of();
	}

	/**
	 * An answer that lists nothing.
	 */
	public Answer(String text, boolean grounded, List<Citation> citations, Long tokens, Refusal refusal,
			List<Passage> passages, Trace trace, Clarification clarification) {
		this(text, grounded, citations, tokens, refusal, passages, trace, clarification, null);
	}

	/**
	 * An answer that asks nothing back.
	 */
	public Answer(String text, boolean grounded, List<Citation> citations, Long tokens, Refusal refusal,
			List<Passage> passages, Trace trace) {
		this(text, grounded, citations, tokens, refusal, passages, trace, null);
	}

	/**
	 * @return {@value #ANSWERED}, {@value #REFUSED}, {@value #CLARIFY} or {@value #LIST}
	 */
	public String outcome() {
		if (this.listing != null) {
			return LIST;
		}
		return (this.clarification != null) ? CLARIFY : this.grounded ? ANSWERED : REFUSED;
	}

	/**
	 * An answer without its trace.
	 */
	public Answer(String text, boolean grounded, List<Citation> citations, Long tokens, Refusal refusal,
			List<Passage> passages) {
		this(text, grounded, citations, tokens, refusal, passages, null);
	}

	/**
	 * An answer without the passages it was built from.
	 */
	public Answer(String text, boolean grounded, List<Citation> citations, Long tokens, Refusal refusal) {
		this(text, grounded, citations, tokens, refusal, List.of());
	}

	/**
	 * A passage the search found for a question.
	 *
	 * @param documentId the document
	 * @param filename its file name
	 * @param page the page the passage starts on (1 for formats without pages)
	 * @param chunkId the chunk
	 * @param headingPath the headings above it (empty when the format has none), cut at
	 * {@value #MAX_HEADING} characters
	 * @param score its score in this search (the reranker's when one ordered them)
	 * @param snippet its text, cut at {@value Citation#SNIPPET_LENGTH} characters
	 * @param pageEnd the page it ends on (its {@code page} for a passage kept before
	 * passages said where they end)
	 * @param knowledgeBase the knowledge base of its document ({@code null} for a passage
	 * kept before passages named it)
	 */
	public record Passage(String documentId, String filename, int page, String chunkId, String headingPath,
			double score, String snippet, int pageEnd, String knowledgeBase) {

		/** The longest heading path a passage keeps. */
		public static final int MAX_HEADING = 200;

		public Passage {
			pageEnd = Math.max(page, pageEnd);
		}

		/**
		 * @param found a chunk a search found
		 * @return it as a passage
		 */
		public static Passage of(ScoredChunk found) {
			return new Passage(found.chunk().documentId(), found.chunk().filename(), found.chunk().page(),
					found.chunk().id(), cut(found.chunk().headingPath(), MAX_HEADING), found.score(),
					cut(found.chunk().text(), Citation.SNIPPET_LENGTH), found.chunk().pageEnd(),
					found.chunk().knowledgeBase());
		}

		private static String cut(String text, int length) {
			return (text.length() > length) ? text.substring(0, length) + "…" : text;
		}

	}

}
