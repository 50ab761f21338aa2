package dev.ragchat.retrieval;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import dev.ragchat.retrieval.query.KeywordTerm;

import org.springframework.util.Assert;

/**
 * How much of a question's words a text holds, the words that are rare in the knowledge
 * base counting most. Each term of the question's keywords weighs the keyword's weight
 * times the term's inverse chunk frequency in the knowledge base, BM25's
 * {@code idf = ln(1 + (N - n + 0.5) / (n + 0.5))} ({@code N} chunks, {@code n} of them
 * holding the term); a text covers the share of the question's weight whose terms it
 * holds. A passage that holds what pins the question down (the words few chunks share)
 * covers much of it; one that holds only the words most chunks have covers little,
 * however alike it reads. The weights come from the knowledge base's own statistics, so
 * no word is favoured by a list.
 */
public final class TermCoverage {

	private final Map<String, Double> weights;

	private final double total;

	private TermCoverage(Map<String, Double> weights) {
		this.weights = weights;
		this.total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
	}

	/**
	 * @param keywords the question's weighted words
	 * @param analyse a word's terms, as the index analyses its text
	 * @param holding how many of the knowledge base's chunks hold a term
	 * @param chunks how many chunks the knowledge base has
	 * @return the question's terms, weighed
	 */
	public static TermCoverage of(List<KeywordTerm> keywords, Function<String, List<String>> analyse,
			ToLongFunction<String> holding, long chunks) {
		Assert.notNull(keywords, "keywords must not be null");
		Assert.isTrue(chunks >= 0, "chunks must not be negative");
		Map<String, Float> keywordWeights = new LinkedHashMap<>();
		for (KeywordTerm keyword : keywords) {
			for (String term : analyse.apply(keyword.word())) {
				keywordWeights.merge(term, keyword.weight(), Math::max);
			}
		}
		Map<String, Double> weights = new LinkedHashMap<>();
		keywordWeights.forEach((term, weight) -> {
			long n = Math.min(Math.max(holding.applyAsLong(term), 0), chunks);
			weights.put(term, weight * Math.log(1 + (chunks - n + 0.5) / (n + 0.5)));
		});
		return new TermCoverage(weights);
	}

	/**
	 * @param terms a text's terms, as the index analyses it
	 * @return the share of the question's weight the text holds, between 0 and 1 (1 for a
	 * question without a term)
	 */
	public double of(Collection<String> terms) {
		if (this.total <= 0) {
			return 1;
		}
		Set<String> held = new HashSet<>(terms);
		double covered = 0;
		for (Map.Entry<String, Double> weight : this.weights.entrySet()) {
			if (held.contains(weight.getKey())) {
				covered += weight.getValue();
			}
		}
		return covered / this.total;
	}

	/**
	 * @return each term of the question and its weight, in the question's order
	 */
	public Map<String, Double> weights() {
		return Map.copyOf(this.weights);
	}

}
