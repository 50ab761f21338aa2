package dev.ragchat.retrieval.atlas;

import java.util.List;
import java.util.Map;

import dev.ragchat.errors.RejectedInputException;
import dev.ragchat.retrieval.Chunk;
import dev.ragchat.retrieval.ChunkSearch;
import dev.ragchat.retrieval.SearchMode;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The aggregation pipelines the Atlas chunk index sends, as MongoDB receives them.
 */
class AtlasPipelinesTests {

	@Test
	void isolatesTheKnowledgeBaseInsideVectorSearch() {
		List<Document> pipeline = AtlasPipelines.vector(
				new ChunkSearch("kb_1", "when?", 5, SearchMode.VECTOR, List.of("doc_1", "doc_2")),
				new float[] { 0.5f, -0.25f }, 200);

		assertThat(pipeline.get(0).toJson()).isEqualTo(Document.parse("""
				{"$vectorSearch": {"index": "chunk_vectors", "path": "embedding", "queryVector": [0.5, -0.25],
				 "numCandidates": 200, "limit": 20,
				 "filter": {"metadata.knowledgeBase": "kb_1", "metadata.documentId": {"$in": ["doc_1", "doc_2"]}}}}
				""").toJson());
		assertThat(stages(pipeline)).containsExactly("$vectorSearch", "$addFields", "$match", "$limit", "$project");
		assertThat(pipeline.get(1).toJson()).contains("\"$meta\": \"vectorSearchScore\"");
		assertThat(pipeline.get(2).toJson()).isEqualTo("{\"$match\": {\"metadata.live\": true}}");
		assertThat(pipeline.get(3).toJson()).isEqualTo("{\"$limit\": 5}");
		assertThat(pipeline.get(4).toJson()).isEqualTo("{\"$project\": {\"embedding\": 0}}");
	}

	@Test
	void searchesExactlyWithoutCandidatesWhenAsked() {
		Document vectorSearch = AtlasPipelines
			.vector(new ChunkSearch("kb_1", "q", 3, SearchMode.VECTOR, null), new float[] { 1f }, 200, true)
			.get(0)
			.get("$vectorSearch", Document.class);
		assertThat(vectorSearch.getBoolean("exact")).isTrue();
		assertThat(vectorSearch).doesNotContainKey("numCandidates");
		assertThat(vectorSearch.getInteger("limit")).isEqualTo(12);
		assertThat(vectorSearch.get("filter", Document.class))
			.isEqualTo(new Document("metadata.knowledgeBase", "kb_1"));
		assertThat(AtlasPipelines
			.vector(new ChunkSearch("kb_1", "q", 3, SearchMode.VECTOR, null), new float[] { 1f }, 200, false)
			.get(0)
			.get("$vectorSearch", Document.class)).doesNotContainKey("exact").containsEntry("numCandidates", 200);
	}

	@Test
	void searchesTheWholeKnowledgeBaseWhenNoDocumentIsNamed() {
		Document vectorSearch = AtlasPipelines
			.vector(new ChunkSearch("kb_1", "q", 3, SearchMode.VECTOR, null), new float[] { 1f }, 200)
			.get(0)
			.get("$vectorSearch", Document.class);
		assertThat(vectorSearch.get("filter", Document.class))
			.isEqualTo(new Document("metadata.knowledgeBase", "kb_1"));
		assertThat(vectorSearch.getInteger("limit")).isEqualTo(12);
	}

	@Test
	void filtersOnMetadataAfterTheSearchOverEveryCandidate() {
		List<Document> pipeline = AtlasPipelines.vector(
				new ChunkSearch("kb_1", "q", 3, SearchMode.VECTOR, null, Map.of("team", "ops")), new float[] { 1f },
				150);
		assertThat(pipeline.get(0).get("$vectorSearch", Document.class).getInteger("limit")).isEqualTo(150);
		assertThat(pipeline.get(2)).isEqualTo(new Document("$match", new Document("metadata.live", true).append("$and",
				List.of(new Document("metadata.meta.team", new Document("$eq", "ops"))))));
	}

	@Test
	void isolatesTheKnowledgeBaseInsideAtlasSearchAndAsksTheShapedWords() {
		List<Document> pipeline = AtlasPipelines.keyword(new ChunkSearch("kb_1",
				"What is the refund policy of Contoso?", 4, SearchMode.KEYWORD, List.of("doc_1")));

		assertThat(pipeline.get(0).toJson()).isEqualTo(Document.parse("""
				{"$search": {"index": "chunk_text", "compound": {
				  "should": [{"text": {"query": "refund", "path": "content", "score": {"boost": {"value": 1.0}}}},
				             {"text": {"query": "policy", "path": "content", "score": {"boost": {"value": 1.0}}}},
				             {"text": {"query": "Contoso", "path": "content", "score": {"boost": {"value": 2.0}}}}],
				  "minimumShouldMatch": 1,
				  "filter": [{"equals": {"path": "metadata.knowledgeBase", "value": "kb_1"}},
				             {"in": {"path": "metadata.documentId", "value": ["doc_1"]}}]}}}
				""").toJson());
		assertThat(stages(pipeline)).containsExactly("$search", "$addFields", "$match", "$limit", "$project");
		assertThat(pipeline.get(1).toJson()).contains("\"$meta\": \"searchScore\"");
		assertThat(pipeline.get(3).toJson()).isEqualTo("{\"$limit\": 4}");
	}

