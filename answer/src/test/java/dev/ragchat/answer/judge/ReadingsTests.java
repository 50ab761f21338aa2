package dev.ragchat.answer.judge;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a question points at, as {@link Readings} reads it.
 */
class ReadingsTests {

	@Test
	void aNameBeforeACommonNounPointsAtTheNoun() {
		assertThat(Readings.kinds("What is the main purpose of that NASA mission?"))
			.startsWith(new Readings.Kind("mission", true));
	}

	@Test
	void thingsPointedAtWithThisOrThatComeBeforeThoseWithThe() {
		assertThat(Readings.kinds("Are there rules of the Superior Court in this County?"))
			.startsWith(new Readings.Kind("county", true))
			.contains(new Readings.Kind("superior court", false));
	}

	@Test
	void aNounInThePluralMeansAllOfThemNotOne() {
		assertThat(Readings.kinds("What are the Mars rovers?")).isEmpty();
		assertThat(Readings.kinds("Which of the parks allow dogs?")).isEmpty();
	}

	@Test
	void aSingularNounFollowedByAVerbIsTheKind() {
		assertThat(Readings.kinds("What services does the clinic provide?"))
			.contains(new Readings.Kind("clinic", false));
	}

	@Test
	void aThingTheQuestionNamedBeforePointingAtItIsNoKindToAskAbout() {
		assertThat(Readings.kinds("What does the Python Unit Test `test_swap_master` do? How can I run this test?"))
			.extracting(Readings.Kind::words)
			.doesNotContain("test");
	}

}
