package dev.ragchat.api.chat.answer;

import java.util.List;

import dev.ragchat.retrieval.Chunk;
import dev.ragchat.retrieval.ScoredChunk;
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

	@Test
	void findsTheQuestionsNamesAndPeriodsInTheSourcesOrSaysWhichAreMissing() {
		Chunk chunk = new Chunk("d:0", "kb", "d", "3M_2018_10K.pdf", 1, 1, "", 0,
				"Capital expenditures were $1,577 million in 2018.", java.util.Map.of(), "3M 2018 10K");
		List<ScoredChunk> sources = List.of(new ScoredChunk(chunk, 1));
		assertThat(QuestionTerms.unsupported("What is the FY2018 capital expenditure for 3M?", sources)).isEmpty();
		assertThat(QuestionTerms.unsupported("What is Adobe's FY2022 operating margin?", sources))
			.containsExactly("adobe", "2022");
		assertThat(QuestionTerms.names("What is the FY2019 fixed asset turnover ratio for Activision Blizzard?"))
			.containsExactly("activision", "blizzard");
		// abbreviations the question defines and finance words it capitalises name no one
		assertThat(QuestionTerms.names("What is the FY2019 cash conversion cycle (CCC) for General Mills? CCC is"
				+ " defined as: DIO + DSO - DPO. Does Adobe have an improving Free Cash Flow conversion? What is"
				+ " Lockheed Martin's 2 year CAGR? Use the Balance Sheet."))
			.containsExactly("general", "mills", "adobe", "lockheed", "martin");
	}

}
