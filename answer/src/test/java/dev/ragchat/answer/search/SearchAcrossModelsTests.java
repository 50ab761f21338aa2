package dev.ragchat.answer.search;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.ragchat.answer.SearchRequest;
import dev.ragchat.retrieval.Chunk;
import dev.ragchat.retrieval.ChunkIndexes;
import dev.ragchat.retrieval.ChunkRoutes;
import dev.ragchat.retrieval.Fusion;
import dev.ragchat.retrieval.Retriever;
import dev.ragchat.retrieval.ScoredChunk;
import dev.ragchat.retrieval.SearchMode;
import dev.ragchat.retrieval.WordHashEmbeddingModel;
import dev.ragchat.retrieval.embedding.IndexEmbedding;
import dev.ragchat.retrieval.embedding.IndexEmbeddings;
import dev.ragchat.retrieval.lucene.LuceneChunkIndex;
import dev.ragchat.retrieval.lucene.LuceneIndexSettings;
import dev.ragchat.retrieval.query.QueryShaper;
import dev.ragchat.retrieval.rerank.Reranking;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A search of two knowledge bases built with different embedding models: each is asked in
 * its own model's index, and their vector rankings, whose similarities do not compare,
 * are fused by rank.
 */
class SearchAcrossModelsTests {

	@TempDir
	Path dir;

	ChunkIndexes indexes;

	KnowledgeBaseSearch search;

	@BeforeEach
	void twoModels() {
		WordHashEmbeddingModel words = new WordHashEmbeddingModel();
		IndexEmbedding own = words.asIndexEmbedding();
		// another model whose similarities all come out lower: its queries carry words no
		// passage has
		IndexEmbedding other = new IndexEmbedding("diluted-hash", words, own.dimensions(),
				(query) -> words.embed(query + " quartz zephyr quince jukebox vortex"));
		Map<String, String> models = Map.of("kb_own", own.name(), "kb_other", other.name());
		this.indexes = new ChunkIndexes(new IndexEmbeddings(own, List.of(other)),
				(embedding) -> new LuceneChunkIndex(this.dir.resolve(embedding.name()), embedding, 16,
						LuceneIndexSettings.DEFAULTS),
				() -> (knowledgeBase) -> new ChunkRoutes.Route(models.get(knowledgeBase), null));
		this.indexes.replace("own", List.of(chunk("kb_own", "own", 0, "The lighthouse keeper left in 1987."),
				chunk("kb_own", "own", 1, "The lighthouse was painted red.")), (n) -> {
				});
		this.indexes.replace("other",
				List.of(chunk("kb_other", "other", 0, "The lighthouse keeper was automated away in 1987."),
						chunk("kb_other", "other", 1, "A museum opened in the cottage.")),
				(n) -> {
				});
		this.search = new KnowledgeBaseSearch(new QueryShaper(),
				new Retriever(this.indexes, Fusion.ranks(60, 1, 1, 10)), Reranking.off());
	}

	@AfterEach
	void close() throws Exception {
		this.indexes.close();
	}

	@Test
	void eachKnowledgeBaseIsSearchedInItsOwnModelsIndex() {
		assertThat(this.indexes.index("word-hash").count("own")).isEqualTo(2);
		assertThat(this.indexes.index("word-hash").count("other")).isZero();
		assertThat(this.indexes.index("diluted-hash").count("other")).isEqualTo(2);
		assertThat(this.indexes.embeddingModel("kb_other")).isEqualTo("diluted-hash");
	}

	@Test
	void fusesVectorRankingsOfDifferentModelsByRank() {
		List<ScoredChunk> found = this.search
			.search(new SearchRequest("kb_own", "When did the lighthouse keeper leave?", 4, SearchMode.VECTOR,
					List.of(), null, false, List.of("kb_other")))
			.chunks();
		// each knowledge base's best first (by its rank, the first named ahead on a tie),
		// then each one's second: the diluted model's lower similarities do not push its
		// best behind the other's second
		assertThat(found).extracting((hit) -> hit.chunk().id()).containsExactly("own-0", "other-0", "own-1", "other-1");
		assertThat(found).extracting(ScoredChunk::score).containsExactly(1.0 / 61, 1.0 / 61, 1.0 / 62, 1.0 / 62);
	}

	private static Chunk chunk(String knowledgeBase, String document, int ordinal, String text) {
		return new Chunk(document + "-" + ordinal, knowledgeBase, document, document + ".txt", 1, 1, "", ordinal, text);
	}

}