	@Test
	void asksAtlasSearchForTheRequiredNumberOfWordsCountingAStopWordAsWritten() {
		List<dev.ragchat.retrieval.query.KeywordTerm> words = List.of(
				new dev.ragchat.retrieval.query.KeywordTerm("no", 1),
				new dev.ragchat.retrieval.query.KeywordTerm("termination", 1),
				new dev.ragchat.retrieval.query.KeywordTerm("fee", 1));
		Document compound = AtlasPipelines
			.keyword(new ChunkSearch("kb", "no termination fee", words, 5000, SearchMode.KEYWORD, List.of(), null, 3))
			.get(0)
			.get("$search", Document.class)
			.get("compound", Document.class);
		assertThat(compound.getInteger("minimumShouldMatch")).isEqualTo(2);
		assertThat(compound.getList("should", Document.class)).hasSize(3);
	}

	@Test
	void keepsTheBestFewChunksOfEachDocumentWhenASearchAsks() {
		List<Document> pipeline = AtlasPipelines.keyword(
				new ChunkSearch("kb", "termination fee", List.of(new dev.ragchat.retrieval.query.KeywordTerm("fee", 1)),
						5000, SearchMode.KEYWORD, List.of(), null, 1, 3));
		assertThat(stages(pipeline)).containsExactly("$search", "$addFields", "$match", "$group", "$unwind",
				"$replaceWith", "$sort", "$limit", "$project");
		assertThat(pipeline.get(3).toJson()).isEqualTo(Document.parse("""
				{"$group": {"_id": "$metadata.documentId",
				  "chunks": {"$topN": {"n": 3, "sortBy": {"score": -1}, "output": "$$ROOT"}}}}
				""").toJson());
	}

	@Test
	void refusesMetadataKeysThatWouldBecomeOperators() {
		assertThatExceptionOfType(RejectedInputException.class)
			.isThrownBy(() -> AtlasPipelines
				.keyword(new ChunkSearch("kb", "q", 1, SearchMode.KEYWORD, null, Map.of("a.$where", "1"))))
			.withMessageContaining("filter.metadata: 'a.$where' is not a key");
	}

	@Test
	void definesTheKeywordIndexWithEnglishTextAndTokenFilters() {
		Document command = AtlasPipelines.createSearchIndex("chunks");
		assertThat(command.getString("createSearchIndexes")).isEqualTo("chunks");
		Document index = command.getList("indexes", Document.class).get(0);
		assertThat(index.getString("name")).isEqualTo("chunk_text");
		assertThat(index.toJson()).contains("\"analyzer\": \"lucene.english\"")
			.contains("\"knowledgeBase\": {\"type\": \"token\"}")
			.contains("\"documentId\": {\"type\": \"token\"}")
			.contains("\"dynamic\": false");
	}

	@Test
	void countsTheChunksOfOneWriteBothIndexesHave() {
		assertThat(AtlasPipelines.searchableCount("doc_1", "g1").get(0).toJson()).contains("\"$searchMeta\"")
			.contains("\"count\": {\"type\": \"total\"}")
			.contains("\"value\": \"g1\"");
		Document vectorSearch = AtlasPipelines.vectorSearchableCount("doc_1", "g1", List.of(0.1, 0.2), 7)
			.get(0)
			.get("$vectorSearch", Document.class);
		assertThat(vectorSearch.getBoolean("exact")).isTrue();
		assertThat(vectorSearch.getInteger("limit")).isEqualTo(7);
		assertThat(vectorSearch.get("filter", Document.class))
			.isEqualTo(new Document("metadata.documentId", "doc_1").append("metadata.generation", "g1"));
	}

	@Test
	void roundTripsAChunkThroughTheStoredDocument() {
		Chunk chunk = new Chunk("doc_1:3", "kb_1", "doc_1", "a.pdf", 2, 3, "Intro > Scope", 3, "Text.",
				Map.of("team", "ops"));
		org.springframework.ai.document.Document stored = AtlasChunkIndex.toDocument(chunk, "g1");
		assertThat(stored.getId()).isEqualTo("doc_1:3@g1");
		assertThat(stored.getMetadata()).containsEntry("live", false).containsEntry("generation", "g1");
		Document row = new Document("content", stored.getText()).append("metadata",
				new Document(stored.getMetadata()).append("meta", new Document(Map.of("team", "ops"))));
		assertThat(AtlasChunkIndex.toChunk(row)).isEqualTo(chunk);
	}

	private static List<String> stages(List<Document> pipeline) {
		return pipeline.stream().map((stage) -> stage.keySet().iterator().next()).toList();
	}

}
