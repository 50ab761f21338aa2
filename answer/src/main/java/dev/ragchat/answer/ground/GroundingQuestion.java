package dev.ragchat.answer.ground;

import java.util.List;

import dev.ragchat.retrieval.ScoredChunk;
import dev.ragchat.retrieval.query.ShapedQuery;

import org.springframework.util.Assert;

/**
 * What the ground step checks.
 *
 * @param knowledgeBase where the sources come from
 * @param question the question, shaped (its names and periods)
 * @param sources what was retrieved for it
 * @param message the message as it was asked (the question may add its conversation's
 * subject): where a name of several words is read as one
 */
public record GroundingQuestion(String knowledgeBase, ShapedQuery question, List<ScoredChunk> sources, String message) {

	public GroundingQuestion {
		Assert.hasText(knowledgeBase, "knowledgeBase must not be empty");
		Assert.notNull(question, "question must not be null");
		sources = List.copyOf(sources);
		message = (message != null) ? message : question.text();
	}

	/**
	 * @param knowledgeBase where the sources come from
	 * @param question the question as it was asked, shaped
	 * @param sources what was retrieved for it
	 */
	public GroundingQuestion(String knowledgeBase, ShapedQuery question, List<ScoredChunk> sources) {
		this(knowledgeBase, question, sources, null);
	}

}
