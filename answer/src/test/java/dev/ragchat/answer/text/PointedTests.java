package dev.ragchat.answer.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a question points at ({@link Pointed}).
 */
class PointedTests {

	@Test
	void aNameBeforeACommonNounPointsAtTheNoun() {
		assertThat(Pointed.kinds("What is the main purpose of that NASA mission?"))
			.startsWith(new Pointed.Kind("mission", true));
	}

	@Test
	void thingsPointedAtWithThisOrThatComeBeforeThoseWithThe() {
		assertThat(Pointed.kinds("Are there rules of the Superior Court in this County?"))
			.startsWith(new Pointed.Kind("county", true))
			.contains(new Pointed.Kind("superior court", false));
	}

	@Test
	void aNounInThePluralMeansAllOfThemNotOne() {
		assertThat(Pointed.kinds("What are the Mars rovers?")).isEmpty();
		assertThat(Pointed.kinds("Which of the parks allow dogs?")).isEmpty();
	}

	@Test
	void aSingularNounFollowedByAVerbIsTheKind() {
		assertThat(Pointed.kinds("What services does the clinic provide?")).contains(new Pointed.Kind("clinic", false));
	}

	@Test
	void aThingTheQuestionNamedBeforePointingAtItIsNoKindToAskAbout() {
		assertThat(Pointed.kinds("What does the Python Unit Test `test_swap_master` do? How can I run this test?"))
			.extracting(Pointed.Kind::words)
			.doesNotContain("test");
	}

}
