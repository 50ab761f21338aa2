package dev.ragchat.retrieval;

import java.util.List;
import java.util.Map;

import dev.ragchat.retrieval.query.KeywordTerm;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TermCoverageTests {

	private static final Offset<Double> EXACT = Offset.offset(1e-9);

	@Test
	void weighsEachTermByBm25sInverseChunkFrequencyTimesItsKeywordsWeight() {
		Map<String, Long> holding = Map.of("kenvue", 1L, "revenue", 3L);
		TermCoverage coverage = TermCoverage.of(List.of(new KeywordTerm("Kenvue", 2), new KeywordTerm("Revenue", 1)),
				(word) -> List.of(word.toLowerCase()), holding::get, 4);
		double kenvue = 2 * Math.log(1 + (4 - 1 + 0.5) / (1 + 0.5));
		double revenue = Math.log(1 + (4 - 3 + 0.5) / (3 + 0.5));
		assertThat(coverage.weights().get("kenvue")).isCloseTo(kenvue, EXACT);
		assertThat(coverage.of(List.of("kenvue"))).isCloseTo(kenvue / (kenvue + revenue), EXACT);
		assertThat(coverage.of(List.of("revenue", "other"))).isCloseTo(revenue / (kenvue + revenue), EXACT);
		assertThat(coverage.of(List.of("revenue", "kenvue"))).isCloseTo(1, EXACT);
		assertThat(coverage.of(List.of())).isZero();
	}

	@Test
	void aTermOfSeveralKeywordsCountsOnceAtItsLargestWeight() {
		TermCoverage coverage = TermCoverage.of(
				List.of(new KeywordTerm("sales", 1), new KeywordTerm("Sales", 2), new KeywordTerm("cost", 1)),
				(word) -> List.of(word.toLowerCase()), (term) -> 1, 10);
		assertThat(coverage.of(List.of("sales"))).isCloseTo(2.0 / 3, EXACT);
	}

	@Test
	void aQuestionWithoutTermsIsCoveredByAnyText() {
		TermCoverage coverage = TermCoverage.of(List.of(new KeywordTerm("the", 1)), (word) -> List.of(), (term) -> 0,
				10);
		assertThat(coverage.of(List.of("anything"))).isEqualTo(1);
	}

}
