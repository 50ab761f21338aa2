package dev.ragchat.answer.widen;

import java.util.List;

import dev.ragchat.answer.search.KnowledgeBaseSearch;
import dev.ragchat.answer.text.Asks;
import dev.ragchat.retrieval.Chunk;
import dev.ragchat.retrieval.ScoredChunk;

/**
 * A summary reads the document in focus: the chunks of the first source's document around
 * it, in document order, from its page on. Other questions' sources are left to the next
 * step.
 */
public final class Focus implements SourcesProcessor {

	/** How many pages of the document in focus a summary reads. */
	static final int SUMMARY_PAGES = 3;

	/** How many chunks of the document in focus a summary reads. */
	static final int SUMMARY_CHUNKS = 40;

	private final KnowledgeBaseSearch search;

	/**
	 * @param search reads the chunks of the document in focus
	 */
	public Focus(KnowledgeBaseSearch search) {
		this.search = search;
	}

	@Override
	public Processed process(String question, String query, List<ScoredChunk> sources) {
		if (Asks.of(question) != Asks.SUMMARY) {
			return null;
		}
		return new Processed(focus(sources), "a summary reads the document in focus around the passage ranked first");
	}

	/**
	 * The chunks of the document in focus, the first source's, around it in document
	 * order: what a summary is made of.
	 */
	private List<ScoredChunk> focus(List<ScoredChunk> sources) {
		ScoredChunk first = sources.get(0);
		List<Chunk> chunks = this.search.chunks(first.chunk().documentId(), first.chunk().page(),
				first.chunk().page() + SUMMARY_PAGES - 1);
		int at = 0;
		for (int i = 0; i < chunks.size(); i++) {
			if (chunks.get(i).id().equals(first.chunk().id())) {
				at = i;
			}
		}
		int from = Math.max(0, at - SUMMARY_CHUNKS / 4);
		List<ScoredChunk> read = chunks.subList(from, Math.min(chunks.size(), from + SUMMARY_CHUNKS))
			.stream()
			.map((chunk) -> new ScoredChunk(chunk, first.score()))
			.toList();
		return read.isEmpty() ? sources : read;
	}

}
