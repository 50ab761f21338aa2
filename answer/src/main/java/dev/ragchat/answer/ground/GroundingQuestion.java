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
 */
public record GroundingQuestion(String knowledgeBase, ShapedQuery question, List<ScoredChunk> sources) {

	public GroundingQuestion {
		Assert.hasText(knowledgeBase, "knowledgeBase must not be empty");
		Assert.notNull(question, "question must not be null");
		sources = List.copyOf(sources);
	}

}
