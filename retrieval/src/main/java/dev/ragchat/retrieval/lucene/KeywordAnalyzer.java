package dev.ragchat.retrieval.lucene;

import java.io.Reader;

import dev.ragchat.retrieval.query.Figures;
import dev.ragchat.retrieval.query.Periods;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;

/**
 * Lucene's {@link EnglishAnalyzer} with the ways people write periods and figures made
 * alike before tokenizing, for the index and the query both: "FY2018", "FY 2018", "FY18"
 * and "fiscal 2018" all hold the token {@code 2018}; "1,600" and "1600" are one token.
 * Lucene's pattern char filters do the rewriting (offsets stay right for highlighting),
 * with the shared rules of {@link Periods} and {@link Figures}.
 */
final class KeywordAnalyzer extends AnalyzerWrapper {

	private final Analyzer english = new EnglishAnalyzer();

	KeywordAnalyzer() {
		super(PER_FIELD_REUSE_STRATEGY);
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
