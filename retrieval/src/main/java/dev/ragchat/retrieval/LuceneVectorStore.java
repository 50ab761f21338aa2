package dev.ragchat.retrieval;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;

import org.springframework.ai.document.Document;
import org.springframework.ai.vectorstore.SearchRequest;
import org.springframework.ai.vectorstore.VectorStore;
import org.springframework.ai.vectorstore.filter.Filter;

/**
 * The chunk index seen as a Spring AI {@link VectorStore}: documents carry the chunk's
 * fields in their metadata ({@code knowledgeBase}, {@code documentId}, {@code filename},
 * {@code page}, {@code pageEnd}, {@code headingPath}, {@code ordinal}); filter
 * expressions run inside the vector query.
 */
final class LuceneVectorStore implements VectorStore {

	private final LuceneChunkIndex index;

	LuceneVectorStore(LuceneChunkIndex index) {
		this.index = index;
	}

	@Override
	public String getName() {
		return "LuceneVectorStore";
	}

	@Override
	public void add(List<Document> documents) {
		this.index.upsert(documents.stream().map(LuceneVectorStore::toChunk).toList());
	}

	@Override
	public void delete(List<String> idList) {
		this.index.delete(new TermInSetQuery(LuceneChunkIndex.ID, idList.stream().map(BytesRef::new).toList()));
	}

	@Override
	public void delete(Filter.Expression filterExpression) {
		this.index.delete(LuceneFilters.toQuery(filterExpression));
	}

	@Override
	public List<Document> similaritySearch(SearchRequest request) {
		var filter = (request.getFilterExpression() != null) ? LuceneFilters.toQuery(request.getFilterExpression())
				: null;
		return this.index.vectorSearch(request.getQuery(), request.getTopK(), filter)
			.stream()
			.filter((hit) -> hit.score() >= request.getSimilarityThreshold())
			.map(LuceneVectorStore::toDocument)
			.toList();
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> Optional<T> getNativeClient() {
		return Optional.of((T) this.index);
	}

	static Chunk toChunk(Document document) {
		Map<String, Object> m = document.getMetadata();
		int page = number(m.get("page"), 1);
		return new Chunk(document.getId(), (String) m.get("knowledgeBase"), (String) m.get("documentId"),
				String.valueOf(m.getOrDefault("filename", "")), page, number(m.get("pageEnd"), page),
				String.valueOf(m.getOrDefault("headingPath", "")), number(m.get("ordinal"), 0), document.getText());
	}

	static Document toDocument(ScoredChunk hit) {
		Chunk c = hit.chunk();
		return Document.builder()
			.id(c.id())
			.text(c.text())
			.metadata(new java.util.HashMap<>(Map.of("knowledgeBase", c.knowledgeBase(), "documentId", c.documentId(),
					"filename", c.filename(), "page", c.page(), "pageEnd", c.pageEnd(), "headingPath", c.headingPath(),
					"ordinal", c.ordinal())))
			.score(hit.score())
			.build();
	}

	private static int number(Object value, int fallback) {
		return (value instanceof Number n) ? n.intValue() : fallback;
	}

}
