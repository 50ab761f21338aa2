package dev.ragchat.retrieval.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.ragchat.retrieval.Chunk;
import dev.ragchat.retrieval.ScoredChunk;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

/**
 * The index format: the fields a chunk is indexed and stored as, and the chunk read back
 * from them. A change here changes the index on disk.
 */
final class ChunkFields {

	static final String ID = "id";

	static final String KNOWLEDGE_BASE = "kb";

	static final String DOCUMENT = "doc";

	private static final String FILENAME = "filename";

	static final String PAGE = "page";

	private static final String PAGE_END = "pageEnd";

	private static final String HEADING_PATH = "headingPath";

	private static final String TITLE = "title";

	private static final String ORDINAL = "ordinal";

	private static final String TEXT = "text";

	/** What BM25 searches: the title, the heading path and the text. */
	static final String CONTENT = "content";

	/** The content's length in tokens, for the knowledge base's BM25 statistics. */
	static final String CONTENT_LENGTH = "contentLength";

	static final String VECTOR = "vector";

	/** Prefix of the fields holding a chunk's text values (as before typed values). */
	static final String METADATA = "meta.";

	/** Prefix of the fields holding a chunk's number values. */
	static final String METADATA_NUMBER = "metan.";

	/** Prefix of the fields holding a chunk's boolean values. */
	static final String METADATA_BOOLEAN = "metab.";

	/** The keys a chunk has values for (what {@code ne} and {@code nin} ask first). */
	static final String METADATA_KEYS = "metakey";

	private ChunkFields() {
	}

	/**
	 * @param chunk a chunk
	 * @param vector its embedding
	 * @param length its content's length in tokens
	 * @return the Lucene document it is indexed as
	 */
	static Document document(Chunk chunk, float[] vector, int length) {
		Document document = new Document();
		document.add(new StringField(ID, chunk.id(), Field.Store.YES));
		document.add(new StringField(KNOWLEDGE_BASE, chunk.knowledgeBase(), Field.Store.YES));
		document.add(new StringField(DOCUMENT, chunk.documentId(), Field.Store.YES));
		document.add(new StoredField(FILENAME, chunk.filename()));
		document.add(new StoredField(PAGE, chunk.page()));
		document.add(new StoredField(PAGE_END, chunk.pageEnd()));
		document.add(new StoredField(HEADING_PATH, chunk.headingPath()));
		document.add(new StoredField(TITLE, chunk.title()));
		document.add(new StoredField(ORDINAL, chunk.ordinal()));
		document.add(new StoredField(TEXT, chunk.text()));
		document.add(new TextField(CONTENT, chunk.indexText(), Field.Store.NO));
		document.add(new NumericDocValuesField(CONTENT_LENGTH, length));
		HitPages.index(document, chunk.documentId(), chunk.page());
		document.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
		LuceneFilters.index(chunk.metadata(), document);
		return document;
	}

	/**
	 * @param storedFields the stored fields of a searcher
	 * @param doc a chunk's doc id in it
	 * @return the chunk
	 * @throws IOException if the index cannot be read
	 */
	static Chunk chunk(StoredFields storedFields, int doc) throws IOException {
		Document d = storedFields.document(doc);
		Map<String, Object> metadata = LuceneFilters.values(d);
		return new Chunk(d.get(ID), d.get(KNOWLEDGE_BASE), d.get(DOCUMENT), d.get(FILENAME),
				d.getField(PAGE).numericValue().intValue(), d.getField(PAGE_END).numericValue().intValue(),
				d.get(HEADING_PATH), d.getField(ORDINAL).numericValue().intValue(), d.get(TEXT), metadata,
				d.get(TITLE));
	}

	/**
	 * @param searcher the searcher the hits come from
	 * @param topDocs its hits
	 * @return the hits' chunks and scores, in the same order
	 * @throws IOException if the index cannot be read
	 */
	static List<ScoredChunk> hits(IndexSearcher searcher, TopDocs topDocs) throws IOException {
		StoredFields storedFields = searcher.storedFields();
		List<ScoredChunk> hits = new ArrayList<>(topDocs.scoreDocs.length);
		for (ScoreDoc scoreDoc : topDocs.scoreDocs) {
			hits.add(new ScoredChunk(chunk(storedFields, scoreDoc.doc), scoreDoc.score));
		}
		return hits;
	}

}
