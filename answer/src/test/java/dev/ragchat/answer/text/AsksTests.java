package dev.ragchat.answer.text;

import org.junit.jupiter.api.Test;
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
	@ValueSource(strings = { "What does the travel policy say about hotels?", "Where may I book a hotel?",
			"What is the daily allowance?" })
	void aQuestionAboutSomethingInADocumentIsNoSummary(String message) {
		assertThat(Asks.of(message)).isEqualTo(Asks.ANSWER);
	}

	@ParameterizedTest
	@ValueSource(strings = { "How long does the battery last?", "How far is the station?",
			"What is the fee for a late return?", "What does a hotel cost?", "How often is it serviced?" })
	void aQuestionOfALengthOrAPriceAsksAQuantity(String message) {
		assertThat(Asks.of(message)).isEqualTo(Asks.QUANTITY);
	}

	@ParameterizedTest
	@ValueSource(strings = { "I'm 67, if that makes any difference", "She's only four.",
			"This is for the Cedar site, we're a youth club", "mine's a fake one", "Ours is the older model." })
	void aStatementThatAddsToTheQuestionBeforeAsksNothingOfItsOwn(String message) {
		assertThat(Asks.statement(message)).isTrue();
		assertThat(Asks.correction(message)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Sorry, should have said, I meant the electric ones.",
			"no not that one, the 1911 one that flooded harl", "That's not my machine though." })
	void aStatementThatSaysTheAnswerMissedWhatWasMeantIsACorrection(String message) {
		assertThat(Asks.statement(message)).isTrue();
		assertThat(Asks.correction(message)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Virtualization", "I'm not a strong swimmer, is that a problem",
			"I want to explore some local transport options.", "I'm not sure I understand what a handshake is.",
			"Isn't there a giant sequoia, very famous I believe...", "Tell me about the ferry" })
	void aTopicAQuestionInAClauseOrAWishAsksSomethingOfItsOwn(String message) {
		assertThat(Asks.statement(message)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "how much does it cost", "Can my dog come? She's a strong hiker.",
			"anything we should know about getting off there?", "what about the other one?",
			"Do they open on Sundays?" })
	void aFollowUpPointsBackAtWhatWasSaidBefore(String message) {
		assertThat(Asks.pointsBack(message)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "How many days after a trip may expenses be claimed?", "is there a zipline for teenagers?",
			"Which languages does your customer support speak?" })
	void aNewQuestionStandsOnItsOwn(String message) {
		assertThat(Asks.pointsBack(message)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "ok thanks. different question, how long is the warranty?",
			"Unrelated, but how long is the warranty?", "by the way: how long is the warranty?",
			"Completely different thing - how long is the warranty?", "On another note, how long is the warranty?" })
	void aMessageThatSaysItMovesOnAsksWhatFollows(String message) {
		assertThat(Asks.movesOn(message)).isTrue();
		assertThat(Asks.afterMovingOn(message)).isEqualTo("how long is the warranty?");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Is that unrelated?", "What's a different thing to use instead?",
			"Is the fee unrelated to income?", "How is the new model different, question by question?" })
	void aMessageThatSpeaksOfDifferenceMovesNowhere(String message) {
		assertThat(Asks.movesOn(message)).isFalse();
		assertThat(Asks.afterMovingOn(message)).isEqualTo(message);
	}

	@Test
	void aWordsCliticIsNoWordOfItsOwn() {
		assertThat(Asks.own("What's the max mark I'm allowed? Isn't it the company's call?"))
			.containsExactlyInAnyOrder("max", "mark", "allowed", "company", "call");
	}

}
