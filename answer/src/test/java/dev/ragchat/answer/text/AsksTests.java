package dev.ragchat.answer.text;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a message asks for.
 */
class AsksTests {

	@ParameterizedTest
	@ValueSource(strings = { "Summarize the travel policy", "What does the travel policy say?",
			"What is the travel policy about?", "What does the Travel policy cover?" })
	void askingWhatADocumentSaysAsAWholeIsASummary(String message) {
		assertThat(Asks.of(message)).isEqualTo(Asks.SUMMARY);
		assertThat(Asks.topic(message)).contains("travel", "policy").doesNotContain("say", "cover", "about");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Can you please summarize the travel policy?",
			"Could you give me a summary of the travel policy", "I would like an overview of the travel policy.",
			"Travel policy: key points" })
	void whatASummaryIsAboutIsTheObjectOfItsSummaryWordNotTheWordsThatAsk(String message) {
		assertThat(Asks.of(message)).isEqualTo(Asks.SUMMARY);
		assertThat(Asks.topic(message)).containsExactlyInAnyOrder("travel", "policy");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Can you summarize it?", "Summarize this, please." })
	void aSummaryOfWhatTheConversationPointsAtHasNoWordsOfItsOwn(String message) {
		assertThat(Asks.of(message)).isEqualTo(Asks.SUMMARY);
		assertThat(Asks.topic(message)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "What does the travel policy say about hotels?", "What does a hotel cost?",
			"What is the daily allowance?" })
	void aQuestionAboutSomethingInADocumentIsNoSummary(String message) {
		assertThat(Asks.of(message)).isEqualTo(Asks.ANSWER);
	}

}
