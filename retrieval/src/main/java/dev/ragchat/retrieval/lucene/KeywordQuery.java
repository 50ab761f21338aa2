package dev.ragchat.retrieval.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.ragchat.retrieval.query.KeywordTerm;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The BM25 query for a shaped question: each weighted word, analysed as the index
 * analyses its text, becomes term queries boosted by the word's weight (which words
 * matter and how much is decided above the index, by the query shaper).
 */
final class KeywordQuery {

	private final Analyzer analyzer;

	private final String field;

	KeywordQuery(Analyzer analyzer, String field) {
		this.analyzer = analyzer;
		this.field = field;
	}

	/**
	 * @param keywords the shaped question's words
	 * @return the term queries (none when no word has an indexable term)
	 */
	Query build(List<KeywordTerm> keywords) {
		return build(keywords, 0);
	}

	/**
	 * @param keywords the shaped question's words
	 * @param minimumMatch how many of the words a chunk writes at least (a word without
	 * an indexable term counts as written)
	 * @return the term queries (none when no word has an indexable term)
	 */
	Query build(List<KeywordTerm> keywords, int minimumMatch) {
		BooleanQuery.Builder builder = new BooleanQuery.Builder();
		if (minimumMatch <= 1) {
			for (KeywordTerm keyword : keywords) {
				for (String term : terms(keyword.word())) {
					builder.add(boosted(new TermQuery(new Term(this.field, term)), keyword),
							BooleanClause.Occur.SHOULD);
				}
			}
			return builder.build();
		}
		// a word is one clause, however many terms it has, so that the minimum counts
		// words
		int unheld = 0;
		for (KeywordTerm keyword : keywords) {
			List<String> terms = terms(keyword.word());
			if (terms.isEmpty()) {
				unheld++;
				continue;
			}
			BooleanQuery.Builder word = new BooleanQuery.Builder();
			terms.forEach((term) -> word.add(new TermQuery(new Term(this.field, term)), BooleanClause.Occur.SHOULD));
			builder.add(boosted(word.build(), keyword), BooleanClause.Occur.SHOULD);
		}
		return builder.setMinimumNumberShouldMatch(Math.max(1, minimumMatch - unheld)).build();
	}

	private static Query boosted(Query query, KeywordTerm keyword) {
		return (keyword.weight() != 1f) ? new BoostQuery(query, keyword.weight()) : query;
	}

	/**
	 * @param keywords the shaped question's words
	 * @return the analysed terms {@link #build} queries and each one's summed weight (a
	 * term of several words, or of a word given twice, is as many clauses)
	 */
	Map<String, Float> weights(List<KeywordTerm> keywords) {
		Map<String, Float> weights = new LinkedHashMap<>();
		for (KeywordTerm keyword : keywords) {
			for (String term : terms(keyword.word())) {
				weights.merge(term, keyword.weight(), Float::sum);
			}
		}
		return weights;
	}

	private List<String> terms(String text) {
		List<String> terms = new ArrayList<>();
		try (TokenStream stream = this.analyzer.tokenStream(this.field, text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				terms.add(term.toString());
			}
			stream.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return terms;
	}

}
