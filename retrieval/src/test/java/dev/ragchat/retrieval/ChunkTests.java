package dev.ragchat.retrieval;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChunkTests {

	@Test
	void indexesTheWordsOfItsFileNameThatItsTitleLacks() {
		Chunk chunk = new Chunk("doc-1:0", "kb", "doc-1", "global_routing_6.md", 1, 1, "Set Routing Alpha", 0,
				"The alpha trades wirelength for path depth.", java.util.Map.of(), "Set Routing Alpha");
		assertThat(chunk.indexText()).isEqualTo(
				"global routing\nSet Routing Alpha\nSet Routing Alpha\nThe alpha trades wirelength for path depth.");
		assertThat(chunk.text()).isEqualTo("The alpha trades wirelength for path depth.");
	}

	@Test
	void leavesOutAFileNameItsTitleAlreadyHolds() {
		Chunk chunk = new Chunk("doc-1:0", "kb", "doc-1", "NIKE_2018_10K.pdf", 4, 4, "", 0, "Revenues rose.",
				java.util.Map.of(), "NIKE 2018 10K");
		assertThat(chunk.indexText()).isEqualTo("NIKE 2018 10K\nRevenues rose.");
	}

	@Test
	void takesOnlyTheWordsOfLettersFromAFileName() {
		assertThat(Chunk.nameWords("reports/NIKE_2022_10K.pdf")).isEqualTo("NIKE");
		assertThat(Chunk.nameWords("C:\\Users\\me\\travel-policy (3).docx")).isEqualTo("travel policy");
		assertThat(Chunk.nameWords("flow-scripts-tutorial_15.md")).isEqualTo("flow scripts tutorial");
		// ids, hashes and counters name nothing
		assertThat(Chunk.nameWords("31715818.md")).isEmpty();
		assertThat(Chunk.nameWords("d41d8cd98f00b204e9800998ecf8427e.bin")).isEmpty();
		assertThat(Chunk.nameWords("IMG_0001.png")).isEqualTo("IMG");
		assertThat(Chunk.nameWords(null)).isEmpty();
	}

}
