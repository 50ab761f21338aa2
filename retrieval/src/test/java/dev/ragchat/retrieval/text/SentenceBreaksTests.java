package dev.ragchat.retrieval.text;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SentenceBreaksTests {

	@Test
	void keepsAMiddleInitialInsideItsSentence() {
		assertThat(sentences("The Union finally won the war when General Robert E. Lee surrendered at Appomattox. "
				+ "Reconstruction followed."))
			.containsExactly("The Union finally won the war when General Robert E. Lee surrendered at Appomattox.",
					"Reconstruction followed.");
		assertThat(sentences("Its founders were William Saunders, Francis M. Drake and two others. They met in 1867."))
			.containsExactly("Its founders were William Saunders, Francis M. Drake and two others.",
					"They met in 1867.");
	}

	@Test
	void keepsInitialsInBracketsAndRunsOfInitialsInsideTheSentence() {
		assertThat(sentences("The Bachelor of Journalism (B.A.J. or B. J.) degree takes four years. It is rare."))
			.containsExactly("The Bachelor of Journalism (B.A.J. or B. J.) degree takes four years.", "It is rare.");
		assertThat(sentences("The U.S. Army grew. J. R. R. Tolkien wrote it.")).containsExactly("The U.S. Army grew.",
				"J. R. R. Tolkien wrote it.");
	}

	@Test
	void keepsTitlesAndAbbreviationsBeforeANameOrAnExampleInsideTheSentence() {
		assertThat(sentences("John Pope's Army of Virginia, led by Gen. John Pope, was beaten. Lee advanced."))
			.containsExactly("John Pope's Army of Virginia, led by Gen. John Pope, was beaten.", "Lee advanced.");
		assertThat(sentences("Mr. Smith met Dr. Jones at St. Paul's with Prof. Hale and Lt. Dan. They left."))
			.containsExactly("Mr. Smith met Dr. Jones at St. Paul's with Prof. Hale and Lt. Dan.", "They left.");
		assertThat(sentences("Some cities, e.g. London, and one port, i.e. Dover, were named. No. 5 won 3 vs. 2."))
			.containsExactly("Some cities, e.g. London, and one port, i.e. Dover, were named.", "No. 5 won 3 vs. 2.");
		assertThat(sentences("Acme Inc. was sold. Its buyer was Bolt Inc. The price was not disclosed."))
			.containsExactly("Acme Inc. was sold.", "Its buyer was Bolt Inc.", "The price was not disclosed.");
		assertThat(sentences("Foot Locker, Inc. (NYSE: FL) reported. Acme Corp. Europe and Bolt Ltd. Asia merged."))
			.containsExactly("Foot Locker, Inc. (NYSE: FL) reported.", "Acme Corp. Europe and Bolt Ltd. Asia merged.");
	}

	@Test
	void stillEndsASentenceAtAWordThatMerelyEndsLikeAnAbbreviation() {
		// "O.", "I." and "pp." are abbreviations; "NATO.", "WWII." and "app." are not
		assertThat(sentences("The country joined NATO. Then it grew. It ended with WWII. Download the app. Run it."))
			.containsExactly("The country joined NATO.", "Then it grew.", "It ended with WWII.", "Download the app.",
					"Run it.");
		assertThat(sentences("He sang. She danced! Did they? Yes.")).containsExactly("He sang.", "She danced!",
				"Did they?", "Yes.");
	}

	@Test
	void endsASentenceAtInitialsThatAFunctionWordFollows() {
		assertThat(sentences("He moved to the U.S. Then he worked in Boston. It paid."))
			.containsExactly("He moved to the U.S.", "Then he worked in Boston.", "It paid.");
		assertThat(sentences("We chose Plan B. The rest failed. It rained in 1999 A.D. \u201cWe left,\u201d he said."))
			.containsExactly("We chose Plan B.", "The rest failed.", "It rained in 1999 A.D.",
					"\u201cWe left,\u201d he said.");
		// an initial that looks like a function word is still an initial
		assertThat(sentences("The poem is by E. A. Robinson and J. I. Packer.")).hasSize(1);
	}

	@Test
	void runsASentenceThatEndsInInitialsOnIntoTheNextWhenAnyOtherWordFollows() {
		// the documented price of never cutting after a middle initial: a longer quote
		assertThat(sentences("It binds cyclin B. Overexpression kills the cell.")).hasSize(1);
	}

	@Test
	void looksPastMoreThanOneSpaceButNotPastALineEnd() {
		assertThat(sentences("General Robert E.  Lee surrendered.")).hasSize(1);
		assertThat(sentences("General Robert E.\u00a0Lee surrendered.")).hasSize(1);
		assertThat(sentences("Appendix A.\nB. Lee wrote it.")).containsExactly("Appendix A.", "B. Lee wrote it.");
	}

	@Test
	void givesTheTextBackWhole() {
		String text = "  Mr. Smith left.  Then Robert E. Lee came!\n\nThe end";
		assertThat(String.join("", SentenceBreaks.of(text))).isEqualTo(text);
		assertThat(SentenceBreaks.of("")).isEmpty();
	}

	@Test
	void splitsTheSameOnManyThreadsAtOnce() throws Exception {
		List<String> texts = new ArrayList<>();
		for (int i = 0; i < 64; i++) {
			texts.add(("Sentence " + i + " by Gen. John Pope and Robert E. Lee. ").repeat(1 + i % 5)
					+ "The country joined NATO. Then it grew.");
		}
		List<List<String>> expected = texts.stream().map(SentenceBreaks::of).toList();
		try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
			List<Future<List<List<String>>>> runs = new ArrayList<>();
			for (int run = 0; run < 8; run++) {
				runs.add(threads.submit(() -> texts.stream().map(SentenceBreaks::of).toList()));
			}
			for (Future<List<List<String>>> run : runs) {
				assertThat(run.get()).isEqualTo(expected);
			}
		}
	}

	private static List<String> sentences(String text) {
		return SentenceBreaks.of(text).stream().map(String::strip).toList();
	}

}
