package dev.ragchat.answer.generate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AskedAgentTests {

	@Test
	void aQuestionOfWhoDidSomethingIsAnsweredByASentenceNamingTheDoer() {
		AskedAgent bred = AskedAgent.asked("who bred it?").orElseThrow();
		assertThat(bred.namedBy("It was bred by Edwin Tarrant, the grower, in 1998.")).isTrue();
		assertThat(bred.namedBy("Copper Lantern is a climbing rose with single, copper-orange flowers.")).isFalse();
		assertThat(bred.namedBy("Brambleford introduced it in 2016.")).isFalse();
		AskedAgent directed = AskedAgent.asked("different question - who directed the film?").orElseThrow();
		assertThat(directed.namedBy("Per Lund directed it in the winter of 1957.")).isTrue();
		assertThat(directed.namedBy("The film was directed by a young newcomer.")).isTrue();
		assertThat(directed.namedBy("The budget was 1.9 million daler.")).isFalse();
		AskedAgent lived = AskedAgent.asked("And who lived there before?").orElseThrow();
		assertThat(lived.namedBy("Before that, three keepers lived there in rotation.")).isTrue();
		assertThat(lived.namedBy("It is the house that lived on after the fire.")).isFalse();
	}

	@Test
	void theVerbOfSomethingElseNamesNoDoer() {
		AskedAgent opened = AskedAgent.asked("who opened it?").orElseThrow();
		assertThat(opened.namedBy("It is the only pharmacy in Pellworth that opens on Sundays.")).isFalse();
		assertThat(opened.namedBy("On bank holidays the pharmacy opens from 10:00 to 14:00.")).isFalse();
		assertThat(opened.namedBy("The pharmacy was opened in 1962.")).isFalse();
		assertThat(opened.namedBy("The pharmacy was opened in 1962 by Agnes Cole.")).isTrue();
		assertThat(opened.namedBy("It was opened in 1890 by the Ossby council.")).isTrue();
		assertThat(opened.namedBy("Agnes Cole opened it in 1962.")).isTrue();
		// what the pharmacy did by itself, not who opened it
		assertThat(opened.namedBy("Market Square Pharmacy opened in 1988 on the ground floor.")).isFalse();
		// a name after "by" of another deed
		AskedAgent played = AskedAgent.asked("who played him").orElseThrow();
		assertThat(played.namedBy("The Salt Winter is a 1958 drama film directed by Per Lund, based on the 1934 novel "
				+ "of the same name by Elin Varg."))
			.isFalse();
		assertThat(played.namedBy("In the film Anna Rask played Lisa Nyberg.")).isTrue();
		// a passive's doer, whichever verb the question chose
		AskedAgent started = AskedAgent.asked("who started it").orElseThrow();
		assertThat(started.namedBy("The pharmacy was opened in 1962 by Agnes Cole, the town's first woman pharmacist."))
			.isTrue();
		assertThat(started.namedBy("The novel was adapted for the stage in 1946, directed by Per Lund.")).isFalse();
		// two deeds asked of one doer
		AskedAgent maintains = AskedAgent.asked("who collects and maintains all of these data?").orElseThrow();
		assertThat(maintains.namedBy("A subset of the datasets maintained by the Water Boards is on the portal."))
			.isTrue();
		assertThat(maintains.namedBy("The portal was launched in 2014.")).isFalse();
		// "and when" asks something else, not a second deed
		AskedAgent founded = AskedAgent.asked("who founded it and when?").orElseThrow();
		assertThat(founded.namedBy("The museum opened when the mill closed.")).isFalse();
		assertThat(AskedAgent.asked("who founded and when?")
			.orElseThrow()
			.namedBy("The museum opened when the mill closed.")).isFalse();
	}

	@Test
	void whoOfBeingOrOfWhatOneMayDoAsksNoDoer() {
		assertThat(AskedAgent.asked("Who was she married to?")).isEmpty();
		assertThat(AskedAgent.asked("who can use the recycling centre?")).isEmpty();
		assertThat(AskedAgent.asked("Who do I ring to book assistance?")).isEmpty();
		assertThat(AskedAgent.asked("how do they decide who gets one")).isEmpty();
		assertThat(AskedAgent.asked("My son's 19, he'd like to be the one who rents it.")).isEmpty();
	}

}
