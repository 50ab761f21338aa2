package dev.ragchat.retrieval.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

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
 * The BM25 query for a question. Long questions carry instructions ("Give a response to
 * the question by relying on the details shown in the cash flow statement", "Round your
 * answer to two decimal places"): their words are rare in documents, so plain BM25 ranks
 * chunks that happen to hold them above the ones about the question's company and period.
 * So the words that only instruct are left out, and the words that pin the question down
 * (names, periods, figures: a capital letter inside a sentence, or a digit) weigh more
 * than the others.
 */
final class KeywordQuery {

	/** Words of questions that instruct the answerer rather than say what is asked. */
	static final Set<String> INSTRUCTION_WORDS = Set.of("what", "whats", "which", "who", "whom", "how", "why", "when",
			"where", "does", "did", "do", "was", "were", "has", "have", "had", "give", "answer", "answers", "question",
			"questions", "response", "respond", "relying", "rely", "based", "base", "judgment", "judgments",
			"judgement", "details", "detail", "shown", "show", "provided", "provide", "information", "primarily",
			"round", "rounded", "decimal", "decimals", "places", "place", "using", "use", "please", "calculate",
			"calculated", "compute", "computed", "defined", "define", "definition", "following", "according",
			"mentioned", "state", "tell", "me", "your", "you", "i", "we", "our", "my", "can", "could", "would",
			"should", "explain", "describe", "list", "named", "name", "answering", "respectively", "formula",
			"expressed", "express", "term", "terms", "assume", "assuming", "approximately", "around", "about", "is",
			"are", "be", "been", "it", "its", "this", "that", "these", "those", "there", "any", "if", "yes", "no");

	private static final Pattern SPECIFIC = Pattern.compile(".*\\d.*|\\p{Lu}.*|.*\\p{Lu}.*\\p{Lu}.*");

	private static final Pattern SENTENCE_END = Pattern.compile(".*[.?!:]['\")\\]]*$");

	/** An amount with its scale: "$1.6 billion", "1,600 million". */
	private static final Pattern SCALED = Pattern
		.compile("(?i)(?<![\\p{L}\\p{N}.,])(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?\\s*(billion|bn|million|mn)\\b");

	private final Analyzer analyzer;

	private final String field;

	private final float specificBoost;

	KeywordQuery(Analyzer analyzer, String field, float specificBoost) {
		this.analyzer = analyzer;
		this.field = field;
		this.specificBoost = specificBoost;
	}

	/**
	 * @param question what was asked
	 * @return the term queries (at least one when the question has any indexable word)
	 */
	Query build(String question) {
		List<BooleanClause> clauses = new ArrayList<>();
		List<BooleanClause> instructions = new ArrayList<>();
		boolean sentenceStart = true;
		for (String word : question.strip().split("\\s+")) {
			String bare = word.replaceAll("^[^\\p{L}\\p{N}$]+|[^\\p{L}\\p{N}%]+$", "");
			boolean instruction = INSTRUCTION_WORDS.contains(bare.toLowerCase(Locale.ROOT).replace("'", ""));
			// a capital at the start of a sentence says nothing; one inside does
			boolean specific = !instruction && SPECIFIC.matcher(bare).matches()
					&& (!sentenceStart || bare.matches(".*\\d.*|.*\\p{Lu}.*\\p{Lu}.*"));
			sentenceStart = SENTENCE_END.matcher(word).matches();
			for (String term : terms(word)) {
				Query query = new TermQuery(new Term(this.field, term));
				if (specific && this.specificBoost != 1f) {
					query = new BoostQuery(query, this.specificBoost);
				}
				(instruction ? instructions : clauses).add(new BooleanClause(query, BooleanClause.Occur.SHOULD));
			}
		}
		for (String amount : otherScale(question)) {
			clauses
				.add(new BooleanClause(new BoostQuery(new TermQuery(new Term(this.field, amount)), this.specificBoost),
						BooleanClause.Occur.SHOULD));
		}
		BooleanQuery.Builder builder = new BooleanQuery.Builder();
		// a question made only of such words is searched as it is
		(clauses.isEmpty() ? instructions : clauses).forEach(builder::add);
		return builder.build();
	}

	/**
	 * Amounts written at the other scale, as the analyzer indexes them: filings write
	 * "1,600 million" where people write "$1.6 billion", and the other way round.
	 * @param question what was asked
	 * @return "1600" for "$1.6 billion", "1.6" for "1,600 million"
	 */
	static List<String> otherScale(String question) {
		List<String> amounts = new ArrayList<>();
		java.util.regex.Matcher matcher = SCALED.matcher(question);
		while (matcher.find()) {
			java.math.BigDecimal amount = new java.math.BigDecimal(
					matcher.group(1).replace(",", "") + ((matcher.group(2) != null) ? matcher.group(2) : ""));
			boolean billions = matcher.group(3).toLowerCase(Locale.ROOT).startsWith("b");
			java.math.BigDecimal other = billions ? amount.movePointRight(3) : amount.movePointLeft(3);
			if (other.signum() > 0) {
				amounts.add(other.stripTrailingZeros().toPlainString());
			}
		}
		return amounts;
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
