package dev.ragchat.retrieval.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CandidateFilesTests {

	private static final Map<String, Float> TERMS = Map.of("refund", 1f, "warehous", 2f, "tuesdai", 1f);

	@Test
	void countsOnlyLiveChunksWithTextOfTheCandidatesFilesWhateverTheSegments() throws IOException {
		try (Directory edited = new ByteBuffersDirectory(); Directory fresh = new ByteBuffersDirectory()) {
			try (IndexWriter writer = writer(edited)) {
				// an older version of f1 in the same segment as what stays, then deleted;
				// a file that is no candidate, another knowledge base's file, a chunk
				// without text; then a second segment
				addFile(writer, "a", "f0", "Refund desk warehouse.", "Tuesday warehouse orders.");
				addFile(writer, "a", "f1", "Old warehouse refund refund refund.", "Old Tuesday.");
				addFile(writer, "a", "f2", "Refund warehouse every Tuesday.", "", "Invoices.");
				addFile(writer, "a", "unseen", "Warehouse warehouse warehouse.");
				addFile(writer, "b", "other", "Refund refund warehouse Tuesday.");
				writer.deleteDocuments(new Term("id", "f1:0"), new Term("id", "f1:1"));
				addFile(writer, "a", "f1", "Warehouse refund.", "Tuesday shipping of the warehouse.");
				writer.commit();
				addFile(writer, "a", "f3", "Refund.", "Warehouse warehouse Tuesday refund.");
			}
			try (IndexWriter writer = writer(fresh)) {
				// what is left, without the chunk that has no text
				addFile(writer, "a", "f3", "Refund.", "Warehouse warehouse Tuesday refund.");
				addFile(writer, "a", "f2", "Refund warehouse every Tuesday.", "Invoices.");
				addFile(writer, "a", "f1", "Warehouse refund.", "Tuesday shipping of the warehouse.");
				addFile(writer, "a", "f0", "Refund desk warehouse.", "Tuesday warehouse orders.");
			}
			Map<String, Float> scores = scores(edited, List.of("f0", "f1", "f2", "f3"));
			assertThat(scores).containsOnlyKeys("f0:0", "f0:1", "f1:0", "f1:1", "f2:0", "f3:0", "f3:1")
				.allSatisfy((id, score) -> assertThat(score).isPositive());
			Map<String, Float> alone = scores(fresh, List.of("f0", "f1", "f2", "f3"));
			assertThat(alone).containsOnlyKeys(scores.keySet());
			scores.forEach((id, score) -> assertThat(score).as(id).isCloseTo(alone.get(id), within(1e-5f)));
			// the chunk without text is no chunk of the statistics; "Invoices." holds no
			// term
			assertThat(scores).doesNotContainKeys("f2:1", "f2:2");
		}
	}

	@Test
	void countsEachFileOnceWhateverHowManyOfItsChunksHoldATerm() throws IOException {
		// "warehouse" in every chunk of a short and of a long file is as common as in
		// every chunk of two short ones: the section holding the rare word ranks alike
		List<Map<String, Float>> scores = besideALongAndAShortFile("Warehouse ledger lines.");
		assertThat(scores.get(0).get("f0:0")).isCloseTo(scores.get(1).get("f0:0"), within(1e-5f));
		assertThat(scores.get(0).get("f0:1")).isCloseTo(scores.get(1).get("f0:1"), within(1e-5f));
	}

	@Test
	void averagesTheLengthOfAChunkOverTheFilesEachCountedOnce() throws IOException {
		// a long file of longer chunks weighs on the average length as a short file of
		// the same chunks does: the small file's chunks are normalised alike
		List<Map<String, Float>> scores = besideALongAndAShortFile(
				"Warehouse ledger lines with many more words in each.");
		assertThat(scores.get(0).get("f0:0")).isCloseTo(scores.get(1).get("f0:0"), within(1e-5f));
		assertThat(scores.get(0).get("f1:0")).isCloseTo(scores.get(1).get("f1:0"), within(1e-5f));
	}

	/**
	 * The scores of a two-chunk file "f0" and of "f1", the given chunk 40 times, then the
	 * same with "f1" the chunk twice.
	 */
	private static List<Map<String, Float>> besideALongAndAShortFile(String chunk) throws IOException {
		List<Map<String, Float>> scores = new ArrayList<>();
		for (int times : new int[] { 40, 2 }) {
			try (Directory directory = new ByteBuffersDirectory()) {
				try (IndexWriter writer = writer(directory)) {
					addFile(writer, "a", "f0", "Refund warehouse notes.", "Warehouse notes only.");
					addFile(writer, "a", "f1", repeat(chunk, times));
				}
				scores.add(scores(directory, List.of("f0", "f1")));
			}
		}
		return scores;
	}

	/** Every live chunk of the given files of knowledge base "a" is a candidate. */
	private static Map<String, Float> scores(Directory directory, List<String> files) throws IOException {
		try (DirectoryReader reader = DirectoryReader.open(directory)) {
			IndexSearcher searcher = new IndexSearcher(reader);
			CandidateFiles candidateFiles = new CandidateFiles("doc", "content", "length",
					new ChunkFiles("docColumn", "doc"));
			TreeMap<Integer, String> candidates = new TreeMap<>();
			StoredFields stored = searcher.storedFields();
			Bits live = MultiBits.getLiveDocs(reader);
			for (int doc = 0; doc < reader.maxDoc(); doc++) {
				if (live == null || live.get(doc)) {
					Document fields = stored.document(doc);
					if ("a".equals(fields.get("kbStored")) && files.contains(fields.get("doc"))) {
						candidates.put(doc, fields.get("doc"));
					}
				}
			}
			int[] docs = candidates.keySet().stream().mapToInt(Integer::intValue).toArray();
			float[] scores = candidateFiles.score(searcher, TERMS, docs, candidates.values().toArray(String[]::new));
			Map<String, Float> byId = new TreeMap<>();
			for (int c = 0; c < docs.length; c++) {
				if (scores[c] > 0) {
					byId.put(stored.document(docs[c]).get("id"), scores[c]);
				}
			}
			return byId;
		}
	}

	private static String repeat(String text, int times) {
		List<String> chunks = new ArrayList<>();
		for (int i = 0; i < times; i++) {
			chunks.add(text);
		}
		return String.join("\u0000", chunks);
	}

	private static IndexWriter writer(Directory directory) throws IOException {
		return new IndexWriter(directory,
				new IndexWriterConfig(new KeywordAnalyzer()).setMergePolicy(NoMergePolicy.INSTANCE));
	}

	/** A file's chunks, one block (text split on NUL makes more chunks). */
	private static void addFile(IndexWriter writer, String knowledgeBase, String file, String... texts)
			throws IOException {
		List<String> chunks = new ArrayList<>();
		for (String text : texts) {
			chunks.addAll(List.of(text.split("\u0000", -1)));
		}
		List<Document> documents = new ArrayList<>();
		for (int i = 0; i < chunks.size(); i++) {
			Document document = new Document();
			document.add(new StringField("doc", file, Field.Store.YES));
			document.add(new SortedDocValuesField("docColumn", new BytesRef(file)));
			document.add(new StringField("id", file + ":" + i, Field.Store.YES));
			document.add(new StringField("kb", knowledgeBase, Field.Store.NO));
			document.add(new StringField("kbStored", knowledgeBase, Field.Store.YES));
			document.add(new TextField("content", chunks.get(i), Field.Store.NO));
			document.add(new NumericDocValuesField("length",
					KnowledgeBaseStatistics.length(new KeywordAnalyzer(), "content", chunks.get(i))));
			documents.add(document);
		}
		writer.addDocuments(documents);
	}

}
