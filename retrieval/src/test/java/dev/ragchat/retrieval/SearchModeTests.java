package dev.ragchat.retrieval;

import dev.ragchat.errors.RejectedInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SearchModeTests {

	@Test
	void readsAModeInAnyCaseAndHybridWhenNoneIsGiven() {
		assertThat(SearchMode.of("Keyword")).isEqualTo(SearchMode.KEYWORD);
		assertThat(SearchMode.of("vector")).isEqualTo(SearchMode.VECTOR);
		assertThat(SearchMode.of(null)).isEqualTo(SearchMode.HYBRID);
	}

	@Test
	void refusesAnyOtherWordNamingTheModes() {
		assertThatExceptionOfType(RejectedInputException.class).isThrownBy(() -> SearchMode.of("fuzzy"))
			.withMessage("mode must be hybrid, vector or keyword");
	}

}
