package dev.ragchat.answer.generate;

import java.util.List;
import java.util.Map;

import dev.ragchat.answer.AnswerGenerator.Question;
import dev.ragchat.retrieval.Chunk;
import dev.ragchat.retrieval.ScoredChunk;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AskedVersionsTests {

	private static final String LOANS = "A Plan 2 loan charges 6.2% a year; a Plan 1 loan charges 1.75%.";

	@Test
	void aNumberedNameNoSourceWritesIsOfAnotherOfItsKindWhenOneWritesASibling() {
		Question plan3 = question("What is the interest rate on a Plan 3 student loan?", LOANS);
		assertThat(AskedVersions.otherNumbers(plan3)).containsExactly("Plan 3");
		assertThat(AskedVersions.coveredNumbers(plan3, List.of("Plan 3")))
			.isEqualTo("The passages found give Plan 1, Plan 2, not Plan 3.");
		Question f5 = question("When does the F5 leave?", "Route F2 leaves at 06:15 and F4 at 07:00.");
		assertThat(AskedVersions.coveredNumbers(f5, AskedVersions.otherNumbers(f5))).contains("F2, F4, not F5");
	}

	@Test
	void aNumberedNameAskedIsLeftToTheJudgeWhenASourceWritesItOrNoneWritesTheName() {
		assertThat(AskedVersions.otherNumbers(question("What does a Plan 2 loan charge?", LOANS))).isEmpty();
		assertThat(AskedVersions.otherNumbers(question("Is IL-6 raised in the mice?", "Interleukin 6 rose.")))
			.isEmpty();
		// a capitalised word joined to its number is a name of its own, as genes are
		assertThat(AskedVersions.otherNumbers(question("ATM and Rad3 related protein sense damage.", "Rad9 binds.")))
			.isEmpty();
		// a sentence's first word is capitalised whatever it is, and a larger figure is
		// no
		// number of a name
		assertThat(AskedVersions.otherNumbers(question("Pay 300 a month, is that enough?", "Pay 200 a month.")))
			.isEmpty();
		assertThat(AskedVersions.otherNumbers(question("Is the Plan 3.5% loan better?", LOANS))).isEmpty();
	}

	private static Question question(String text, String source) {
		Chunk chunk = new Chunk("d:0", "kb", "d", "d.md", 1, 1, "", 0, source, Map.of(), "");
		return new Question(text, text, List.of(), List.of(new ScoredChunk(chunk, 1)), null, null, null);
	}

}
