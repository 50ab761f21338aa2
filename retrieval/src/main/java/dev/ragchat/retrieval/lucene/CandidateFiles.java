package dev.ragchat.retrieval.lucene;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.ConjunctionUtils;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * The keyword side scored again with BM25 statistics of the files its candidates come
 * from: the question's sub-collection, found by what the first rankings retrieved rather
 * than named. A knowledge base that holds a manual's short sections next to long filings
 * weighs a word by its rarity in the filings ("OpenROAD" rare, "design" common) and
 * normalises every section's length by the filings' longer chunks, so the sections are
 * ordered among themselves otherwise than in a knowledge base of their own (issue 20's
 * mixed knowledge base). The files a question's candidates come from are, in the main,
 * the sub-collection the question is about, whatever else the knowledge base holds.
 * <p>
 * Over those files, each file counted once whatever its size: a term's weight is BM25's
 * idf of the sum over the files of the share of their chunks that hold it, plus its idf
 * over the files that hold it at all (as {@link KnowledgeBaseStatistics} adds over the
 * knowledge base), and the average length of a chunk is the mean of the files' own
 * averages (a long file of long chunks weighs on it as a short one does). No weight is
 * fitted: replayed on the four development knowledge bases, no figure got worse beyond
 * noise and the small documents next to the filings ranked as they do alone
 * (docs/decisions/0008-keyword-statistics-candidate-files.md). Written here because
 * Lucene scores with one set of collection statistics per searcher and has no notion of a
 * query's files.
 * <p>
 * The counting walks, per segment, the postings of each question term within the
 * candidates' files' chunks (a bit set of them, leapfrogged with the postings), so its
 * cost grows with the size of those files, not of the index.
 */
final class CandidateFiles {

	private final String documentField;

	private final String textField;

	private final String lengthField;

	/** Numbers each chunk's file within its segment (remembered per segment). */
	private final ChunkFiles files;

	/**
	 * @param documentField the indexed field holding a chunk's document id (one term)
	 * @param textField the text field BM25 searches
	 * @param lengthField the doc-values field holding the text field's length in tokens
	 * @param files each chunk's file (the knowledge base's statistics' numbering of each
	 * segment's files, shared)
	 */
	CandidateFiles(String documentField, String textField, String lengthField, ChunkFiles files) {
		this.documentField = documentField;
		this.textField = textField;
		this.lengthField = lengthField;
		this.files = files;
	}

