package dev.ragchat.retrieval.lucene;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;

/**
 * The page each hit of a ranking is on (its document and page number), for the joiner's
 * one-per-page and page-aware fusion. Read from doc values, a column per field, so that
 * no stored-field block is decompressed for the hundreds of candidates a hybrid search
 * ranks (that decompression was about a sixth of the service's Java time under search
 * load: docs/decisions/0024-hybrid-reads-only-what-it-returns.md); chunks indexed before
 * the columns were written are read from their stored fields.
 */
final class HitPages {

	/** The chunk's document id, as sorted doc values. */
	static final String DOCUMENT_COLUMN = "docColumn";

	/** The chunk's first page, as numeric doc values. */
	static final String PAGE_COLUMN = "pageColumn";

	private final String documentField;

	private final String pageField;

	private final Set<String> storedFields;

	/**
	 * @param documentField the stored field holding the document id (for older chunks)
	 * @param pageField the stored field holding the page (for older chunks)
	 */
	HitPages(String documentField, String pageField) {
		this.documentField = documentField;
		this.pageField = pageField;
		this.storedFields = Set.of(documentField, pageField);
	}

	/**
	 * Adds a chunk's columns.
	 * @param document the chunk's Lucene document
	 * @param documentId its document
	 * @param page its first page
	 */
	static void index(Document document, String documentId, int page) {
		document.add(new SortedDocValuesField(DOCUMENT_COLUMN, new BytesRef(documentId)));
		document.add(new NumericDocValuesField(PAGE_COLUMN, page));
	}

	/**
	 * @param searcher the searcher the hits come from
	 * @param hits a ranking
	 * @return the page of each hit, in the ranking's order
	 * @throws IOException if the index cannot be read
	 */
	Page[] of(IndexSearcher searcher, ScoreDoc[] hits) throws IOException {
		Page[] pages = new Page[hits.length];
		// doc values are read forwards only: in doc id order, then put back in rank order
		Integer[] order = new Integer[hits.length];
		Arrays.setAll(order, (i) -> i);
		Arrays.sort(order, Comparator.comparingInt((Integer i) -> hits[i].doc));
		List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
		LeafReaderContext leaf = null;
		SortedDocValues documents = null;
		NumericDocValues numbers = null;
		StoredFields stored = null;
		for (int i : order) {
			int doc = hits[i].doc;
			LeafReaderContext next = leaves.get(ReaderUtil.subIndex(doc, leaves));
			if (next != leaf) {
				leaf = next;
				documents = leaf.reader().getSortedDocValues(DOCUMENT_COLUMN);
				numbers = leaf.reader().getNumericDocValues(PAGE_COLUMN);
			}
			int target = doc - leaf.docBase;
			if (documents != null && numbers != null && documents.advanceExact(target)
					&& numbers.advanceExact(target)) {
				pages[i] = new Page(documents.lookupOrd(documents.ordValue()).utf8ToString(),
						(int) numbers.longValue());
			}
			else {
				stored = (stored != null) ? stored : searcher.storedFields();
				Document fields = stored.document(doc, this.storedFields);
				pages[i] = new Page(fields.get(this.documentField),
						fields.getField(this.pageField).numericValue().intValue());
			}
		}
		return pages;
	}

	/**
	 * @param searcher a searcher over the whole index
	 * @param scope the chunks of a scope
	 * @return how many documents they belong to
	 * @throws IOException if the index cannot be read
	 */
	int documents(IndexSearcher searcher, Query scope) throws IOException {
		Set<String> documents = new HashSet<>();
		Weight weight = searcher.createWeight(searcher.rewrite(scope), ScoreMode.COMPLETE_NO_SCORES, 1);
		for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
			Scorer scorer = weight.scorer(leaf);
			if (scorer == null) {
				continue;
			}
			SortedDocValues column = leaf.reader().getSortedDocValues(DOCUMENT_COLUMN);
			StoredFields stored = leaf.reader().storedFields();
			DocIdSetIterator chunks = scorer.iterator();
			for (int doc = chunks.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = chunks.nextDoc()) {
				documents.add((column != null && column.advanceExact(doc))
						? column.lookupOrd(column.ordValue()).utf8ToString()
						: stored.document(doc, this.storedFields).get(this.documentField));
			}
		}
		return documents.size();
	}

	/**
	 * Where a hit is.
	 *
	 * @param documentId its document
	 * @param page its first page
	 */
	record Page(String documentId, int page) {

	}

}
