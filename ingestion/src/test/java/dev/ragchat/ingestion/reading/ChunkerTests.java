package dev.ragchat.ingestion.reading;

import java.util.ArrayList;
import java.util.List;

import dev.ragchat.retrieval.Chunk;
import dev.ragchat.retrieval.embedding.TokenCounter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ChunkerTests {

	/** One token per word, plus the model's two special tokens. */
	static final TokenCounter WORDS = (text) -> text.isBlank() ? 2 : text.strip().split("\\s+").length + 2;

	final Chunker chunker = new Chunker(WORDS, 50, 10);

	@Test
	void keepsEveryChunkWithinTheTokenBudget() {
		List<Chunk> chunks = this.chunker.chunk("kb", "doc", "a.txt", List.of(section(1, "", sentences(60, 8))));
		assertThat(chunks).hasSizeGreaterThan(5);
		assertThat(chunks).allSatisfy((c) -> assertThat(WORDS.count(c.text()) - 2).isLessThanOrEqualTo(50));
	}

	@Test
	void repeatsTheEndOfOneChunkAtTheStartOfTheNext() {
		List<Chunk> chunks = this.chunker.chunk("kb", "doc", "a.txt", List.of(section(1, "", sentences(30, 8))));
		assertThat(chunks.size()).isGreaterThan(1);
		for (int i = 1; i < chunks.size(); i++) {
			String[] previous = chunks.get(i - 1).text().split("(?<=\\.) ");
			assertThat(chunks.get(i).text()).startsWith(previous[previous.length - 1]);
		}
	}

	@Test
	void cutsBetweenSentences() {
		List<Chunk> chunks = this.chunker.chunk("kb", "doc", "a.txt", List.of(section(1, "", sentences(30, 8))));
		assertThat(chunks).allSatisfy((c) -> assertThat(c.text()).startsWith("Sentence").endsWith("."));
	}

	@Test
	void neverCutsAfterAnInitialOrAnAbbreviation() {
		List<String> sentences = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			sentences.add("In battle " + i + " General Robert E. Lee met Gen. John Pope and Francis M. Drake.");
		}
		List<Chunk> chunks = this.chunker.chunk("kb", "doc", "a.txt",
				List.of(section(1, "", String.join(" ", sentences))));
		assertThat(chunks).hasSizeGreaterThan(5);
		assertThat(chunks).allSatisfy((c) -> assertThat(c.text()).startsWith("In battle").endsWith("Drake."));
	}

	@Test
	void startsANewChunkWhereTheHeadingChangesAndKeepsItsPath() {
		List<Chunk> chunks = this.chunker.chunk("kb", "doc", "a.docx", List.of(section(1, "Setup", "Install it first."),
				section(1, "Setup > Linux", "Use apt on Linux."), section(1, "Usage", "Run it.")));
		assertThat(chunks).extracting(Chunk::headingPath).containsExactly("Setup", "Setup > Linux", "Usage");
		assertThat(chunks).extracting(Chunk::text).containsExactly("Install it first.", "Use apt on Linux.", "Run it.");
	}

	@Test
	void startsANewChunkOnEachPageAndCitesThePageOfItsOwnText() {
		List<Chunk> chunks = this.chunker.chunk("kb", "doc", "a.pdf", List.of(section(1, "", "Page one fact."),
				section(2, "", "Page two fact."), section(3, "", "Page three fact.")));
		assertThat(chunks).extracting(Chunk::page).containsExactly(1, 2, 3);
		assertThat(chunks.get(2).text()).endsWith("Page three fact.");
		assertThat(chunks.get(2).pageEnd()).isEqualTo(3);
	}

	@Test
	void cutsSentencesLongerThanAChunkBetweenWords() {
		String endless = "word ".repeat(300).strip() + ".";
		List<Chunk> chunks = this.chunker.chunk("kb", "doc", "a.txt", List.of(section(1, "", endless)));
		assertThat(chunks.size()).isGreaterThan(5);
		assertThat(chunks).allSatisfy((c) -> assertThat(WORDS.count(c.text()) - 2).isLessThanOrEqualTo(50));
		assertThat(String.join(" ", chunks.stream().map(Chunk::text).toList())).contains("word word");
	}

	@Test
	void numbersChunksAndNamesThemAfterTheirDocument() {
		List<Chunk> chunks = this.chunker.chunk("kb", "doc-9", "a.txt", List.of(section(1, "", sentences(30, 8))));
		for (int i = 0; i < chunks.size(); i++) {
			assertThat(chunks.get(i).ordinal()).isEqualTo(i);
			assertThat(chunks.get(i).id()).isEqualTo("doc-9:" + i);
			assertThat(chunks.get(i).knowledgeBase()).isEqualTo("kb");
		}
	}

	@Test
	void makesNoChunksFromNothing() {
		assertThat(this.chunker.chunk("kb", "doc", "a.txt", List.of())).isEmpty();
	}

	@Test
	void refusesOverlapOfHalfAChunkOrMore() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Chunker(WORDS, 100, 50));
	}

	static Section section(int page, String heading, String text) {
		return new Section(page, heading, text);
	}

	static String sentences(int count, int words) {
		List<String> sentences = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			sentences.add("Sentence " + i + " " + "filler ".repeat(words - 2).strip() + ".");
		}
		return String.join(" ", sentences);
	}

}
