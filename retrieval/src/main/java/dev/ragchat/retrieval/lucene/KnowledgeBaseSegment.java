package dev.ragchat.retrieval.lucene;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.ConjunctionUtils;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BitSet;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * What a segment holds of a knowledge base, and the statistics of the terms that took
 * long to count in it.
 */
final class KnowledgeBaseSegment {

	static final KnowledgeBaseSegment NONE = new KnowledgeBaseSegment(0, 0, 0, null, null, 0);

	/** A term is remembered when counting it walks at least this many chunks. */
	private static final int REMEMBERED = 256;

	/** The most terms remembered. */
	private static final int MAX_REMEMBERED = 16_384;

	/** The live chunks. */
	final int chunks;

	/** Those of them whose text has at least one token. */
	final int withText;

	/** Their text's tokens. */
	final long length;

	/** The files of the chunks with text (0 without files). */
	final int files;

	/**
	 * The live chunks with text, or {@code null} when they are all the segment holds (no
	 * deleted ones either): its own term statistics are then the knowledge base's.
	 */
	private final BitSet withTextChunks;

	/** Each chunk's file, or {@code null}: no files counted. */
	private final ChunkFiles.SegmentFiles fileOf;

	private final Map<BytesRef, long[]> remembered = new ConcurrentHashMap<>();

	KnowledgeBaseSegment(int chunks, int withText, long length, BitSet withTextChunks, ChunkFiles.SegmentFiles fileOf,
			int files) {
		this.chunks = chunks;
		this.withText = withText;
		this.length = length;
		this.withTextChunks = withTextChunks;
		this.fileOf = fileOf;
		this.files = files;
	}

	/**
	 * @param termsEnum positioned on a term of the text field
	 * @return how many of the knowledge base's chunks hold the term, how often, and how
	 * many of its files (0 without files)
	 */
	long[] count(TermsEnum termsEnum) throws IOException {
		if (this.withTextChunks == null && this.fileOf == null) {
			return new long[] { termsEnum.docFreq(), termsEnum.totalTermFreq(), 0 };
		}
		long[] counted = this.remembered.get(termsEnum.term());
		if (counted != null) {
			return counted;
		}
		counted = new long[3];
		FixedBitSet files = (this.fileOf != null) ? new FixedBitSet(Math.max(this.fileOf.count(), 1)) : null;
		PostingsEnum postings = termsEnum.postings(null, PostingsEnum.FREQS);
		DocIdSetIterator chunks;
		if (this.withTextChunks == null) {
			chunks = postings;
		}
		else if (termsEnum.docFreq() <= this.withText) {
			chunks = postings;
		}
		else {
			chunks = ConjunctionUtils
				.intersectIterators(List.of(new BitSetIterator(this.withTextChunks, this.withText), postings));
		}
		for (int doc = chunks.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = chunks.nextDoc()) {
			if (this.withTextChunks != null && !this.withTextChunks.get(doc)) {
				continue;
			}
			counted[0]++;
			counted[1] += postings.freq();
			if (files != null && this.fileOf.of()[doc] >= 0) {
				files.set(this.fileOf.of()[doc]);
			}
		}
		counted[2] = (files != null) ? files.cardinality() : 0;
		if (Math.min(termsEnum.docFreq(), this.withText) >= REMEMBERED && this.remembered.size() < MAX_REMEMBERED) {
			this.remembered.put(BytesRef.deepCopyOf(termsEnum.term()), counted);
		}
		return counted;
	}

}
