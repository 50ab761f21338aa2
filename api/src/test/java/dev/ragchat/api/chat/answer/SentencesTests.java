package dev.ragchat.api.chat.answer;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SentencesTests {

	@Test
	void quotesATableRowWithItsColumnHeaders() {
		assertThat(Sentences.rowWithHeader("Years Ended December 31, 2022 2021", "Total revenues $ 66,608 $ 62,286"))
			.isEqualTo("Total revenues — 2022: $ 66,608; 2021: $ 62,286");
		assertThat(Sentences.rowWithHeader("2022 2021 2020", "Net income (loss) 1,577 (2,032)"))
			.isEqualTo("Net income (loss) 1,577 (2,032)");
	}

	@Test
	void neverTakesATableForOneSentence() {
		List<String> sentences = Sentences.of("Years Ended December 31, 2022 2021\nTotal revenues $ 66,608 $ 62,286\n"
				+ "Cost of revenues and other charges 1,234 1,100\nNet income attributable to owners 1,577 2,032");
		assertThat(sentences).hasSize(4);
		assertThat(Sentences.isHeader("Years Ended December 31, 2022 2021")).isTrue();
		assertThat(Sentences.isRow("Total revenues $ 66,608 $ 62,286")).isTrue();
		assertThat(Sentences.isRow("Our revenues grew in 2022.")).isFalse();
	}

}
