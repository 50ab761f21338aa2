package dev.ragchat.retrieval.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.util.BitSet;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.SmallFloat;

/**
 * BM25 statistics of one knowledge base in an index that holds many: a searcher whose
 * collection statistics (chunks, chunks with text, total text length) and term statistics
 * (chunks holding the term, its occurrences) of the text field count the knowledge base's
 * live chunks only, so that one tenant's uploads and deletions never move another's
 * ranking (Lucene's own statistics count the whole index, deleted chunks included).
 * <p>
 * A chunk's text length is the one recorded at index time in a doc-values field; chunks
 * indexed before it was recorded fall back to the length their norm encodes (exact up to
 * a few dozen tokens, rounded down by less than an eighth above that). What a segment
 * holds of a knowledge base is computed once per segment reader (a new one comes with new
 * deletions) and knowledge base, and dropped when the reader closes; a term's statistics
 * are read from the segment's own when it holds the knowledge base alone, else by
 * intersecting the term's postings with the knowledge base's chunks, and then remembered
 * for the segment reader if that took long (a common word's postings in a large segment).
 * <p>
 * With {@link ChunkFiles} given, a term's weight is its BM25 idf over the knowledge
 * base's chunks plus its idf over the knowledge base's files (how many files hold it, of
 * how many files). Over chunks alone, a knowledge base that mixes a few long filings with
 * many one-chunk abstracts weighs words by the filings: their thousands of chunks make
 * every word they use common and every word they do not use rare, which moves the ranking
 * of the abstracts among themselves (issue 20's mixed knowledge base). Counted over
 * files, a long file is one file: a word's weight no longer grows or shrinks with the
 * size of the files that hold it, while a word that only one file holds (a company's name
 * in its filing) keeps its weight. The sum needs no weight of its own; weighing the
 * files' idf by 0.5 to 2 ranks the same four development corpora alike
 * (docs/decisions/0007-bm25-idf-over-files.md).
 */
final class KnowledgeBaseStatistics {

	private final String knowledgeBaseField;

	private final String textField;

	private final String lengthField;

	/** Where a chunk's file is, or {@code null}: BM25 over chunks only. */
	private final ChunkFiles files;

	/** Per segment reader, per knowledge base: what the segment holds of it. */
	private final Map<IndexReader.CacheKey, Map<String, KnowledgeBaseSegment>> segments = new ConcurrentHashMap<>();

	/**
	 * @param knowledgeBaseField the field holding a chunk's knowledge base (one term)
	 * @param textField the text field BM25 searches
	 * @param lengthField the doc-values field holding the text field's length in tokens
	 */
	KnowledgeBaseStatistics(String knowledgeBaseField, String textField, String lengthField) {
		this(knowledgeBaseField, textField, lengthField, null);
	}

	/**
	 * @param knowledgeBaseField the field holding a chunk's knowledge base (one term)
	 * @param textField the text field BM25 searches
	 * @param lengthField the doc-values field holding the text field's length in tokens
	 * @param files where a chunk's file is, for a term's idf over files; {@code null} for
	 * BM25 over chunks only
	 */
	KnowledgeBaseStatistics(String knowledgeBaseField, String textField, String lengthField, ChunkFiles files) {
		this.knowledgeBaseField = knowledgeBaseField;
		this.textField = textField;
		this.lengthField = lengthField;
		this.files = files;
	}

	/**
	 * @param searcher a searcher over the whole index
	 * @param knowledgeBase the knowledge base searched
	 * @return a searcher over the same reader (and with the same similarity, its idf over
	 * files added, and query cache) that scores the text field with the knowledge base's
	 * statistics
	 */
	IndexSearcher searcher(IndexSearcher searcher, String knowledgeBase) {
		Searcher scoped = new Searcher(searcher.getIndexReader(), new BytesRef(knowledgeBase));
		scoped.setSimilarity((this.files != null && searcher.getSimilarity() instanceof BM25Similarity bm25)
				? new WithFiles(bm25, scoped) : searcher.getSimilarity());
		scoped.setQueryCache(searcher.getQueryCache());
		scoped.setQueryCachingPolicy(searcher.getQueryCachingPolicy());
		return scoped;
	}

