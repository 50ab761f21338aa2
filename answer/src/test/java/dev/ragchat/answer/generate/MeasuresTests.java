package dev.ragchat.answer.generate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MeasuresTests {

	@Test
	void aQuestionOfAPriceAsksASumAndAYearIsNone() {
		Measures asked = Measures.asked("How much did the ferry cost to build?");
		assertThat(asked).isEqualTo(Measures.MONEY);
		assertThat(asked.givenBy("The ferry was ordered by the shipping company founded in 1960.")).isFalse();
		assertThat(asked.givenBy("She cost 48,000 kronor.")).isTrue();
		assertThat(asked.givenBy("Clay, glaze and kiln electricity came to about 900.")).isTrue();
		assertThat(asked.givenBy("It has a yearly charge of 0.95%.")).isTrue();
		assertThat(asked.givenBy("A day ticket is £6.00.")).isTrue();
		assertThat(asked.givenBy("Year Pass holders park free.")).isTrue();
		assertThat(Measures.asked("What is the fee for a replacement card?")).isEqualTo(Measures.MONEY);
	}

	@Test
	void aFigureThatCountsThingsOrDatesADayIsNoSum() {
		Measures asked = Measures.asked("How much did the lighthouse tender cost to build?");
		assertThat(asked.givenBy("She was launched on 4 June 1902 and could carry 40 passengers.")).isFalse();
		assertThat(asked.givenBy("She was lost with 12 of the 30 people on board.")).isFalse();
		assertThat(asked.givenBy("She was launched at Harl on 2 May 1887.")).isFalse();
		assertThat(asked.givenBy("She sank on August 14, 1898.")).isFalse();
		assertThat(asked.givenBy("She was ordered by a company founded in 1860.")).isFalse();
		assertThat(asked.givenBy("She left the quay at 17:05 and was back by 6 pm.")).isFalse();
		assertThat(asked.givenBy("Her crew of 12 keepers served six lights.")).isTrue();
		assertThat(asked.givenBy("The builders were paid 2,400 crowns on launch.")).isTrue();
		assertThat(asked.givenBy("She came to 2,400, paid in two parts.")).isTrue();
		assertThat(asked.givenBy("Her hull cost 1,900 and the engine 700.")).isTrue();
		assertThat(asked.givenBy("Repairs run to about 300 a year.")).isTrue();
	}

	@Test
	void whatAThingIsAtIsItsPriceAndAFigureOfAnotherUnitIsNone() {
		Measures asked = Measures.asked("How much is a spare jar for it?");
		assertThat(asked).isEqualTo(Measures.MONEY);
		assertThat(asked.givenBy("Two years from the date of purchase, including the glass jug.")).isFalse();
		assertThat(asked.givenBy("Fill the jar no higher than the line (1.4 litres on the 2023 model).")).isFalse();
		assertThat(asked.givenBy("Spare jar (B9 Pro): £34.")).isTrue();
		assertThat(asked.givenBy("Membership is 40 euros a year.")).isTrue();
		assertThat(asked.givenBy("There is no blue glass jug.")).isFalse();
		assertThat(Measures.asked("How much water does the jar hold?")).isEqualTo(Measures.FIGURE);
		assertThat(Measures.asked("How much is there left in the fund?")).isEqualTo(Measures.FIGURE);
	}

	@Test
	void aQuestionOfHowLongAsksAFigureWithItsUnit() {
		Measures asked = Measures.asked("How long does it keep the rice warm?");
		assertThat(asked).isEqualTo(Measures.DURATION);
		assertThat(asked.givenBy("Students can have up to 6 counselling sessions in an academic year.")).isFalse();
		assertThat(asked.givenBy("After cooking, the R5 keeps the rice warm for up to 24 hours.")).isTrue();
		assertThat(asked.givenBy("Most repairs take 7 working days.")).isTrue();
		assertThat(asked.givenBy("Slots | 4, each 38 mm wide")).isTrue();
		assertThat(asked.givenBy("An update takes a few minutes.")).isTrue();
		assertThat(asked.givenBy("A cluster has several worker nodes.")).isFalse();
		assertThat(asked.givenBy("Do not take it from the 20th week of pregnancy onwards.")).isFalse();
		assertThat(Measures.asked("how often do you put it on")
			.givenBy("Do not take it from the 20th week of pregnancy onwards.")).isFalse();
		assertThat(Measures.asked("how often do you put it on").givenBy("Rub it in 3 times a day.")).isTrue();
	}

	@Test
	void aQuestionOfHowLongOrHowSoonIsAlsoAnsweredByWhenTheTimeEnds() {
		Measures asked = Measures.asked("how long have i got to send it back?");
		assertThat(asked).isEqualTo(Measures.DURATION);
		assertThat(asked.givenBy("Send it back by the end of the next working day.")).isTrue();
		assertThat(asked.givenBy("Returns are accepted within a month of delivery.")).isTrue();
		assertThat(asked.givenBy("Send it back in its own box.")).isFalse();
		assertThat(asked.givenBy("A day pass costs less.")).isFalse();
		Measures far = Measures.asked("How far is the station?");
		assertThat(far).isEqualTo(Measures.MEASURE);
		assertThat(far.givenBy("The station is the next stop but one, the same day.")).isFalse();
	}

	@Test
	void aQuestionOfHowOftenIsAlsoAnsweredByAWordOfFrequency() {
		Measures asked = Measures.asked("How often should it be descaled?");
		assertThat(asked).isEqualTo(Measures.FREQUENCY);
		assertThat(asked.givenBy("Descale it every month in hard-water areas.")).isTrue();
		assertThat(asked.givenBy("Descaling keeps the kettle quiet.")).isFalse();
	}

	@Test
	void aQuestionOfHowManyAsksAnyFigure() {
		Measures asked = Measures.asked("How many boats did the fleet count?");
		assertThat(asked).isEqualTo(Measures.FIGURE);
		assertThat(asked.givenBy("In 1950 the fleet counted forty boats.")).isTrue();
		assertThat(asked.givenBy("The fleet was founded in 1950.")).isFalse();
	}

	@Test
	void aQuestionOfHowDeepHowHeavyOrHowFastAsksAUnitOfItsKind() {
		Measures fast = Measures.asked("How fast was the train going?");
		assertThat(fast).isEqualTo(Measures.SPEED);
		assertThat(fast.givenBy("The viaduct stands 3 kilometres upstream from Harl.")).isFalse();
		assertThat(fast.givenBy("The train crossed at about 40 km/h.")).isTrue();
		assertThat(fast.givenBy("She made twelve knots on trials.")).isTrue();
		assertThat(fast.givenBy("It ran at 60 miles an hour.")).isTrue();
		Measures deep = Measures.asked("How deep is the wreck?");
		assertThat(deep).isEqualTo(Measures.LENGTH);
		assertThat(deep.givenBy("The wreck lies 38 metres down.")).isTrue();
		assertThat(deep.givenBy("She sank in 4 minutes.")).isFalse();
		// a distance may be told in time: "how far apart", "ten minutes' walk"
		assertThat(Measures.asked("How far apart do I take them?")).isEqualTo(Measures.MEASURE);
		Measures heavy = Measures.asked("How heavy is the mixer?");
		assertThat(heavy.givenBy("It weighs 6.5 kg without the bowl.")).isTrue();
		assertThat(heavy.givenBy("Its bowl holds 5 litres.")).isFalse();
	}

	@Test
	void aQuestionOfTwoQuantitiesAsksEachAndOneGivenAnswersInPart() {
		assertThat(Measures.allAsked("how many staff does she have and how long has she been there"))
			.containsExactly(Measures.FIGURE, Measures.DURATION);
		assertThat(Measures.allAsked("How much is it now, and how much was it last year?"))
			.containsExactly(Measures.MONEY);
		assertThat(Measures.allAsked("How long does it keep the rice warm?")).containsExactly(Measures.DURATION);
		// one quantity asked, its words joined by "and": one measure
		assertThat(Measures.allAsked("How long do the washing and drying take?")).containsExactly(Measures.DURATION);
	}

}
