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
		if (state != null && !state.sides().isEmpty()) {
			return sides(search, searched, state.sides(), rewrite.documents(), trace);
		}
		if (rewrite.documents().isEmpty()) {
			return search.search(searched, trace);
		}
		// the subject's documents first, taken in turn with the whole scope's: a
		// subject's
		// page is rarely the only one that speaks of what is asked of it
		Found subject = search.search(searched.in(rewrite.documents()), trace);
		Found scope = search.search(searched, trace);
		if (subject.chunks().isEmpty()) {
			return scope;
		}
		List<ScoredChunk> taken = inTurn(List.of(subject, scope), searched.topK());
		trace.ranked(SearchTrace.Ranking.RERANKED, taken, taken.size(),
				"the subject's documents and the whole scope, taken in turn");
		return new Found(subject.query(), taken, subject.retrieved() + scope.retrieved());
	}

	private static Found sides(Search search, SearchRequest searched, List<String> sides, List<String> documents,
			SearchTrace trace) {
		List<Found> found = sides.stream()
			.map((side) -> search.search(searched.searching(side).in(documents), trace))
			.toList();
		return new Found(search.shape(searched.query()), inTurn(found, searched.topK()),
				found.stream().mapToInt(Found::retrieved).sum());
	}

	/** The chunks of several searches taken in turn, each once, at most {@code topK}. */
	private static List<ScoredChunk> inTurn(List<Found> found, int topK) {
		Map<String, ScoredChunk> taken = new LinkedHashMap<>();
		for (int rank = 0; taken.size() < topK; rank++) {
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
		return List.copyOf(taken.values()).subList(0, Math.min(topK, taken.size()));
	}

}
