package dev.ragchat.answer.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NounsTests {

	@Test
	void theNounsOfAMessageAreTheThingsItSpeaksOfNotWhatItDoes() {
		assertThat(Nouns.of("can my boyfriend stay over during the week?")).containsExactly("boyfriend", "week");
		assertThat(Nouns.of("Which languages does your customer support speak?")).contains("languages", "customer");
		assertThat(Nouns.of("how much do they usually knock off?")).isEmpty();
	}

}
