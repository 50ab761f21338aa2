package dev.ragchat.api.chat.store;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.ragchat.answer.SearchScope;
import dev.ragchat.api.chat.SessionScopeStore;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Session scopes in MongoDB (the production catalog), one document per session.
 */
final class MongoSessionScopeStore implements SessionScopeStore {

	static final String COLLECTION = "chat_session_scopes";

	private final MongoTemplate mongo;

	MongoSessionScopeStore(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public void save(String sessionId, SearchScope scope) {
		this.mongo.save(new Stored(sessionId, scope.knowledgeBases(), scope.documentIds()), COLLECTION);
	}

	@Override
	public Optional<SearchScope> find(String sessionId) {
		return Optional.ofNullable(this.mongo.findById(sessionId, Stored.class, COLLECTION))
			.map((stored) -> new SearchScope(stored.knowledgeBases(), stored.documentIds()));
	}

	@Override
	public Map<String, SearchScope> findAll(Collection<String> sessionIds) {
		Map<String, SearchScope> scopes = new HashMap<>();
		this.mongo.find(Query.query(Criteria.where("_id").in(sessionIds)), Stored.class, COLLECTION)
			.forEach((stored) -> scopes.put(stored.id(),
					new SearchScope(stored.knowledgeBases(), stored.documentIds())));
		return scopes;
	}

	@Override
	public void delete(String sessionId) {
		this.mongo.remove(Query.query(Criteria.where("_id").is(sessionId)), COLLECTION);
	}

	/**
	 * A session's scope as stored.
	 *
	 * @param id the session
	 * @param knowledgeBases its knowledge bases
	 * @param documentIds its documents
	 */
	record Stored(String id, List<String> knowledgeBases, List<String> documentIds) {

	}

}