	/**
	 * What the length field holds.
	 * @param analyzer the analyzer the text field is indexed with
	 * @param field the text field
	 * @param text its text
	 * @return how many tokens the text is indexed as (what Lucene's total term frequency
	 * counts)
	 */
	static int length(Analyzer analyzer, String field, String text) {
		try (TokenStream stream = analyzer.tokenStream(field, text)) {
			int tokens = 0;
			stream.reset();
			while (stream.incrementToken()) {
				tokens++;
			}
			stream.end();
			return tokens;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A chunk's text length, read forwards (doc id order).
	 * @param lengths the length column, or {@code null}
	 * @param norms the text field's norms, or {@code null}
	 * @param doc the chunk in the segment
	 * @return the recorded length, or for a chunk indexed before lengths were recorded
	 * the one its norm encodes (BM25Similarity's encoding), or 0
	 * @throws IOException if the segment cannot be read
	 */
	static long length(NumericDocValues lengths, NumericDocValues norms, int doc) throws IOException {
		if (lengths != null && lengths.advanceExact(doc)) {
			return lengths.longValue();
		}
		if (norms != null && norms.advanceExact(doc)) {
			return SmallFloat.byte4ToInt((byte) norms.longValue());
		}
		return 0;
	}

	private KnowledgeBaseSegment segment(LeafReader reader, BytesRef knowledgeBase) throws IOException {
		IndexReader.CacheHelper cacheHelper = reader.getReaderCacheHelper();
		if (cacheHelper == null) {
			return count(reader, knowledgeBase);
		}
		Map<String, KnowledgeBaseSegment> knowledgeBases = this.segments.computeIfAbsent(cacheHelper.getKey(),
				(key) -> {
					cacheHelper.addClosedListener(this.segments::remove);
					return new ConcurrentHashMap<>();
				});
		try {
			return knowledgeBases.computeIfAbsent(knowledgeBase.utf8ToString(), (kb) -> {
				try {
					return count(reader, knowledgeBase);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

	/**
	 * Reads the knowledge base's live chunks in a segment, their text lengths and their
	 * files.
	 */
	private KnowledgeBaseSegment count(LeafReader reader, BytesRef knowledgeBase) throws IOException {
		PostingsEnum postings = chunks(reader, knowledgeBase);
		if (postings == null) {
			return KnowledgeBaseSegment.NONE;
		}
		ChunkFiles.SegmentFiles files = (this.files != null) ? this.files.of(reader) : null;
		FixedBitSet holding = (files != null) ? new FixedBitSet(Math.max(files.count(), 1)) : null;
		Bits liveDocs = reader.getLiveDocs();
		NumericDocValues lengths = reader.getNumericDocValues(this.lengthField);
		NumericDocValues norms = reader.getNormValues(this.textField);
		FixedBitSet chunks = new FixedBitSet(reader.maxDoc());
		int live = 0;
		int withText = 0;
		long length = 0;
		for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
			if (liveDocs != null && !liveDocs.get(doc)) {
				continue;
			}
			live++;
			long chunkLength = length(lengths, norms, doc);
			if (chunkLength > 0) {
				chunks.set(doc);
				withText++;
				length += chunkLength;
				if (files != null && files.of()[doc] >= 0) {
					holding.set(files.of()[doc]);
				}
			}
		}
		if (withText == 0) {
			return new KnowledgeBaseSegment(live, 0, 0, null, null, 0);
		}
		boolean alone = live == reader.maxDoc() && withText == live;
		return new KnowledgeBaseSegment(live, withText, length, alone ? null : compact(chunks, withText), files,
				(holding != null) ? holding.cardinality() : 0);
	}

	/** A sparse knowledge base's chunks take less memory as a sparse bit set. */
	private static BitSet compact(FixedBitSet chunks, int count) throws IOException {
		return (count < chunks.length() >>> 7) ? BitSet.of(new BitSetIterator(chunks, count), chunks.length()) : chunks;
	}

	private PostingsEnum chunks(LeafReader reader, BytesRef knowledgeBase) throws IOException {
		Terms terms = reader.terms(this.knowledgeBaseField);
		if (terms == null) {
			return null;
		}
		TermsEnum termsEnum = terms.iterator();
		return termsEnum.seekExact(knowledgeBase) ? termsEnum.postings(null, PostingsEnum.NONE) : null;
	}

	/**
	 * An index searcher whose text field statistics are the knowledge base's.
	 */
	private final class Searcher extends IndexSearcher {

		private final BytesRef knowledgeBase;

		private CollectionStatistics statistics;

		/** The knowledge base's files with text (0 without files). */
		private long files;

		/** Per term counted, how many of those files hold it. */
		private final Map<BytesRef, Long> filesWith = new ConcurrentHashMap<>();

		Searcher(IndexReader reader, BytesRef knowledgeBase) {
			super(reader);
			this.knowledgeBase = knowledgeBase;
		}

		@Override
		public CollectionStatistics collectionStatistics(String field) throws IOException {
			if (!field.equals(KnowledgeBaseStatistics.this.textField)) {
				return super.collectionStatistics(field);
			}
			if (this.statistics == null) {
				long chunks = 0;
				long withText = 0;
				long length = 0;
				long files = 0;
				for (LeafReaderContext leaf : getLeafContexts()) {
					KnowledgeBaseSegment segment = segment(leaf.reader(), this.knowledgeBase);
					chunks += segment.chunks;
					withText += segment.withText;
					length += segment.length;
					files += segment.files;
				}
				this.files = files;
				// sumDocFreq, which BM25 never reads, gets its upper bound: the length;
				// if no chunk of the knowledge base has text, none of them can match
				this.statistics = (withText > 0) ? new CollectionStatistics(field, chunks, withText, length, length)
						: super.collectionStatistics(field);
			}
			return this.statistics;
		}

		@Override
		public TermStatistics termStatistics(Term term, int docFreq, long totalTermFreq) throws IOException {
			if (!term.field().equals(KnowledgeBaseStatistics.this.textField)) {
				return super.termStatistics(term, docFreq, totalTermFreq);
			}
			long chunks = 0;
			long occurrences = 0;
			long files = 0;
			for (LeafReaderContext leaf : getLeafContexts()) {
				KnowledgeBaseSegment segment = segment(leaf.reader(), this.knowledgeBase);
				Terms terms = leaf.reader().terms(term.field());
				if (segment.withText == 0 || terms == null) {
					continue;
				}
				TermsEnum termsEnum = terms.iterator();
				if (termsEnum.seekExact(term.bytes())) {
					long[] counted = segment.count(termsEnum);
					chunks += counted[0];
					occurrences += counted[1];
					files += counted[2];
				}
			}
			this.filesWith.put(BytesRef.deepCopyOf(term.bytes()), Math.max(files, 1));
			// a term none of the knowledge base's chunks holds scores none of them: any
			// valid statistics do
			return (chunks > 0) ? new TermStatistics(term.bytes(), chunks, occurrences)
					: new TermStatistics(term.bytes(), 1, 1);
		}

	}

	/**
	 * BM25 whose idf of a text term is its idf over the knowledge base's chunks plus its
	 * idf over the knowledge base's files, both with BM25's formula.
	 */
	private final class WithFiles extends BM25Similarity {

		private final Searcher searcher;

		WithFiles(BM25Similarity like, Searcher searcher) {
			super(like.getK1(), like.getB());
			this.searcher = searcher;
		}

		@Override
		public Explanation idfExplain(CollectionStatistics collection, TermStatistics term) {
			Explanation chunks = super.idfExplain(collection, term);
			Long holding = this.searcher.filesWith.get(term.term());
			long files = this.searcher.files;
			if (!collection.field().equals(KnowledgeBaseStatistics.this.textField) || holding == null || files == 0) {
				return chunks;
			}
			float idf = idf(Math.min(holding, files), files);
			Explanation overFiles = Explanation.match(idf,
					"idf over files, computed as log(1 + (N - n + 0.5) / (n + 0.5)) from:",
					Explanation.match(holding, "n, number of files with the term"),
					Explanation.match(files, "N, total number of files with the field"));
			return Explanation.match(chunks.getValue().floatValue() + idf, "idf over chunks and over files, sum of:",
					chunks, overFiles);
		}

	}

}
