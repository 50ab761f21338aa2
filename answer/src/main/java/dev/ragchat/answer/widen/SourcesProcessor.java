package dev.ragchat.answer.widen;

import java.util.List;

import dev.ragchat.retrieval.ScoredChunk;

/**
 * A post-retrieval step: the sources an answer is written from, as the judge let them
 * through, read differently (wider: the rest of a page, the neighbours of a passage), as
 * Spring AI's {@code DocumentPostProcessor} processes documents. The engine runs the
 * first of its steps that applies.
 */
@FunctionalInterface
public interface SourcesProcessor {

	/**
	 * @param question the question as it was asked (what it asks: a summary, …)
	 * @param query the query it was searched with (a follow-up with the subject its
	 * conversation supplies)
	 * @param sources the sources the judge let through, best first
	 * @return the sources as this step reads them and how, or {@code null} when the step
	 * does not apply to the question
	 */
	Processed process(String question, String query, List<ScoredChunk> sources);

	/**
	 * What a step made of the sources.
	 *
	 * @param sources the sources, as many as it was given, in their order or in document
	 * order
	 * @param how what it did, for an answer's trace
	 */
	record Processed(List<ScoredChunk> sources, String how) {

		public Processed {
			sources = List.copyOf(sources);
		}

	}

}
