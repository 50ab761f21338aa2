package dev.ragchat.api.chat;

import java.util.ArrayList;
import java.util.List;

import dev.ragchat.answer.SearchScope;
import dev.ragchat.api.access.Caller;
import dev.ragchat.errors.NotFoundException;
import dev.ragchat.ingestion.Documents;
import dev.ragchat.ingestion.KnowledgeBases;

/**
 * Where sessions ask: the knowledge base each started on, or a scope of its own (several
 * knowledge bases, only some documents), checked against the caller when it is set and
 * kept ({@link SessionScopeStore}). Whether the caller may still chat in each knowledge
 * base of a scope is checked on every request ({@link ChatSessions}).
 */
public final class SessionScopes {

	private final SessionScopeStore store;

	private final KnowledgeBases knowledgeBases;

	private final Documents documents;

	SessionScopes(SessionScopeStore store, KnowledgeBases knowledgeBases, Documents documents) {
		this.store = store;
		this.knowledgeBases = knowledgeBases;
		this.documents = documents;
	}

	/**
	 * A scope as a caller may set it: every knowledge base one it may chat in and can be
	 * searched (the refusal is that of a knowledge base it cannot see), every document
	 * one of theirs.
	 * @param caller the caller
	 * @param knowledgeBase the knowledge base the conversation starts on (checked by the
	 * caller of this method)
	 * @param others more knowledge bases, or empty
	 * @param documentIds only these documents, or empty for all
	 * @return the scope
	 * @throws NotFoundException for a knowledge base or document the caller cannot use
	 */
	public SearchScope checked(Caller caller, String knowledgeBase, List<String> others, List<String> documentIds) {
		return checked(caller, null, knowledgeBase, others, documentIds);
	}

	/**
	 * A session's scope as its caller may set it
	 * ({@link #checked(Caller, String, List, List)}): besides, the session's own
	 * knowledge base (the files dropped into it, named as the session) may be among the
	 * others, and no other session's.
	 * @param caller the caller
	 * @param sessionId the session, or {@code null} for an answer without one
	 * @param knowledgeBase the knowledge base the conversation starts on (checked by the
	 * caller of this method)
	 * @param others more knowledge bases, or empty
	 * @param documentIds only these documents, or empty for all
	 * @return the scope
	 * @throws NotFoundException for a knowledge base or document the caller cannot use
	 */
	public SearchScope checked(Caller caller, String sessionId, String knowledgeBase, List<String> others,
			List<String> documentIds) {
		SearchScope scope = SearchScope.of(knowledgeBase, others, documentIds);
		for (String other : scope.knowledgeBases().subList(1, scope.knowledgeBases().size())) {
			if (!other.equals(sessionId) && !caller.mayChatIn(other)) {
				throw new NotFoundException("No knowledge base '" + other + "'");
			}
			this.knowledgeBases.searchable(other);
		}
		for (String documentId : scope.documentIds()) {
			this.documents.find(scope.knowledgeBases(), documentId)
				.orElseThrow(() -> new NotFoundException(
						"No document '" + documentId + "' in " + String.join(", ", scope.knowledgeBases())));
		}
		return scope;
	}

	/**
	 * @param session a session
	 * @return where it asks: its own scope, else all of its knowledge base
	 */
	public SearchScope of(ChatSession session) {
		return this.store.find(session.id())
			// its knowledge base first, whatever was kept
			.map((kept) -> SearchScope.of(session.knowledgeBase(), kept.knowledgeBases(), kept.documentIds()))
			.orElseGet(() -> SearchScope.of(session.knowledgeBase()));
	}

	/**
	 * A session's scope with one more knowledge base and document: a file dropped into
	 * it, in the session's own knowledge base. When the scope names documents, the file
	 * joins them; else its knowledge base joins the others.
	 * @param session the session
	 * @param knowledgeBase the session's own knowledge base
	 * @param documentId the file
	 * @return the scope as it is now
	 */
	public SearchScope add(ChatSession session, String knowledgeBase, String documentId) {
		SearchScope scope = of(session);
		List<String> knowledgeBases = new ArrayList<>(scope.knowledgeBases());
		if (!knowledgeBases.contains(knowledgeBase)) {
			knowledgeBases.add(knowledgeBase);
		}
		List<String> documentIds = new ArrayList<>(scope.documentIds());
		if (!documentIds.isEmpty() && !documentIds.contains(documentId)) {
			documentIds.add(documentId);
		}
		SearchScope added = new SearchScope(knowledgeBases, documentIds);
		keep(session.id(), added);
		return added;
	}

	/**
	 * @param sessionIds sessions
	 * @return the scopes of those that have one of their own, by session
	 */
	public java.util.Map<String, SearchScope> of(java.util.Collection<String> sessionIds) {
		return sessionIds.isEmpty() ? java.util.Map.of() : this.store.findAll(sessionIds);
	}

	/**
	 * Keeps a session's scope (none for one whole knowledge base).
	 * @param sessionId the session
	 * @param scope its scope
	 */
	void keep(String sessionId, SearchScope scope) {
		if (scope.whole()) {
			this.store.delete(sessionId);
		}
		else {
			this.store.save(sessionId, scope);
		}
	}

	/**
	 * Forgets the scope of a session that ended.
	 * @param sessionId the session
	 */
	void forget(String sessionId) {
		this.store.delete(sessionId);
	}

}
