package dev.ragchat.retrieval.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.misc.search.DiversifiedTopDocsCollector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;

/**
 * The best hits of a query with at most a few chunks of any one document, best first: a
 * scan for a question about a knowledge base's documents reaches every document that
 * writes the words before it reads many passages of one. Lucene's
 * {@link DiversifiedTopDocsCollector} keeps them, keyed by the chunk's document
 * ({@link HitPages#DOCUMENT_COLUMN}: its ordinal in the segment, with the segment's).
 */
final class PerDocumentHits implements CollectorManager<DiversifiedTopDocsCollector, TopDocs> {

	private final int hits;

	private final int perDocument;

	/**
	 * @param hits how many chunks at most
	 * @param perDocument how many chunks of one document at most
	 */
	PerDocumentHits(int hits, int perDocument) {
		this.hits = hits;
		this.perDocument = perDocument;
	}

	@Override
	public DiversifiedTopDocsCollector newCollector() {
		return new DiversifiedTopDocsCollector(this.hits, this.perDocument) {

			@Override
			protected NumericDocValues getKeys(LeafReaderContext leaf) {
				return keys(leaf);
			}

		};
	}

	/** The slices' best, with the cap of a document kept across them. */
	@Override
	public TopDocs reduce(Collection<DiversifiedTopDocsCollector> collectors) {
		List<DiversifiedTopDocsCollector.ScoreDocKey> all = new ArrayList<>();
		long total = 0;
		for (DiversifiedTopDocsCollector collector : collectors) {
			TopDocs top = collector.topDocs();
			total += top.totalHits.value();
			for (ScoreDoc hit : top.scoreDocs) {
				all.add((DiversifiedTopDocsCollector.ScoreDocKey) hit);
			}
		}
		all.sort(Comparator.comparingDouble((ScoreDoc hit) -> hit.score).reversed().thenComparingInt((hit) -> hit.doc));
		Map<Long, Integer> ofDocument = new HashMap<>();
		List<ScoreDoc> kept = new ArrayList<>();
		for (DiversifiedTopDocsCollector.ScoreDocKey hit : all) {
			if (kept.size() < this.hits && ofDocument.merge(hit.getKey(), 1, Integer::sum) <= this.perDocument) {
				kept.add(hit);
			}
		}
		return new TopDocs(new TotalHits(total, TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO),
				kept.toArray(ScoreDoc[]::new));
	}

	private static NumericDocValues keys(LeafReaderContext leaf) {
		SortedDocValues column;
		try {
			column = leaf.reader().getSortedDocValues(HitPages.DOCUMENT_COLUMN);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (column == null) {
			return DocValues.emptyNumeric();
		}
		long segment = (long) leaf.ord << Integer.SIZE;
		return new NumericDocValues() {

			@Override
			public long longValue() throws IOException {
				return segment | column.ordValue();
			}

			@Override
			public boolean advanceExact(int target) throws IOException {
				return column.advanceExact(target);
			}

			@Override
			public int docID() {
				return column.docID();
			}

			@Override
			public int nextDoc() throws IOException {
				return column.nextDoc();
			}

			@Override
			public int advance(int target) throws IOException {
				return column.advance(target);
			}

			@Override
			public long cost() {
				return column.cost();
			}

		};
	}

}
