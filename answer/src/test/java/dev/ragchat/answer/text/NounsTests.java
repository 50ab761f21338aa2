package dev.ragchat.answer.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NounsTests {

	@Test
	void anInfinitiveAfterANounSaysWhatSomethingIsDoneFor() {
		assertThat(Nouns.givesPurpose("The engineer chose locks of 7 feet to save water on the summit.")).isTrue();
		assertThat(Nouns.givesPurpose("The council grits the hill roads to keep the buses running.")).isTrue();
		assertThat(Nouns.givesPurpose("You have to book a visit online.")).isFalse();
		assertThat(Nouns.givesPurpose("The tip is open from nine to five.")).isFalse();
		assertThat(Nouns.givesPurpose("Send the form to the council office.")).isFalse();
		assertThat(Nouns.givesPurpose("Set the time the rice is ready (not the time to start), and press Start."))
			.isFalse();
	}

	@Test
	void theNounsOfAMessageAreTheThingsItSpeaksOfNotWhatItDoes() {
		assertThat(Nouns.of("can my boyfriend stay over during the week?")).containsExactly("boyfriend", "week");
		assertThat(Nouns.of("Which languages does your customer support speak?")).contains("languages", "customer");
		assertThat(Nouns.of("how much do they usually knock off?")).isEmpty();
	}

}
