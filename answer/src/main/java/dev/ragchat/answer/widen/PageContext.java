package dev.ragchat.answer.widen;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.ragchat.retrieval.Chunk;
import dev.ragchat.retrieval.ChunkIndex;
import dev.ragchat.retrieval.ChunkSearch;
import dev.ragchat.retrieval.ScoredChunk;
import dev.ragchat.retrieval.SearchMode;

import org.springframework.util.Assert;

/**
 * Small-to-big: a retrieved chunk of a paginated document (PDF, Office) is read with the
 * other chunks of its page, nearest first, up to a number of characters, so that an
 * answer can quote the row of a table whose header or neighbouring rows the chunk cut
 * off. A page is a unit the document's author made; a document without pages (Markdown,
 * HTML, text: one page) is a flow of sections whose neighbours are other subjects, so its
 * chunks are not read with their neighbours. Hybrid search keeps one chunk of it, often
 * its lead-in ("This page explains … and how to claim"), which every word of a question
 * matches while another section answers: it is read with its document's passage nearest
 * the query in meaning, when that is not a source already (decision 0017 says what this
 * was measured against). The widened chunk keeps its id, score and place, and its pages
 * become those of all it holds. A post-retrieval step of the answer engine, after the
 * judge: what the judge read is what search found.
 */
public final class PageContext implements SourcesProcessor {

	/** How many chunks of each source's document the search for its nearest reads. */
	private static final int NEAREST = 4;

	/** The longest overlap of two neighbouring chunks looked for, in characters. */
	private static final int MAX_OVERLAP = 1000;

	private final ChunkIndex index;

	private final int maxCharacters;

	/**
	 * @param index where the chunks of a source's page are read
	 * @param maxCharacters the most characters a widened chunk holds (its own text is
	 * always kept whole)
	 */
	public PageContext(ChunkIndex index, int maxCharacters) {
		Assert.notNull(index, "index must not be null");
		Assert.isTrue(maxCharacters > 0, "maxCharacters must be positive");
		this.index = index;
		this.maxCharacters = maxCharacters;
	}

	/**
	 * @param question the question as asked (every question's sources are read so)
	 * @param query the query it was searched with, which the nearest passage is near
	 * @param sources the sources, best first
	 * @return the same chunks in the same order, those of paginated documents with the
	 * neighbours of their page, those of others with their passage nearest the question
	 */
	@Override
	public Processed process(String question, String query, List<ScoredChunk> sources) {
		return new Processed(widen(query, sources), "sources read with the rest of their page; of a document"
				+ " without pages, with its passage nearest the question when search kept another");
	}

	/**
	 * @param sources the retrieved chunks, best first
	 * @return the same chunks in the same order, those of paginated documents with the
	 * neighbours of their page
	 */
	public List<ScoredChunk> widen(List<ScoredChunk> sources) {
		return widen(null, sources);
	}

	/**
	 * @param question the question, or {@code null}
	 * @param sources the retrieved chunks, best first
	 * @return the same chunks in the same order, those of paginated documents with the
	 * neighbours of their page, and the first of a document without pages with its
	 * passage nearest the question when that is not a source
	 */
	public List<ScoredChunk> widen(String question, List<ScoredChunk> sources) {
		// the chunks that begin on each source's pages or the pages next to them (a chunk
		// may begin on the page before); a document whose chunks are all on page 1 has no
		// pages
		List<List<Chunk>> near = sources.stream()
			.map(ScoredChunk::chunk)
			.map((chunk) -> this.index.chunks(chunk.documentId(), Math.max(1, chunk.page() - 1), chunk.pageEnd() + 1))
			.toList();
		List<Chunk> pageless = new ArrayList<>();
		for (int i = 0; i < sources.size(); i++) {
			if (near.get(i).stream().allMatch((other) -> other.pageEnd() == 1)) {
				pageless.add(sources.get(i).chunk());
			}
		}
		Map<String, Chunk> nearest = (question == null || question.isBlank() || pageless.isEmpty()) ? Map.of()
				: nearest(question, pageless);
		Set<String> read = new HashSet<>();
		sources.forEach((source) -> read.add(source.chunk().id()));
		List<ScoredChunk> widened = new ArrayList<>(sources.size());
		for (int i = 0; i < sources.size(); i++) {
			ScoredChunk source = sources.get(i);
			widened.add(new ScoredChunk(widen(source.chunk(), near.get(i), nearest, read), source.score()));
		}
		return widened;
	}

