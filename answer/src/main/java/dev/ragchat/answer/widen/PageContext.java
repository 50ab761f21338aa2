package dev.ragchat.answer.widen;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.ragchat.retrieval.Chunk;
import dev.ragchat.retrieval.ChunkIndex;
import dev.ragchat.retrieval.ScoredChunk;

import org.springframework.util.Assert;

/**
 * Small-to-big: a retrieved chunk of a paginated document (PDF, Office) is read with the
 * other chunks of its page, nearest first, up to a number of characters, so that an
 * answer can quote the row of a table whose header or neighbouring rows the chunk cut
 * off. A page is a unit the document's author made; a document without pages (Markdown,
 * HTML, text: one page) is a flow of sections whose neighbours are other subjects, so its
 * chunks are read as retrieved. The widened chunk keeps its id, score and place, and its
 * pages become those of all it holds. A post-retrieval step of the answer engine, after
 * the judge: what the judge read is what search found.
 */
public final class PageContext implements SourcesProcessor {

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
	 * @param question the question (every question's sources are read so)
	 * @param sources the sources, best first
	 * @return the same chunks in the same order, those of paginated documents with the
	 * neighbours of their page
	 */
	@Override
	public Processed process(String question, List<ScoredChunk> sources) {
		return new Processed(widen(sources), "sources of paginated documents read with the rest of their page");
	}

	/**
	 * @param sources the retrieved chunks, best first
	 * @return the same chunks in the same order, those of paginated documents with the
	 * neighbours of their page
	 */
	public List<ScoredChunk> widen(List<ScoredChunk> sources) {
		List<ScoredChunk> widened = new ArrayList<>(sources.size());
		for (ScoredChunk source : sources) {
			widened.add(new ScoredChunk(widen(source.chunk()), source.score()));
		}
		return widened;
	}

	private Chunk widen(Chunk chunk) {
		// the chunks that begin on its pages or the pages next to them (a chunk may begin
		// on the page before); a document whose chunks are all on page 1 has no pages
		List<Chunk> near = this.index.chunks(chunk.documentId(), Math.max(1, chunk.page() - 1), chunk.pageEnd() + 1);
		if (near.stream().allMatch((other) -> other.pageEnd() == 1)) {
			return chunk;
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
		if (kept.size() == 1) {
			return chunk;
		}
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
