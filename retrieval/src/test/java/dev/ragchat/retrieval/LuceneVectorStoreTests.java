package dev.ragchat.retrieval;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.ai.document.Document;
import org.springframework.ai.vectorstore.SearchRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LuceneVectorStoreTests {

	@TempDir
	Path dir;

	LuceneChunkIndex index;

	LuceneVectorStore store;

	@BeforeEach
	void addDocuments() {
		this.index = new LuceneChunkIndex(this.dir, new WordHashEmbeddingModel(), "word-hash", "", 32);
		this.store = new LuceneVectorStore(this.index);
		this.store.add(List.of(document("d1:0", "a", "d1", "Pelicans fish along the coast."),
				document("d2:0", "a", "d2", "Pelicans nest on islands."),
				document("d3:0", "b", "d3", "Pelicans migrate in winter.")));
	}

	@AfterEach
	void close() throws Exception {
		this.index.close();
	}

	@Test
	void searchesWithFilterExpressionsInsideTheQuery() {
		List<Document> found = this.store.similaritySearch(SearchRequest.builder()
			.query("pelicans")
			.topK(10)
			.filterExpression("knowledgeBase == 'a' && documentId in ['d2', 'd3']")
			.build());
		assertThat(found).extracting(Document::getId).containsExactly("d2:0");
		assertThat(found.get(0).getMetadata()).containsEntry("documentId", "d2").containsEntry("page", 1);
	}

	@Test
	void supportsNegation() {
		List<Document> found = this.store.similaritySearch(
				SearchRequest.builder().query("pelicans").topK(10).filterExpression("knowledgeBase != 'a'").build());
		assertThat(found).extracting(Document::getId).containsExactly("d3:0");
	}

	@Test
	void deletesByIdAndByFilter() {
		this.store.delete(List.of("d1:0"));
		this.store.delete("knowledgeBase == 'b'");
		assertThat(this.store.similaritySearch(SearchRequest.builder().query("pelicans").topK(10).build()))
			.extracting(Document::getId)
			.containsExactly("d2:0");
	}

	@Test
	void refusesFiltersOnUnindexedKeys() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.store
				.similaritySearch(SearchRequest.builder().query("x").filterExpression("author == 'me'").build()))
			.withMessageContaining("author");
	}

	private static Document document(String id, String kb, String doc, String text) {
		return Document.builder()
			.id(id)
			.text(text)
			.metadata(Map.of("knowledgeBase", kb, "documentId", doc, "filename", doc + ".txt"))
			.build();
	}

}
