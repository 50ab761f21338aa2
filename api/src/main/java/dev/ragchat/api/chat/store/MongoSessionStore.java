package dev.ragchat.api.chat.store;

import java.time.Instant;
import java.util.Optional;

import dev.ragchat.api.chat.ChatSession;
import dev.ragchat.api.chat.SessionStore;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Chat sessions in MongoDB (the production catalog), mapped by Spring Data.
 */
public final class MongoSessionStore implements SessionStore {

	static final String COLLECTION = "chat_sessions";

	private final MongoTemplate mongo;

	MongoSessionStore(MongoTemplate mongo) {
		this.mongo = mongo;
		mongo.indexOps(COLLECTION).ensureIndex(new Index("keyId", Sort.Direction.ASC));
	}

	@Override
	public void save(ChatSession session) {
		this.mongo.insert(session, COLLECTION);
	}

	@Override
	public Optional<ChatSession> findById(String id) {
		return Optional.ofNullable(this.mongo.findById(id, ChatSession.class, COLLECTION));
	}

	@Override
	public boolean end(String id, Instant at) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("endedAt").isNull()),
				Update.update("endedAt", at), COLLECTION);
		return this.mongo.exists(Query.query(Criteria.where("_id").is(id)), COLLECTION);
	}

	@Override
	public int endAllOfKey(String keyId, Instant at) {
		return (int) this.mongo
			.updateMulti(Query.query(Criteria.where("keyId").is(keyId).and("endedAt").isNull()),
					Update.update("endedAt", at), COLLECTION)
			.getModifiedCount();
	}

}
