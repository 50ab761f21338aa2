package dev.ragchat.retrieval.query;

import java.util.List;

import org.springframework.util.Assert;

/**
 * A question shaped for search: the text the vector side embeds, the weighted words the
 * keyword side looks for, and what the question pins down (its names and periods).
 *
 * @param text the question as asked (embedded as it is)
 * @param keywords the words that matter, weighted; never empty for a question with a word
 * @param names the words that name something ("Contoso", "3M", "AMEX"), as written
 * (without a possessive), each once whatever its case, in order
 * @param periods the years it names, in order
 */
public record ShapedQuery(String text, List<KeywordTerm> keywords, List<String> names, List<String> periods) {

	public ShapedQuery {
		Assert.hasText(text, "text must not be empty");
		keywords = List.copyOf(keywords);
		names = List.copyOf(names);
		periods = List.copyOf(periods);
	}

}
