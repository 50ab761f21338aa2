package dev.ragchat.retrieval.query;

import org.springframework.util.Assert;

/**
 * A word of a keyword query and how much it weighs. The word is as the question wrote it
 * (an index analyses it the way it analyses its text), except that a period is written as
 * its year ("2018" for "FY18").
 *
 * @param word the word
 * @param weight how much it weighs (1 for an ordinary word)
 * @param period whether it is a period the question names (a year)
 */
public record KeywordTerm(String word, float weight, boolean period) {

	public KeywordTerm {
		Assert.hasText(word, "word must not be empty");
		Assert.isTrue(weight > 0, "weight must be positive");
	}

	/**
	 * A word that is no period.
	 * @param word the word
	 * @param weight how much it weighs
	 */
	public KeywordTerm(String word, float weight) {
		this(word, weight, false);
	}

}
