package dev.ragchat.answer.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KindsTests {

	@Test
	void aWordForAKindOfTheThingNamesOneOfThem() {
		assertThat(Kinds.isA("tomato", "plants")).isTrue();
		assertThat(Kinds.isA("antihistamines", "medicine")).isTrue();
		assertThat(Kinds.isA("steamer", "ships")).isTrue();
		assertThat(Kinds.isA("hall", "halls")).isTrue();
	}

	@Test
	void aWordForSomethingElseOrOneWordNetDoesNotKnowNamesNone() {
		assertThat(Kinds.isA("symptom", "medicines")).isFalse();
		assertThat(Kinds.isA("fee", "animals")).isFalse();
		assertThat(Kinds.isA("painter", "people")).isFalse();
		assertThat(Kinds.isA("Bristlecombe", "dogs")).isFalse();
		assertThat(Kinds.isA("", "dogs")).isFalse();
	}

}
