package dev.ragchat.answer.text;

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
	void takesForATitleAShortCapitalisedLineWithoutFiguresOrAStop() {
		assertThat(Sentences.isTitle("CONSOLIDATED STATEMENTS OF CASH FLOWS")).isTrue();
		assertThat(Sentences.isTitle("Lockheed Martin Corporation Consolidated Statements of Earnings")).isTrue();
		assertThat(Sentences.isTitle("Consolidated Balance Sheets (In millions, except par value)")).isTrue();
		assertThat(Sentences.isTitle("Global Routing")).isTrue();
		// prose, a row, a line that ends a sentence, one capitalised word
		assertThat(Sentences.isTitle("Adobe Premiere Rush is an all-in-one video editing app")).isFalse();
		assertThat(Sentences.isTitle("Net Income 11,588 10,073")).isFalse();
		assertThat(Sentences.isTitle("Cash Flows From Operating Activities:")).isFalse();
		assertThat(Sentences.isTitle("Overview")).isFalse();
	}

	@Test
	void tellsAStatementFromALabelAQuestionAndALeadIn() {
		assertThat(Sentences.isLabel("Run the app locally")).isTrue();
		assertThat(Sentences.isLabel("Summary of SSML errors")).isTrue();
		assertThat(Sentences.isLabel("CONSOLIDATED STATEMENTS OF CASH FLOWS")).isTrue();
		// a statement, one without its stop but long enough to state something, data
		assertThat(Sentences.isLabel("You can restore data from a backup by using the UI.")).isFalse();
		assertThat(Sentences.isLabel("Growing children should get at least one hour of physical activity a day"))
			.isFalse();
		assertThat(Sentences.isLabel("Net income 11,588 10,073")).isFalse();
		assertThat(Sentences.isLabel("Piers rebuilt — 1990: 2; 1991: 1")).isFalse();
		// a command's synopsis answers how to run it
		assertThat(Sentences.isLabel("create_logic_port [-direction direction] port_name")).isFalse();
		assertThat(Sentences.isQuestion("Do I need a lawyer?")).isTrue();
		assertThat(Sentences.isQuestion("You do not need a lawyer (do you?) to file.")).isFalse();
		assertThat(Sentences.isLeadIn("Take the following steps to migrate your mobile apps:")).isTrue();
		assertThat(Sentences.isLeadIn("The steps follow.")).isFalse();
	}

	@Test
	void neverTakesATableForOneSentence() {
		List<String> sentences = Sentences.of("Years Ended December 31, 2022 2021\nTotal revenues $ 66,608 $ 62,286\n"
				+ "Cost of revenues and other charges 1,234 1,100\nNet income attributable to owners 1,577 2,032");
		assertThat(sentences).hasSize(4);
		assertThat(Sentences.isHeader("Years Ended December 31, 2022 2021")).isTrue();
		assertThat(Sentences.isHeader("Three Months Ended September 30, 2022 September 30, 2021")).isTrue();
		// a sentence that names two years is no header
		assertThat(Sentences.isHeader("The Salt Winter is a 1958 drama film directed by Per Lund, based on the 1934 "
				+ "novel of the same name by Elin Varg"))
			.isFalse();
		assertThat(Sentences.isHeader("She was mayor of Harl from 1925 to 1931.")).isFalse();
		assertThat(Sentences.isRow("Total revenues $ 66,608 $ 62,286")).isTrue();
		assertThat(Sentences.isRow("Our revenues grew in 2022.")).isFalse();
	}

	@Test
	void aSentenceGoesOnPastALineThatEndsAtAnAbbreviationButATableRowStaysApart() {
		// a PDF's line ends after "Inc."; the sentence goes on
		assertThat(Sentences.of("NEW YORK, August 19, 2022 \u2013 Foot Locker, Inc.\n(NYSE: FL), the New York-based"
				+ " specialty athletic retailer, today announced results."))
			.singleElement()
			.asString()
			.contains("Foot Locker, Inc. (NYSE: FL), the New York-based");
		// a line that ends a sentence, or a row after the abbreviation, is its own
		assertThat(Sentences.of("The plan is run by Walmart Inc.\nNet sales of the company 1,200 1,300")).hasSize(2)
			.first()
			.asString()
			.endsWith("Walmart Inc.");
		assertThat(Sentences.of("The harbour was dredged in 1902.\nThe lighthouse was automated in 1987.")).hasSize(2);
	}

	@Test
	void aShortInstructionWithItsFullStopIsASentenceButShortCellsAreNot() {
		assertThat(Sentences.of("Store below 25°C. Keep the tablets in the blister."))
			.containsExactly("Store below 25°C.", "Keep the tablets in the blister.");
		assertThat(Sentences.of("Saturday | closed\nSunday | closed")).isEmpty();
	}

	@Test
	void neverEndsASentenceAtAnInitial() {
		assertThat(Sentences.of("The Bachelor of Journalism (B.A.J. or B. J.) degree is offered by the school.\n"
				+ "Its founders were William Saunders, Francis M. Drake and two others. They met in 1867."))
			.containsExactly("The Bachelor of Journalism (B.A.J. or B. J.) degree is offered by the school.",
					"Its founders were William Saunders, Francis M. Drake and two others.", "They met in 1867.");
	}

	@Test
	void takesForARowALabelThenTwoOrMoreFiguresInEveryWayFilingsWriteThem() {
		assertThat(Sentences.isRow("Net income (loss) (1,234) 567")).isTrue();
		assertThat(Sentences.isRow("Operating margin 12.5% 11.0% 9.8%")).isTrue();
		assertThat(Sentences.isRow("Depreciation $ (12) $ 14")).isTrue();
		assertThat(Sentences.isRow("Other charges — 1,100")).isTrue();
		assertThat(Sentences.isRow("  Total assets $19,845 $17,890  ")).isTrue();
		assertThat(Sentences.isRow("Revenue grew from 2021 to 2022")).isFalse();
		assertThat(Sentences.isRow("1,234 5,678")).isFalse();
		String prose = "The trial enrolled 1,200 patients in 14 countries and followed them for 5 years; ".repeat(40);
		assertThat(Sentences.isRow(prose + "the effect was 12% 14%")).isTrue();
		assertThat(Sentences.isRow(prose + "the effect held.")).isFalse();
	}

}
