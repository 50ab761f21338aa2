package dev.ragchat.retrieval.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;

/**
 * Each chunk's file (the document it comes from), numbered within its segment, for
 * counting files rather than chunks ({@link KnowledgeBaseStatistics},
 * {@link CandidateFiles}). A file's chunks are one block of one segment
 * ({@code updateDocuments}), so its files are counted per segment and added up. The
 * numbers are read once per segment (its core, whatever its deletions) and dropped when
 * the segment closes.
 */
final class ChunkFiles {

	private final String column;

	private final String storedField;

	/** Per segment (its core, whatever its deletions): each chunk's file. */
	private final Map<IndexReader.CacheKey, SegmentFiles> segments = new ConcurrentHashMap<>();

	/**
	 * Where a chunk's file is recorded.
	 * @param column the sorted doc-values field holding its id
	 * @param storedField the stored field holding it, for chunks indexed before the
	 * column
	 */
	ChunkFiles(String column, String storedField) {
		if (column == null || storedField == null) {
			throw new IllegalArgumentException("The file's column and stored field are required");
		}
		this.column = column;
		this.storedField = storedField;
	}

	/**
	 * @param reader a segment
	 * @return each of its chunks' file, numbered within the segment (remembered for the
	 * segment's core)
	 * @throws IOException if the segment cannot be read
	 */
	SegmentFiles of(LeafReader reader) throws IOException {
		IndexReader.CacheHelper core = reader.getCoreCacheHelper();
		if (core == null) {
			return read(reader);
		}
		try {
			return this.segments.computeIfAbsent(core.getKey(), (key) -> {
				core.addClosedListener(this.segments::remove);
				try {
					return read(reader);
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
	 * Numbers each chunk's file within the segment: its ordinal in the column, or, for
	 * chunks indexed before the column, a number after those read from the stored field.
	 */
	private SegmentFiles read(LeafReader reader) throws IOException {
		int[] of = new int[reader.maxDoc()];
		Arrays.fill(of, -1);
		SortedDocValues values = reader.getSortedDocValues(this.column);
		int count = (values != null) ? values.getValueCount() : 0;
		StoredFields stored = null;
		Map<String, Integer> older = new HashMap<>();
		Set<String> fields = Set.of(this.storedField);
		for (int doc = 0; doc < of.length; doc++) {
			if (values != null && values.advanceExact(doc)) {
				of[doc] = values.ordValue();
				continue;
			}
			stored = (stored != null) ? stored : reader.storedFields();
			String file = stored.document(doc, fields).get(this.storedField);
			if (file != null) {
				Integer number = older.get(file);
				if (number == null) {
					number = count++;
					older.put(file, number);
				}
				of[doc] = number;
			}
		}
		return new SegmentFiles(of, count);
	}

	/**
	 * Each chunk's file in a segment.
	 *
	 * @param of per chunk, its file's number within the segment, or -1
	 * @param count how many numbers are used
	 */
	record SegmentFiles(int[] of, int count) {

	}

}
