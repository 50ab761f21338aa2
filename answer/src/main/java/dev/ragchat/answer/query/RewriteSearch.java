package dev.ragchat.answer.query;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.ragchat.answer.Found;
import dev.ragchat.answer.SearchRequest;
import dev.ragchat.answer.search.KnowledgeBaseSearch;
import dev.ragchat.answer.text.Overlap;
import dev.ragchat.retrieval.ScoredChunk;
import dev.ragchat.retrieval.SearchMode;
import dev.ragchat.retrieval.SearchTrace;

/**
 * The search a rewrite decided, through the one search: in the documents of the subject
 * in focus when it named them (the whole scope when they hold nothing searchable), and
 * for a comparison of the last two questions answered ("compare the two") each side
 * searched as it stood, their chunks taken in turn so that both sides are among the
 * sources. A follow-up's sources are then those about its subject (from its documents or
 * writing its name), when any is: a page about something else is no answer.
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
	public static Found of(KnowledgeBaseSearch search, SearchRequest searched, QueryRewriter.Rewrite rewrite,
			SearchTrace trace) {
		Found found = found(search, searched, rewrite, trace);
		List<ScoredChunk> about = about(found.chunks(), rewrite.held());
		if (about.isEmpty() || about.size() == found.chunks().size()) {
			return found;
		}
		trace.ranked(SearchTrace.Ranking.RERANKED, about, about.size(),
				"the passages about the subject in focus: from its documents or writing its name");
		return new Found(found.query(), about, found.retrieved());
	}

	/**
	 * The chunks about one of the subjects: from one of their documents, or writing one
	 * of their names (a price list that names the router); all of them when no subject is
	 * given.
	 */
	private static List<ScoredChunk> about(List<ScoredChunk> chunks, List<Subject> subjects) {
		if (subjects.isEmpty()) {
			return chunks;
		}
		List<String> documents = ConversationState.documentsOf(subjects);
		List<Set<String>> names = subjects.stream()
			.map(RewriteSearch::name)
			.filter((words) -> !words.isEmpty())
			.toList();
		return chunks.stream()
			.filter((found) -> documents.contains(found.chunk().documentId()) || names.stream()
				.anyMatch(Overlap.words(found.chunk().title() + "\n" + found.chunk().text())::containsAll))
			.toList();
	}

	/**
	 * The words that name a subject: the codes of its label when it has any (a model
	 * number names the thing: "K2" of "Brisa K2 Kettle", which a price list writes "Brisa
	 * K2 glass jug"), else all its words.
	 */
	private static Set<String> name(Subject subject) {
		Set<String> codes = Overlap.words(Arrays.stream(subject.label().split("\\s+"))
			.filter((word) -> Mentions.CODE.matcher(word).find())
			.collect(Collectors.joining(" ")));
		return codes.isEmpty() ? Overlap.words(subject.label()) : codes;
	}

	private static Found found(KnowledgeBaseSearch search, SearchRequest searched, QueryRewriter.Rewrite rewrite,
			SearchTrace trace) {
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
		Found subject = sections(search, searched.in(rewrite.documents()), trace);
		Found scope = search.search(searched, trace);
		if (subject.chunks().isEmpty()) {
			return scope;
		}
		// a message that names its own subject is searched as asked, its subject's
		// sections after each of the scope's; a follow-up's subject comes first
		List<ScoredChunk> taken = inTurn(
				(state != null && state.own()) ? List.of(scope, subject) : List.of(subject, scope), searched.topK());
		trace.ranked(SearchTrace.Ranking.RERANKED, taken, taken.size(),
				"the subject's documents and the whole scope, taken in turn");
		return new Found(subject.query(), taken, subject.retrieved() + scope.retrieved());
	}

	/**
	 * A search of the subject's documents that gives as many of their chunks as asked:
	 * hybrid search keeps one chunk a page, and a document without pages (Markdown, HTML,
	 * text) is one page, so the rest are its other sections nearest the query.
	 */
	private static Found sections(KnowledgeBaseSearch search, SearchRequest subject, SearchTrace trace) {
		Found found = search.search(subject, trace);
		// the reranker's least score left some out: no section it did not read is added
		boolean judged = found.chunks().size() < Math.min(found.retrieved(), subject.topK());
		if (judged || found.chunks().size() >= subject.topK() || subject.mode() != SearchMode.HYBRID) {
			return found;
		}
		Found nearest = search.search(subject.as(SearchMode.VECTOR), trace);
		List<ScoredChunk> taken = inTurn(List.of(found, nearest), subject.topK());
		return new Found(found.query(), taken, found.retrieved() + nearest.retrieved());
	}

	private static Found sides(KnowledgeBaseSearch search, SearchRequest searched, List<String> sides,
			List<String> documents, SearchTrace trace) {
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
