package dev.ragchat.answer.text;

import java.util.ArrayList;
import java.util.List;

import dev.ragchat.answer.cite.Quotes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Markers renumbered in order of first use, the same whether the answer streams in pieces
 * or is read whole; and the sentence a marker stands for.
 */
class CitationNumberingTests {

	private static final String ANSWER = "The harbour was dredged in 1902 [3]. The museum opened in 2004 [1][3]."
			+ " A marker beyond the sources [9] goes.";

	@Test
	void renumbersMarkersInOrderOfFirstUse() {
		CitationMarkers.Numbering numbering = new CitationMarkers.Numbering();
		String renumbered = CitationMarkers.keepValid(ANSWER, 4, numbering);
		assertThat(renumbered).isEqualTo(
				"The harbour was dredged in 1902 [1]. The museum opened in 2004 [2][1]. A marker beyond the sources goes.");
		assertThat(numbering.cited()).containsExactly(3, 1);
	}

	@Test
	void streamsTheSameNumbersAsTheWholeAnswer() {
		for (int size = 1; size <= 7; size++) {
			CitationMarkers.Numbering numbering = new CitationMarkers.Numbering();
			StringBuilder streamed = new StringBuilder();
			CitationMarkers.Filter filter = new CitationMarkers.Filter(streamed::append, 4, numbering);
			for (String piece : pieces(ANSWER, size)) {
				filter.accept(piece);
			}
			filter.flush();
			assertThat(streamed.toString()).as("pieces of " + size)
				.isEqualTo(CitationMarkers.keepValid(ANSWER, 4, new CitationMarkers.Numbering()));
			assertThat(numbering.cited()).containsExactly(3, 1);
		}
	}

	@Test
	void aMarkerStandsForTheSentenceBeforeIt() {
		String answer = "Extract from the documents: The harbour was dredged in 1902. [1] It opened in 2004. [2][1]";
		assertThat(Quotes.claim(answer, answer.indexOf("[1]"))).contains("The harbour was dredged in 1902.");
		assertThat(Quotes.claim(answer, answer.indexOf("[2]"))).isEqualTo("It opened in 2004.");
	}

	@Test
	void quotesTheSourceSentenceTheClaimRestsOn() {
		String source = "Harbour history. The harbour was dredged in 1902 to let larger steamers in. "
				+ "The customs house became a maritime museum in 2004.";
		assertThat(Quotes.best("When? The harbour was dredged in 1902 to let larger steamers in.", source))
			.isEqualTo("The harbour was dredged in 1902 to let larger steamers in.");
		assertThat(Quotes.best("It has been a maritime museum since 2004", source))
			.isEqualTo("The customs house became a maritime museum in 2004.");
	}

	@Test
	void quotesTheWholeSentenceThroughAnInitialOrAnAbbreviation() {
		String source = "The war began in 1861. The Union finally won the war when General Robert E. Lee surrendered"
				+ " at Appomattox in 1865. Its Army of Virginia, led by Gen. John Pope, was beaten at Manassas.";
		assertThat(Quotes.best("General Robert E. Lee surrendered at Appomattox in 1865.", source))
			.isEqualTo("The Union finally won the war when General Robert E. Lee surrendered at Appomattox in 1865.");
		assertThat(Quotes.best("John Pope was beaten at Manassas.", source))
			.isEqualTo("Its Army of Virginia, led by Gen. John Pope, was beaten at Manassas.");
		String answer = "Extract from the documents: The war began in 1861. [1] General Robert E. Lee surrendered. [1]";
		assertThat(Quotes.claim(answer, answer.lastIndexOf("[1]"))).isEqualTo("General Robert E. Lee surrendered.");
	}

	private static List<String> pieces(String text, int size) {
		List<String> pieces = new ArrayList<>();
		for (int i = 0; i < text.length(); i += size) {
			pieces.add(text.substring(i, Math.min(text.length(), i + size)));
		}
		return pieces;
	}

}