	/**
	 * The chunk of each document nearest the question in meaning, by one vector search of
	 * the documents in each knowledge base.
	 */
	private Map<String, Chunk> nearest(String question, List<Chunk> chunks) {
		Map<String, Chunk> nearest = new HashMap<>();
		Map<String, Set<String>> documents = new LinkedHashMap<>();
		chunks.forEach(
				(chunk) -> documents.computeIfAbsent(chunk.knowledgeBase(), (knowledgeBase) -> new LinkedHashSet<>())
					.add(chunk.documentId()));
		documents.forEach((knowledgeBase, ids) -> this.index
			.search(new ChunkSearch(knowledgeBase, question, Math.min(ChunkSearch.MAX_TOP_K, NEAREST * ids.size()),
					SearchMode.VECTOR, List.copyOf(ids)))
			.forEach((found) -> nearest.putIfAbsent(found.chunk().documentId(), found.chunk())));
		return nearest;
	}

	private Chunk widen(Chunk chunk, List<Chunk> near, Map<String, Chunk> nearest, Set<String> read) {
		if (near.stream().allMatch((other) -> other.pageEnd() == 1)) {
			// hybrid search keeps one chunk of it, its best by words and meaning
			// together,
			// often its lead-in, which names all it covers, when another section answers
			Chunk other = nearest.get(chunk.documentId());
			return (other != null && read.add(other.id())
					&& chunk.text().length() + other.text().length() <= this.maxCharacters)
							? joined(chunk, new ArrayList<>(List.of(chunk, other))) : chunk;
		}
		// the chunks sharing a page with it, nearest in the document first
		List<Chunk> page = near.stream()
			.filter((other) -> other.ordinal() != chunk.ordinal() && other.page() <= chunk.pageEnd()
					&& other.pageEnd() >= chunk.page())
			.sorted(Comparator.comparingInt((Chunk other) -> Math.abs(other.ordinal() - chunk.ordinal())))
			.toList();
		List<Chunk> kept = new ArrayList<>(List.of(chunk));
		int length = chunk.text().length();
		for (Chunk other : page) {
			if (length + other.text().length() > this.maxCharacters) {
				break;
			}
			kept.add(other);
			length += other.text().length();
		}
		return (kept.size() == 1) ? chunk : joined(chunk, kept);
	}

	/** The chunk with the text of those kept, in document order, and all their pages. */
	private static Chunk joined(Chunk chunk, List<Chunk> kept) {
		kept.sort(Comparator.comparingInt(Chunk::ordinal));
		StringBuilder text = new StringBuilder();
		for (Chunk part : kept) {
			text.append(withoutOverlap(text, part.text()));
		}
		int first = kept.stream().mapToInt(Chunk::page).min().orElse(chunk.page());
		int last = kept.stream().mapToInt(Chunk::pageEnd).max().orElse(chunk.pageEnd());
		return new Chunk(chunk.id(), chunk.knowledgeBase(), chunk.documentId(), chunk.filename(), first, last,
				chunk.headingPath(), chunk.ordinal(), text.toString(), chunk.metadata(), chunk.title());
	}

	/**
	 * The next chunk's text without the words it repeats from the end of the text before
	 * it (neighbouring chunks overlap by a few words), on a line of its own.
	 */
	private static String withoutOverlap(CharSequence before, String next) {
		if (before.isEmpty()) {
			return next;
		}
		String end = before.toString();
		for (int overlap = Math.min(MAX_OVERLAP, Math.min(end.length(), next.length())); overlap >= 20; overlap--) {
			if (end.endsWith(next.substring(0, overlap))) {
				return next.substring(overlap);
			}
		}
		return "\n" + next;
	}

}
