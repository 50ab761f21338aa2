package dev.ragchat.retrieval.query;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QueryShaperTests {

	private final QueryShaper shaper = new QueryShaper();

	@Test
	void leavesOutStopWordsAndWeighsNamesAndPeriodsMore() {
		ShapedQuery shaped = this.shaper.shape("What was Contoso's revenue in FY2022 and 1,600 units?");
		assertThat(shaped.keywords()).containsExactly(new KeywordTerm("Contoso's", 2), new KeywordTerm("revenue", 1),
				new KeywordTerm("2022", 2, true), new KeywordTerm("1,600", 1), new KeywordTerm("units", 1));
		assertThat(shaped.names()).containsExactly("Contoso");
		assertThat(shaped.periods()).containsExactly("2022");
	}

	@Test
	void weighsAFigureAndAWordBuiltAroundOneAsAnyOtherWord() {
		// the index splits "7-day-old" into 7, day and old: a name's weight on the whole
		// word would weigh "day" and "old" as names
		assertThat(this.shaper.shape("Do 7-day-old worms learn 53% as well as SKY130 cells?").keywords())
			.containsExactly(new KeywordTerm("7-day-old", 1), new KeywordTerm("worms", 1), new KeywordTerm("learn", 1),
					new KeywordTerm("53%", 1), new KeywordTerm("well", 1), new KeywordTerm("SKY130", 2),
					new KeywordTerm("cells", 1));
	}

	@Test
	void readsNamesAsWrittenButNotACapitalThatOnlyStartsASentence() {
		ShapedQuery shaped = this.shaper.shape("Does AMEX beat JnJ and 3M? Revenue of P&G grew.");
		assertThat(shaped.names()).containsExactly("AMEX", "JnJ", "3M", "P&G");
	}

	@Test
	void aMonthOrADayWeighsAsANameButIsNone() {
		ShapedQuery shaped = this.shaper.shape("We sail to Fort Ness in January, on a Sunday or in Sept.");
		assertThat(shaped.names()).containsExactly("Fort", "Ness");
		assertThat(shaped.keywords()).contains(new KeywordTerm("January", 2), new KeywordTerm("Sunday", 2),
				new KeywordTerm("Sept", 2));
	}

	@Test
	void anAbbreviationTheQuestionDefinesIsNoName() {
		ShapedQuery shaped = this.shaper.shape("What is the cash conversion cycle (CCC) of Contoso?");
		assertThat(shaped.names()).containsExactly("Contoso");
	}

	@Test
	void keepsAWordWholeWhateverItJoinsItsPartsWith() {
		assertThat(this.shaper.shape("How does `set_routing_alpha` trade wirelength (-min_fanout)?").keywords())
			.extracting(KeywordTerm::word)
			.containsExactly("set_routing_alpha", "trade", "wirelength", "min_fanout");
	}

	@Test
	void weighsTheSentenceThatAsksAboveItsInstructionsWhenAskedTo() {
		QueryShaper shaper = new QueryShaper(2, 0.5f);
		assertThat(shaper.shape("What was Contoso's revenue? Round to two decimal places.").keywords()).containsExactly(
				new KeywordTerm("Contoso's", 2), new KeywordTerm("revenue", 1), new KeywordTerm("Round", 0.5f),
				new KeywordTerm("two", 0.5f), new KeywordTerm("decimal", 0.5f), new KeywordTerm("places", 0.5f));
		// a question with no sentence that asks keeps every word's weight
		assertThat(shaper.shape("Contoso revenue grew. Costs fell.").keywords()).extracting(KeywordTerm::weight)
			.containsOnly(1f);
	}

	@Test
	void keepsStopWordsOfAQuestionMadeOnlyOfThem() {
		assertThat(this.shaper.shape("Who was it?").keywords()).extracting(KeywordTerm::word)
			.containsExactly("Who", "was", "it");
	}

	@Test
	void looksForAnAmountAtTheOtherScaleToo() {
		assertThat(Figures.atOtherScale("$1.6 billion, 1,600 million, 250 million, 3 bn")).containsExactly("1600",
				"1.6", "0.25", "3000");
		assertThat(this.shaper.shape("Were dividends $1.6 billion?").keywords()).contains(new KeywordTerm("1600", 1));
	}

	@Test
	void readsPeriodsAsPeopleWriteThem() {
		assertThat(Periods.years("FY18, FY 2019, fiscal 2020 and FY'21")).containsExactly("2018", "2019", "2020",
				"2021");
		assertThat(Periods.asYear("FY2022")).isEqualTo("2022");
		assertThat(Periods.asYear("20220")).isNull();
	}

	@Test
	void readsAYearThatRunsIntoTheNextAsTheYearItStartsIn() {
		assertThat(Periods.years("rent in 2025/26, 2026-27, 2027\u201328 and 2028/2029")).containsExactly("2025",
				"2026", "2027", "2028");
		assertThat(Periods.years("what about 25/26?")).containsExactly("2025");
		assertThat(Periods.asYear("25/26")).isEqualTo("2025");
		assertThat(Periods.asYear("2025/26")).isEqualTo("2025");
		// a range written in full is two years; two numbers that are not a year and the
		// next are no year at all
		assertThat(Periods.years("from 2019-2021")).containsExactly("2019", "2021");
		assertThat(Periods.years("3/4 of the seats, 12/14 answered")).isEmpty();
		// a span is one year where years are stripped or counted
		assertThat(Periods.YEAR.matcher("Room | 2025/26 | 2026/27").replaceAll(" ")).doesNotContainPattern("\\d");
		assertThat(Periods.normalize("fees for 25/26")).isEqualTo("fees for 2025");
	}

	@Test
	void readsAYearBefore1900WhereAWordOfTimeMakesItOneAndFindsItInAPassageThatWritesIt() {
		assertThat(Periods.years("and back in 1850?")).containsExactly("1850");
		assertThat(Periods.years("Since 1312, and in the flood of 1879, the town grew")).containsExactly("1312",
				"1879");
		// a number of things, or a number with no word of time, is no year
		assertThat(Periods.years("in 1500 cases, of 1200 metres, 1850 people")).isEmpty();
		assertThat(Periods.years("rose to 1,850 in 2020")).containsExactly("2020");
		// asked about, a passage writes it standing alone (a table of years)
		assertThat(Periods.writes("Year | Population\n1880 | 14,200", "1880")).isTrue();
		assertThat(Periods.writes("Year | Population\n1880 | 14,200", "1850")).isFalse();
		assertThat(Periods.writes("about 11,880 people", "1880")).isFalse();
		assertThat(Periods.writes("the 1880s", "1880")).isFalse();
		assertThat(Periods.writes("the 2022 10-K", "2022")).isTrue();
	}

	@Test
	void takesItsStopWordsFromLucenesEnglishList() {
		assertThat(StopWords.contains("Which")).isTrue();
		assertThat(StopWords.contains("doesn’t")).isTrue();
		assertThat(StopWords.contains("revenue")).isFalse();
	}

}
