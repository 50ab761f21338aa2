package dev.ragchat.answer.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.ragchat.answer.search.Found;
import dev.ragchat.answer.search.Search;
import dev.ragchat.answer.search.SearchRequest;
import dev.ragchat.retrieval.ScoredChunk;
import dev.ragchat.retrieval.SearchTrace;

/**
 * The search a rewrite decided, through the one search: in the documents of the subject
 * in focus when it named them (the whole scope when they hold nothing searchable), and
 * for a comparison of the last two questions answered ("compare the two") each side
 * searched as it stood, their chunks taken in turn so that both sides are among the
 * sources.
 */
public final class RewriteSearch {

	private RewriteSearch() {
	}

	/**
	 * @param search the one search
	 * @param searched the search of the rewrite's query, in the conversation's scope
	 * @param rewrite what the rewrite decided
	 * @param trace told the searches as they run
	 * @return what the search found
	 */
	public static Found of(Search search, SearchRequest searched, QueryRewriter.Rewrite rewrite, SearchTrace trace) {
		ConversationState state = rewrite.state();
		Found found = (state != null && !state.sides().isEmpty())
				? sides(search, searched, state.sides(), rewrite.documents(), trace)
				: search.search(searched.in(rewrite.documents()), trace);
		if (found.chunks().isEmpty() && !rewrite.documents().isEmpty()) {
			// the subject's documents hold nothing searchable: the scope answers
			found = search.search(searched, trace);
		}
		return found;
	}

	private static Found sides(Search search, SearchRequest searched, List<String> sides, List<String> documents,
			SearchTrace trace) {
		List<Found> found = sides.stream()
			.map((side) -> search.search(searched.searching(side).in(documents), trace))
			.toList();
		Map<String, ScoredChunk> taken = new LinkedHashMap<>();
		for (int rank = 0; taken.size() < searched.topK(); rank++) {
			boolean any = false;
			for (Found side : found) {
				if (rank < side.chunks().size()) {
					any = true;
					taken.putIfAbsent(side.chunks().get(rank).chunk().id(), side.chunks().get(rank));
				}
			}
			if (!any) {
				break;
			}
		}
		return new Found(search.shape(searched.query()), List.copyOf(taken.values()),
				found.stream().mapToInt(Found::retrieved).sum());
	}

}
