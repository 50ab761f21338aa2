package dev.ragchat.answer.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A chat's spelling read as English spells it.
 */
class ChatSpellingTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "whats her email address|what's her email address", "Whats the fee?|What's the fee?",
					"im on plan 2, isnt that different|I'm on plan 2, isn't that different",
					"they didnt come and i cant wait|they didn't come and i can't wait",
					"can u summarise it|can you summarise it", "hows long the wait|how's long the wait" })
	void contractionsWrittenWithoutTheirApostropheAreSpelledWithIt(String written, String read) {
		assertThat(ChatSpelling.standard(written)).isEqualTo(read);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "its lid is glass", "were they open?", "the IM service", "plan U costs more",
			"what's the fee", "the shed is well built", "lets in light" })
	void wordsOfTheirOwnCodesAndSpelledContractionsStayAsWritten(String written) {
		assertThat(ChatSpelling.standard(written)).isEqualTo(written);
	}

	@Test
	void aQuestionWrittenWithoutItsApostropheAsksOnceSpelled() {
		// unspelled, "whats" is no question word, and "her" speaks of the conversation
		assertThat(Asks.statement("whats her email address")).isTrue();
		assertThat(Asks.statement(ChatSpelling.standard("whats her email address"))).isFalse();
	}

}
