package dev.ragchat.api.chat;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import dev.ragchat.answer.SearchScope;

/**
 * The scopes of chat sessions that ask more than one whole knowledge base: several
 * knowledge bases, or only some documents. A session without one asks its knowledge base,
 * all of it.
 */
public interface SessionScopeStore {

	/**
	 * Keeps a session's scope in place of the one it had.
	 * @param sessionId the session
	 * @param scope its scope
	 */
	void save(String sessionId, SearchScope scope);

	/**
	 * @param sessionId a session
	 * @return its scope, when it has one of its own
	 */
	Optional<SearchScope> find(String sessionId);

	/**
	 * @param sessionIds sessions
	 * @return the scopes of those that have one of their own, by session
	 */
	Map<String, SearchScope> findAll(Collection<String> sessionIds);

	/**
	 * Forgets a session's scope (it asks its knowledge base, all of it).
	 * @param sessionId the session
	 */
	void delete(String sessionId);

}
