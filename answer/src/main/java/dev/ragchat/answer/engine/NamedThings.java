package dev.ragchat.answer.engine;

import java.util.List;

import dev.ragchat.answer.SearchRequest;
import dev.ragchat.answer.judge.Judged;
import dev.ragchat.answer.query.ConversationState;
import dev.ragchat.answer.query.Subject;
import dev.ragchat.answer.search.KnowledgeBaseSearch;
import dev.ragchat.retrieval.ScoredChunk;

/**
 * Step 2's reading of the things the answer before named, for the judge: when it named
 * several and the extract judges, each comes with the passages of its own documents
 * nearest the message, searched for the message alone. Whether a word of the message says
 * which thing it means ("does it read the date off a receipt?" after "two: the iPhone app
 * and the Android app") is then read from what each says, not from the few passages the
 * first search happened to find of some: a row of one page the search passed over says as
 * much as a sentence of another it found.
 */
final class NamedThings {

	private NamedThings() {
	}

	/**
	 * @param search the one search
	 * @param asked the first search, of the message as asked in the request's scope
	 * @param state the conversation's state, or {@code null}
	 * @param extract whether the extract's judge reads them (a language model reads the
	 * sources itself)
	 * @return the things the answer before named, each with what its documents say
	 */
	static List<Judged.Named> of(KnowledgeBaseSearch search, SearchRequest asked, ConversationState state,
			boolean extract) {
		if (state == null) {
			return List.of();
		}
		List<Subject> named = state.namedByAnswer();
		boolean several = extract && named.size() >= 2;
		return named.stream()
			.map((subject) -> new Judged.Named(subject.label(), subject.documentIds(), subject.described(),
					several ? said(search, asked, subject.documentIds()) : List.of()))
			.toList();
	}

	/** The passages of the documents nearest the message, none of other documents. */
	private static List<ScoredChunk> said(KnowledgeBaseSearch search, SearchRequest asked, List<String> documentIds) {
		SearchRequest own = asked.in(documentIds);
		if (documentIds.isEmpty() || !documentIds.containsAll(own.documentIds()) || own.documentIds().isEmpty()) {
			return List.of();
		}
		return search.search(own)
			.chunks()
			.stream()
			.filter((found) -> documentIds.contains(found.chunk().documentId()))
			.toList();
	}

}
