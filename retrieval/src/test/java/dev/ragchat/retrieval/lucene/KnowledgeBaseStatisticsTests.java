package dev.ragchat.retrieval.lucene;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.ragchat.retrieval.query.QueryShaper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KnowledgeBaseStatisticsTests {

	private static final List<String> TEXTS = List.of("The warehouse ships orders every Tuesday.",
			"Refunds are processed within fourteen days of the return to the warehouse.",
			"Revenue from shipping grew while the warehouse refund desk closed on Tuesday.",
			"Invoices list every shipment and refund.", "Tuesday.");

	private static final List<String> QUESTIONS = List.of("warehouse refund", "Tuesday shipping invoices",
			"revenue of the return desk");

	private static final String EXTRA = " Refund warehouse chunk.";

	private final KnowledgeBaseStatistics statistics = new KnowledgeBaseStatistics("kb", "content", "length");

	@Test
	void scoresChunksIndexedWithoutTheirLengthByTheirNorms() throws IOException {
		// chunks this short have exact norms: the knowledge base alone scores as Lucene
		// does
		try (Directory alone = new ByteBuffersDirectory(); Directory shared = new ByteBuffersDirectory()) {
			try (IndexWriter writer = writer(alone)) {
				for (int i = 0; i < TEXTS.size(); i++) {
					writer.addDocument(chunk("a", "a" + i, TEXTS.get(i), false));
				}
			}
			try (IndexWriter writer = writer(shared)) {
				for (int i = 0; i < TEXTS.size(); i++) {
					writer.addDocument(chunk("b", "b" + i, TEXTS.get(i) + EXTRA, true));
					writer.addDocument(chunk("a", "a" + i, TEXTS.get(i), false));
					writer.addDocument(chunk("b", "c" + i, TEXTS.get(i), false));
					writer.commit();
				}
				writer.forceMerge(1);
			}
			assertThat(scores(shared, "a", true)).isEqualTo(scores(alone, "a", false)).isNotEmpty();
		}
	}

	@Test
	void countsOnlyTheKnowledgeBasesLiveChunks() throws IOException {
		try (Directory alone = new ByteBuffersDirectory(); Directory shared = new ByteBuffersDirectory()) {
			try (IndexWriter writer = writer(alone)) {
				for (int i = 0; i < TEXTS.size(); i++) {
					writer.addDocument(chunk("a", "a" + i, TEXTS.get(i), true));
				}
			}
			// the deleted chunks stay in the segment, not merged away
			try (IndexWriter writer = new IndexWriter(shared,
					new IndexWriterConfig(new KeywordAnalyzer()).setMergePolicy(NoMergePolicy.INSTANCE))) {
				for (int i = 0; i < TEXTS.size(); i++) {
					writer.addDocument(chunk("a", "a" + i, TEXTS.get(i), true));
					writer.addDocument(chunk("a", "deleted" + i, TEXTS.get(i) + EXTRA, true));
					writer.addDocument(chunk("b", "b" + i, TEXTS.get(i) + EXTRA, true));
				}
				writer.commit();
				for (int i = 0; i < TEXTS.size(); i++) {
					writer.deleteDocuments(new Term("id", "deleted" + i));
				}
			}
			try (DirectoryReader reader = DirectoryReader.open(shared)) {
				assertThat(reader.numDeletedDocs()).isEqualTo(TEXTS.size());
			}
			assertThat(scores(shared, "a", true)).isEqualTo(scores(alone, "a", false)).isNotEmpty();
		}
	}

	@Test
	void remembersTheCountsOfTermsMatchingManyChunksRight() throws IOException {
		try (Directory alone = new ByteBuffersDirectory(); Directory shared = new ByteBuffersDirectory()) {
			try (IndexWriter writer = writer(alone)) {
				for (int i = 0; i < 600; i++) {
					writer.addDocument(chunk("a", "a" + i, TEXTS.get(i % TEXTS.size()), true));
				}
			}
			try (IndexWriter writer = writer(shared)) {
				for (int i = 0; i < 600; i++) {
					writer.addDocument(chunk("a", "a" + i, TEXTS.get(i % TEXTS.size()), true));
					writer.addDocument(chunk("b", "b" + i, TEXTS.get(i % TEXTS.size()) + EXTRA, true));
				}
			}
			Map<String, Map<String, Float>> expected = scores(alone, "a", false);
			try (DirectoryReader reader = DirectoryReader.open(shared)) {
				assertThat(reader.leaves()).hasSize(1);
				assertThat(scores(reader, "a", true)).isEqualTo(expected);
				// counted again, or remembered
				assertThat(scores(reader, "a", true)).isEqualTo(expected);
			}
		}
	}

	@Test
	void weighsATermHeldByOneFileAboveATermHeldByAsManyChunksOfManyFiles() throws IOException {
		KnowledgeBaseStatistics withFiles = withFiles();
		try (Directory directory = new ByteBuffersDirectory()) {
			try (IndexWriter writer = writer(directory)) {
				// "ledger" in four chunks of one long file, "harbor" in four one-chunk
				// files
				writer.addDocuments(List.of(chunk("a", "long-0", "ledger entries", "long", true),
						chunk("a", "long-1", "ledger totals", "long", true),
						chunk("a", "long-2", "ledger notes", "long", true),
						chunk("a", "long-3", "ledger dates", "long", true)));
				for (int i = 0; i < 4; i++) {
					writer.addDocument(chunk("a", "short-" + i, "harbor view", "short-" + i, true));
				}
			}
			try (DirectoryReader reader = DirectoryReader.open(directory)) {
				IndexSearcher whole = new IndexSearcher(reader);
				Query ledger = new TermQuery(new Term("content", "ledger"));
				Query harbor = new TermQuery(new Term("content", "harbor"));
				// over chunks alone, the two words weigh the same
				assertThat(top(this.statistics.searcher(whole, "a"), ledger))
					.isEqualTo(top(this.statistics.searcher(whole, "a"), harbor));
				assertThat(top(withFiles.searcher(whole, "a"), ledger))
					.isGreaterThan(top(withFiles.searcher(whole, "a"), harbor));
			}
		}
	}

	@Test
	void countsFilesOfTheKnowledgeBasesLiveChunksWithOrWithoutTheirColumn() throws IOException {
		KnowledgeBaseStatistics withFiles = withFiles();
		try (Directory alone = new ByteBuffersDirectory(); Directory shared = new ByteBuffersDirectory()) {
			try (IndexWriter writer = writer(alone)) {
				for (int i = 0; i < TEXTS.size(); i++) {
					writer.addDocuments(List.of(chunk("a", "a" + i, TEXTS.get(i), "file" + i % 2, true)));
				}
			}
			// chunks indexed before the column, a replaced file and another knowledge
			// base's files in the same segment
			try (IndexWriter writer = new IndexWriter(shared,
					new IndexWriterConfig(new KeywordAnalyzer()).setMergePolicy(NoMergePolicy.INSTANCE))) {
				for (int i = 0; i < TEXTS.size(); i++) {
					writer.addDocument(chunk("a", "old" + i, TEXTS.get(i) + EXTRA, "old", true));
					Document older = chunk("a", "a" + i, TEXTS.get(i), null, true);
					older.add(new StringField("doc", "file" + i % 2, Field.Store.YES));
					writer.addDocument(older);
					writer.addDocument(chunk("b", "b" + i, TEXTS.get(i) + EXTRA, "b" + i, true));
				}
				writer.commit();
				writer.deleteDocuments(new Term("doc", "old"));
			}
			try (DirectoryReader reader = DirectoryReader.open(shared)) {
				assertThat(reader.numDeletedDocs()).isEqualTo(TEXTS.size());
				assertThat(scores(reader, "a", withFiles)).isEqualTo(scores(alone, "a", withFiles));
			}
		}
	}

	private static KnowledgeBaseStatistics withFiles() {
		return new KnowledgeBaseStatistics("kb", "content", "length", new ChunkFiles("docColumn", "doc"));
	}

	private static float top(IndexSearcher searcher, Query query) throws IOException {
		Query inKnowledgeBase = new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST)
			.add(new TermQuery(new Term("kb", "a")), BooleanClause.Occur.FILTER)
			.build();
		return searcher.search(inKnowledgeBase, 1).scoreDocs[0].score;
	}

	private Map<String, Map<String, Float>> scores(Directory directory, String knowledgeBase,
			KnowledgeBaseStatistics statistics) throws IOException {
		try (DirectoryReader reader = DirectoryReader.open(directory)) {
			return scores(reader, knowledgeBase, statistics);
		}
	}

	/** Per question, each hit's id and score. */
	private Map<String, Map<String, Float>> scores(Directory directory, String knowledgeBase, boolean scoped)
			throws IOException {
		try (DirectoryReader reader = DirectoryReader.open(directory)) {
			assertThat(reader.leaves()).hasSize(1);
			return scores(reader, knowledgeBase, scoped);
		}
	}

	private Map<String, Map<String, Float>> scores(DirectoryReader reader, String knowledgeBase, boolean scoped)
			throws IOException {
		return scores(reader, knowledgeBase, scoped ? this.statistics : null);
	}

	private Map<String, Map<String, Float>> scores(DirectoryReader reader, String knowledgeBase,
			KnowledgeBaseStatistics statistics) throws IOException {
		IndexSearcher whole = new IndexSearcher(reader);
		IndexSearcher searcher = (statistics != null) ? statistics.searcher(whole, knowledgeBase) : whole;
		KeywordQuery keywordQuery = new KeywordQuery(new KeywordAnalyzer(), "content");
		QueryShaper shaper = new QueryShaper();
		Map<String, Map<String, Float>> scores = new LinkedHashMap<>();
		for (String question : QUESTIONS) {
			Query query = new BooleanQuery.Builder()
				.add(keywordQuery.build(shaper.shape(question).keywords()), BooleanClause.Occur.MUST)
				.add(new TermQuery(new Term("kb", knowledgeBase)), BooleanClause.Occur.FILTER)
				.build();
			Map<String, Float> hits = new LinkedHashMap<>();
			for (ScoreDoc hit : searcher.search(query, 1000).scoreDocs) {
				hits.put(searcher.storedFields().document(hit.doc).get("id"), hit.score);
			}
			scores.put(question, hits);
		}
		return scores;
	}

	private static IndexWriter writer(Directory directory) throws IOException {
		return new IndexWriter(directory, new IndexWriterConfig(new KeywordAnalyzer()));
	}

	/**
	 * A chunk, with its length recorded or not (as chunks indexed before lengths were
	 * recorded).
	 */
	private static Document chunk(String knowledgeBase, String id, String text, boolean withLength) {
		return chunk(knowledgeBase, id, text, null, withLength);
	}

	/**
	 * A chunk of a file (recorded in the file column, as today's chunks are, unless
	 * {@code null}).
	 */
	private static Document chunk(String knowledgeBase, String id, String text, String file, boolean withLength) {
		Document document = new Document();
		if (file != null) {
			document.add(new StringField("doc", file, Field.Store.YES));
			document.add(new SortedDocValuesField("docColumn", new BytesRef(file)));
		}
		document.add(new StringField("id", id, Field.Store.YES));
		document.add(new StringField("kb", knowledgeBase, Field.Store.NO));
		document.add(new TextField("content", text, Field.Store.NO));
		if (withLength) {
			document.add(new NumericDocValuesField("length",
					KnowledgeBaseStatistics.length(new KeywordAnalyzer(), "content", text)));
		}
		return document;
	}

}
