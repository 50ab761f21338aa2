package dev.ragchat.api.feedback;

import java.util.List;

/**
 * Where feedback on answers is kept.
 */
public interface FeedbackStore {

	/**
	 * Keeps a rating, replacing an earlier one of the same answer.
	 * @param feedback the rating
	 */
	void save(Feedback feedback);

	/**
	 * @param knowledgeBase a knowledge base
	 * @param offset how many of the newest to skip
	 * @param limit how many at most
	 * @return its feedback, newest first
	 */
	List<Feedback> page(String knowledgeBase, int offset, int limit);

	/**
	 * @param knowledgeBase a knowledge base
	 * @return how many answers of it were rated
	 */
	long count(String knowledgeBase);

}
