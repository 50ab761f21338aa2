package dev.ragchat.retrieval.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import org.apache.lucene.util.SmallFloat;

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
 * knowledge base), and the average length is that of the files' chunks. No weight is
 * fitted: replayed on the four development knowledge bases, no figure got worse beyond
 * noise and the small documents next to the filings ranked as they do alone
 * (docs/benchmarks.md, session 14). Written here because Lucene scores with one set of
 * collection statistics per searcher and has no notion of a query's files.
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
	private final KnowledgeBaseStatistics statistics;

	/**
	 * @param documentField the indexed field holding a chunk's document id (one term)
	 * @param textField the text field BM25 searches
	 * @param lengthField the doc-values field holding the text field's length in tokens
	 * @param statistics the knowledge base's statistics, with files: their numbering of
	 * each segment's files is shared
	 */
	CandidateFiles(String documentField, String textField, String lengthField, KnowledgeBaseStatistics statistics) {
		this.documentField = documentField;
		this.textField = textField;
		this.lengthField = lengthField;
		this.statistics = statistics;
	}

	/**
	 * @param searcher a searcher over the whole index (its similarity's k1 and b are used
	 * when it is BM25)
	 * @param terms the analysed terms of the keyword query and their summed weights
	 * @param candidates each candidate chunk's index-wide doc id and its document
	 * @return the candidates that hold at least one term, with their scores, best first
	 * @throws IOException if the index cannot be read
	 */
	List<Scored> score(IndexSearcher searcher, Map<String, Float> terms, Map<Integer, String> candidates)
			throws IOException {
		float k1 = (searcher.getSimilarity() instanceof BM25Similarity bm25) ? bm25.getK1() : 1.2f;
		float b = (searcher.getSimilarity() instanceof BM25Similarity bm25) ? bm25.getB() : 0.75f;
		List<String> files = candidates.values().stream().distinct().toList();
		Map<String, Integer> fileIndex = new HashMap<>();
		files.forEach((file) -> fileIndex.put(file, fileIndex.size()));
		List<String> termList = List.copyOf(terms.keySet());
		long[] chunksOf = new long[files.size()];
		long[] tokensOf = new long[files.size()];
		int[][] holding = new int[termList.size()][files.size()];
		Map<Integer, Long> lengths = new HashMap<>();
		Map<Integer, int[]> frequencies = new HashMap<>();
		for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
			count(leaf, files, termList, candidates, chunksOf, tokensOf, holding, lengths, frequencies);
		}
		long chunks = 0;
		long tokens = 0;
		int withText = 0;
		for (int f = 0; f < files.size(); f++) {
			chunks += chunksOf[f];
			tokens += tokensOf[f];
			withText += (chunksOf[f] > 0) ? 1 : 0;
		}
		if (chunks == 0) {
			return List.of();
		}
		double average = (double) tokens / chunks;
		double[] weights = new double[termList.size()];
		for (int t = 0; t < termList.size(); t++) {
			double share = 0;
			int holdingFiles = 0;
			for (int f = 0; f < files.size(); f++) {
				if (holding[t][f] > 0) {
					share += (double) holding[t][f] / chunksOf[f];
					holdingFiles++;
				}
			}
			weights[t] = terms.get(termList.get(t)) * (idf(share, withText) + idf(holdingFiles, withText));
		}
		List<Scored> scored = new ArrayList<>();
		frequencies.forEach((doc, freqs) -> {
			double norm = k1 * (1 - b + b * lengths.getOrDefault(doc, 0L) / average);
			double score = 0;
			for (int t = 0; t < freqs.length; t++) {
				if (freqs[t] > 0) {
					score += weights[t] * freqs[t] / (freqs[t] + norm);
				}
			}
			if (score > 0) {
				scored.add(new Scored(doc, (float) score));
			}
		});
		scored.sort((x, y) -> (x.score() != y.score()) ? Float.compare(y.score(), x.score())
				: Integer.compare(x.doc(), y.doc()));
		return scored;
	}

	/** BM25's idf, {@code log(1 + (N - n + 0.5) / (n + 0.5))}, of a fractional count. */
	private static double idf(double holding, long of) {
		return Math.log(1 + (of - Math.min(holding, of) + 0.5) / (holding + 0.5));
	}

	private void count(LeafReaderContext leaf, List<String> files, List<String> terms, Map<Integer, String> candidates,
			long[] chunksOf, long[] tokensOf, int[][] holding, Map<Integer, Long> lengths,
			Map<Integer, int[]> frequencies) throws IOException {
		LeafReader reader = leaf.reader();
		Terms documents = reader.terms(this.documentField);
		Terms text = reader.terms(this.textField);
		KnowledgeBaseStatistics.SegmentFiles numbers = this.statistics.files(reader);
		if (documents == null || text == null || numbers == null) {
			return;
		}
		Bits live = reader.getLiveDocs();
		// the candidates of this segment, and which of the question's files each
		// segment-wide file number is
		FixedBitSet candidate = new FixedBitSet(Math.max(reader.maxDoc(), 1));
		for (int doc : candidates.keySet()) {
			if (doc >= leaf.docBase && doc < leaf.docBase + reader.maxDoc()) {
				candidate.set(doc - leaf.docBase);
			}
		}
		int[] fileOfNumber = new int[Math.max(numbers.count(), 1)];
		java.util.Arrays.fill(fileOfNumber, -1);
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
		// lengths are read forwards only: in doc id order; a chunk without text is no
		// chunk
		// of the statistics (as in the knowledge base's)
		NumericDocValues lengthValues = reader.getNumericDocValues(this.lengthField);
		NumericDocValues norms = reader.getNormValues(this.textField);
		int count = 0;
		for (int doc = inFiles.nextSetBit(0); doc != DocIdSetIterator.NO_MORE_DOCS; doc = (doc + 1 < inFiles.length())
				? inFiles.nextSetBit(doc + 1) : DocIdSetIterator.NO_MORE_DOCS) {
			long length = length(lengthValues, norms, doc);
			if (length <= 0) {
				inFiles.clear(doc);
				continue;
			}
			int f = fileOfNumber[numbers.of()[doc]];
			chunksOf[f]++;
			tokensOf[f] += length;
			count++;
			if (candidate.get(doc)) {
				lengths.put(leaf.docBase + doc, length);
			}
		}
		if (count == 0) {
			return;
		}
		TermsEnum textTerms = text.iterator();
		for (int t = 0; t < terms.size(); t++) {
			if (!textTerms.seekExact(new BytesRef(terms.get(t)))) {
				continue;
			}
			PostingsEnum termPostings = textTerms.postings(null, PostingsEnum.FREQS);
			DocIdSetIterator both = ConjunctionUtils
				.intersectIterators(List.of(new BitSetIterator(inFiles, count), termPostings));
			for (int doc = both.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = both.nextDoc()) {
				holding[t][fileOfNumber[numbers.of()[doc]]]++;
				if (candidate.get(doc)) {
					frequencies.computeIfAbsent(leaf.docBase + doc, (d) -> new int[terms.size()])[t] = termPostings
						.freq();
				}
			}
		}
	}

	/** A chunk's text length: the recorded one, or for older chunks its norm's. */
	private static long length(NumericDocValues lengths, NumericDocValues norms, int doc) throws IOException {
		if (lengths != null && lengths.advanceExact(doc)) {
			return lengths.longValue();
		}
		if (norms != null && norms.advanceExact(doc)) {
			return SmallFloat.byte4ToInt((byte) norms.longValue());
		}
		return 0;
	}

	/**
	 * @param rankings rankings whose documents carry the index-wide doc id as their id
	 * and their document in the metadata
	 * @param documentKey the metadata key of the document
	 * @return each candidate's doc id and document, in first-seen order
	 */
	static Map<Integer, String> candidates(Collection<List<org.springframework.ai.document.Document>> rankings,
			String documentKey) {
		Map<Integer, String> candidates = new LinkedHashMap<>();
		for (List<org.springframework.ai.document.Document> ranking : rankings) {
			for (org.springframework.ai.document.Document document : ranking) {
				Object file = document.getMetadata().get(documentKey);
				if (file != null) {
					candidates.putIfAbsent(Integer.parseInt(document.getId()), file.toString());
				}
			}
		}
		return candidates;
	}

	/**
	 * @param doc the chunk's index-wide doc id
	 * @param score its BM25 score over the candidates' files
	 */
	record Scored(int doc, float score) {

	}

}