	/**
	 * @param searcher a searcher over the whole index (its similarity's k1 and b are used
	 * when it is BM25)
	 * @param terms the analysed terms of the keyword query and their summed weights
	 * @param docs the candidate chunks' index-wide doc ids, ascending, each once
	 * @param files each candidate's document
	 * @return each candidate's score (0 when it holds no term)
	 * @throws IOException if the index cannot be read
	 */
	float[] score(IndexSearcher searcher, Map<String, Float> terms, int[] docs, String[] files) throws IOException {
		float k1 = (searcher.getSimilarity() instanceof BM25Similarity bm25) ? bm25.getK1() : 1.2f;
		float b = (searcher.getSimilarity() instanceof BM25Similarity bm25) ? bm25.getB() : 0.75f;
		List<String> fileList = Arrays.stream(files).distinct().toList();
		String[] termList = terms.keySet().toArray(String[]::new);
		Counts counts = new Counts(docs, fileList.size(), termList.length);
		for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
			count(leaf, fileList, termList, counts);
		}
		int withText = (int) Arrays.stream(counts.chunksOf).filter((c) -> c > 0).count();
		float[] scores = new float[docs.length];
		if (withText == 0) {
			return scores;
		}
		// the average length of a chunk, each file counted once as well: the mean of the
		// files' own averages
		double average = 0;
		for (int f = 0; f < fileList.size(); f++) {
			if (counts.chunksOf[f] > 0) {
				average += (double) counts.tokensOf[f] / counts.chunksOf[f] / withText;
			}
		}
		double[] weights = new double[termList.length];
		for (int t = 0; t < termList.length; t++) {
			double share = 0;
			int holdingFiles = 0;
			for (int f = 0; f < fileList.size(); f++) {
				if (counts.holding[t][f] > 0) {
					share += (double) counts.holding[t][f] / counts.chunksOf[f];
					holdingFiles++;
				}
			}
			weights[t] = terms.get(termList[t]) * (idf(share, withText) + idf(holdingFiles, withText));
		}
		for (int c = 0; c < docs.length; c++) {
			double norm = k1 * (1 - b + b * counts.lengths[c] / average);
			double score = 0;
			for (int t = 0; t < termList.length; t++) {
				int freq = counts.frequencies[c * termList.length + t];
				if (freq > 0) {
					score += weights[t] * freq / (freq + norm);
				}
			}
			scores[c] = (float) score;
		}
		return scores;
	}

	/** BM25's idf, {@code log(1 + (N - n + 0.5) / (n + 0.5))}, of a fractional count. */
	private static double idf(double holding, long of) {
		return Math.log(1 + (of - Math.min(holding, of) + 0.5) / (holding + 0.5));
	}

	private void count(LeafReaderContext leaf, List<String> files, String[] terms, Counts counts) throws IOException {
		LeafReader reader = leaf.reader();
		Terms documents = reader.terms(this.documentField);
		Terms text = reader.terms(this.textField);
		ChunkFiles.SegmentFiles numbers = this.files.of(reader);
		if (documents == null || text == null) {
			return;
		}
		FixedBitSet candidate = candidates(leaf, counts.docs);
		// which of the question's files each segment-wide file number is
		int[] fileOfNumber = new int[Math.max(numbers.count(), 1)];
		Arrays.fill(fileOfNumber, -1);
		FixedBitSet inFiles = chunks(reader, documents, files, numbers, fileOfNumber);
		// lengths are read forwards only, in doc id order; a chunk without text is no
		// chunk of the statistics (as in the knowledge base's)
		NumericDocValues lengthValues = reader.getNumericDocValues(this.lengthField);
		NumericDocValues norms = reader.getNormValues(this.textField);
		int count = 0;
		for (int doc = inFiles.nextSetBit(0); doc != DocIdSetIterator.NO_MORE_DOCS; doc = (doc + 1 < inFiles.length())
				? inFiles.nextSetBit(doc + 1) : DocIdSetIterator.NO_MORE_DOCS) {
			long length = KnowledgeBaseStatistics.length(lengthValues, norms, doc);
			if (length <= 0) {
				inFiles.clear(doc);
				continue;
			}
			int f = fileOfNumber[numbers.of()[doc]];
			counts.chunksOf[f]++;
			counts.tokensOf[f] += length;
			count++;
			if (candidate.get(doc)) {
				counts.lengths[Arrays.binarySearch(counts.docs, leaf.docBase + doc)] = length;
			}
		}
		if (count == 0) {
			return;
		}
		TermsEnum textTerms = text.iterator();
		for (int t = 0; t < terms.length; t++) {
			if (!textTerms.seekExact(new BytesRef(terms[t]))) {
				continue;
			}
			PostingsEnum termPostings = textTerms.postings(null, PostingsEnum.FREQS);
			DocIdSetIterator both = ConjunctionUtils
				.intersectIterators(List.of(new BitSetIterator(inFiles, count), termPostings));
			for (int doc = both.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = both.nextDoc()) {
				counts.holding[t][fileOfNumber[numbers.of()[doc]]]++;
				if (candidate.get(doc)) {
					counts.frequencies[Arrays.binarySearch(counts.docs, leaf.docBase + doc) * terms.length
							+ t] = termPostings.freq();
				}
			}
		}
	}

	/** The candidates of a segment, by their doc ids in it. */
	private static FixedBitSet candidates(LeafReaderContext leaf, int[] docs) {
		int first = Arrays.binarySearch(docs, leaf.docBase);
		first = (first >= 0) ? first : -first - 1;
		FixedBitSet candidate = new FixedBitSet(Math.max(leaf.reader().maxDoc(), 1));
		for (int c = first; c < docs.length && docs[c] < leaf.docBase + leaf.reader().maxDoc(); c++) {
			candidate.set(docs[c] - leaf.docBase);
		}
		return candidate;
	}

	/**
	 * The live chunks of the question's files in a segment.
	 * @param reader the segment
	 * @param documents its document field's terms
	 * @param files the question's files
	 * @param numbers each chunk's file number in the segment
	 * @param fileOfNumber filled in: per file number, which of the question's files it is
	 * @return the chunks
	 * @throws IOException if the segment cannot be read
	 */
	private static FixedBitSet chunks(LeafReader reader, Terms documents, List<String> files,
			ChunkFiles.SegmentFiles numbers, int[] fileOfNumber) throws IOException {
		Bits live = reader.getLiveDocs();
		FixedBitSet inFiles = new FixedBitSet(Math.max(reader.maxDoc(), 1));
		TermsEnum documentTerms = documents.iterator();
		PostingsEnum postings = null;
		for (int f = 0; f < files.size(); f++) {
			if (!documentTerms.seekExact(new BytesRef(files.get(f)))) {
				continue;
			}
			postings = documentTerms.postings(postings, PostingsEnum.NONE);
			for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
				if ((live == null || live.get(doc)) && numbers.of()[doc] >= 0) {
					inFiles.set(doc);
					fileOfNumber[numbers.of()[doc]] = f;
				}
			}
		}
		return inFiles;
	}

	/** What is counted over the segments. */
	private static final class Counts {

		final int[] docs;

		/** Per file: its chunks with text, and their tokens. */
		final long[] chunksOf;

		final long[] tokensOf;

		/** Per term, per file: its chunks holding the term. */
		final int[][] holding;

		/** Per candidate: its length, and per term its frequency (candidate x terms). */
		final long[] lengths;

		final int[] frequencies;

		Counts(int[] docs, int files, int terms) {
			this.docs = docs;
			this.chunksOf = new long[files];
			this.tokensOf = new long[files];
			this.holding = new int[terms][files];
			this.lengths = new long[docs.length];
			this.frequencies = new int[docs.length * terms];
		}

	}

}
