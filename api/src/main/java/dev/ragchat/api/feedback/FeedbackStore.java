package dev.ragchat.api.feedback;

import java.time.Instant;
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

	/**
	 * @param from the first instant, inclusive
	 * @param to the instant after the last
	 * @return the ratings given (or last changed) in {@code [from, to)}, in every
	 * knowledge base, oldest first: usage analytics counts them
	 */
	List<Feedback> between(Instant from, Instant to);

}
