package dev.ragchat.retrieval.query;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Lucene's {@link EnglishAnalyzer} with the ways people write periods and figures made
 * alike before tokenizing, for the index and the query both: "FY2018", "FY 2018", "FY18"
 * and "fiscal 2018" all hold the token {@code 2018}; "1,600" and "1600" are one token.
 * Lucene's pattern char filters do the rewriting (offsets stay right for highlighting),
 * with the shared rules of {@link Periods} and {@link Figures}. An index that analyses
 * its text elsewhere (Atlas Search's {@code lucene.english}) reads a question's terms
 * with it too.
 */
public final class KeywordAnalyzer extends AnalyzerWrapper {

	private final Analyzer english = new EnglishAnalyzer();

	public KeywordAnalyzer() {
		super(PER_FIELD_REUSE_STRATEGY);
	}

	/**
	 * @param field the field the text is analysed for
	 * @param text a text
	 * @return its terms in order, as the index holds them (lower case, stemmed, English
	 * stop words left out, periods and figures written alike)
	 */
	public List<String> terms(String field, String text) {
		List<String> terms = new ArrayList<>();
		try (TokenStream stream = tokenStream(field, text)) {
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

	@Override
	protected Analyzer getWrappedAnalyzer(String fieldName) {
		return this.english;
	}

	@Override
	protected Reader wrapReader(String fieldName, Reader reader) {
		Reader years = new PatternReplaceCharFilter(Periods.FISCAL_YEAR, "$1", reader);
		Reader shortYears = new PatternReplaceCharFilter(Periods.FISCAL_YEAR_SHORT, "20$1", years);
		return new PatternReplaceCharFilter(Figures.THOUSANDS, "", shortYears);
	}

	@Override
	public void close() {
		this.english.close();
		super.close();
	}

}
