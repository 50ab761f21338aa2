package dev.ragchat.answer.query;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which words of a message point back to what was said before.
 */
class PointingBackTests {

	@ParameterizedTest
	@ValueSource(strings = { "How do I get there?", "Which one is better?", "Is this different from the other one?",
			"Tell me more about it", "And the fees?", "What about those rules?", "Is one of them free?" })
	void aMessageThatPointsBackIsRecognised(String message) {
		assertThat(QueryRewriter.POINTS_BACK.matcher(message).find()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Is there a daily limit to hunt pheasant?", "Are there any fees for parking?",
			"There's a fee for parking, right?", "Firing a trigger event periodically vs. one time",
			"there are fees for late filing" })
	void anExistentialThereOrACountingOneDoesNotPointBack(String message) {
		assertThat(QueryRewriter.POINTS_BACK.matcher(message).find()).isFalse();
	}

}
