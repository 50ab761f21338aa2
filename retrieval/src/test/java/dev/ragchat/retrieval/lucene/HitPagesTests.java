package dev.ragchat.retrieval.lucene;

import java.util.Arrays;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HitPagesTests {

	private final HitPages hitPages = new HitPages("doc", "page");

	@Test
	void readsThePagesOfHitsInRankOrderFromColumnsAndFromOlderChunksStoredFields() throws Exception {
		try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
				IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
			// a segment of chunks indexed before the columns, then one with them
			writer.addDocument(chunk("doc-old", 3, false));
			writer.addDocument(chunk("doc-old", 4, false));
			writer.commit();
			writer.addDocument(chunk("doc-new", 7, true));
			writer.addDocument(chunk("doc-new", 9, true));
			writer.commit();
			try (DirectoryReader reader = DirectoryReader.open(writer)) {
				assertThat(reader.leaves()).hasSize(2);
				IndexSearcher searcher = new IndexSearcher(reader);
				// a ranking that is not in doc id order, across both segments
				ScoreDoc[] hits = { new ScoreDoc(3, 4f), new ScoreDoc(0, 3f), new ScoreDoc(2, 2f),
						new ScoreDoc(1, 1f) };

				HitPages.Page[] pages = this.hitPages.of(searcher, hits);

				assertThat(Arrays.asList(pages)).containsExactly(new HitPages.Page("doc-new", 9),
						new HitPages.Page("doc-old", 3), new HitPages.Page("doc-new", 7),
						new HitPages.Page("doc-old", 4));
			}
		}
	}

	@Test
	void readsNoPagesForAnEmptyRanking() throws Exception {
		try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
				IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
			writer.addDocument(chunk("doc", 1, true));
			try (DirectoryReader reader = DirectoryReader.open(writer)) {
				assertThat(this.hitPages.of(new IndexSearcher(reader), new ScoreDoc[0])).isEmpty();
			}
		}
	}

	private static Document chunk(String documentId, int page, boolean columns) {
		Document document = new Document();
		if (columns) {
			// only the columns: a page read from the stored fields would be missing
			HitPages.index(document, documentId, page);
		}
		else {
			document.add(new StringField("doc", documentId, Field.Store.YES));
			document.add(new StoredField("page", page));
		}
		return document;
	}

}
