package dev.ragchat.retrieval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.ai.document.Document;
import org.springframework.ai.rag.Query;
import org.springframework.ai.rag.retrieval.search.DocumentRetriever;
import org.springframework.util.Assert;

/**
 * One way of searching the chunk index (vector or keyword), as a Spring AI
 * {@link DocumentRetriever}: the knowledge base and document filter travel with it,
 * inside the index query.
 */
final class ChunkIndexRetriever implements DocumentRetriever {

	/** The metadata key under which each document carries its chunk. */
	static final String CHUNK = "ragchat.chunk";

	private final ChunkIndex index;

	private final ChunkSearch search;

	ChunkIndexRetriever(ChunkIndex index, ChunkSearch search) {
		this.index = index;
		this.search = search;
	}

	@Override
	public List<Document> retrieve(Query query) {
		Assert.isTrue(query.text().equals(this.search.query()), "the query is the search's");
		return this.index.search(this.search).stream().map(ChunkIndexRetriever::toDocument).toList();
	}

	/**
	 * @param ranked documents of a ranking, best first
	 * @return the first {@link SearchTrace#TOP} as scored chunks
	 */
	static List<ScoredChunk> chunks(List<Document> ranked) {
		return ranked.stream()
			.limit(SearchTrace.TOP)
			.map((document) -> new ScoredChunk((Chunk) document.getMetadata().get(CHUNK),
					(document.getScore() != null) ? document.getScore() : 0))
			.toList();
	}

	private static Document toDocument(ScoredChunk hit) {
		Chunk c = hit.chunk();
		Map<String, Object> metadata = new HashMap<>(Map.of("knowledgeBase", c.knowledgeBase(), "documentId",
				c.documentId(), "filename", c.filename(), "page", c.page(), "pageEnd", c.pageEnd(), "headingPath",
				c.headingPath(), "ordinal", c.ordinal()));
		metadata.put(CHUNK, c);
		return Document.builder().id(c.id()).text(c.text()).metadata(metadata).score(hit.score()).build();
	}

}
