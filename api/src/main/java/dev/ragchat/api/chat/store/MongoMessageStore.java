package dev.ragchat.api.chat.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.ragchat.api.chat.ChatMessage;
import dev.ragchat.api.chat.MessageStore;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Chat history in MongoDB (the production catalog). Each message gets the next number of
 * its session from a counter document, incremented atomically, so appends from several
 * nodes keep their order.
 */
final class MongoMessageStore implements MessageStore {

	static final String COLLECTION = "chat_messages";

	static final String COUNTERS = "chat_message_counters";

	private final MongoTemplate mongo;

	MongoMessageStore(MongoTemplate mongo) {
		this.mongo = mongo;
		mongo.indexOps(COLLECTION)
			.ensureIndex(new Index().on("sessionId", Sort.Direction.ASC).on("seq", Sort.Direction.ASC).unique());
	}

	@Override
	public void append(ChatMessage message) {
		org.bson.Document counter = this.mongo.findAndModify(Query.query(Criteria.where("_id").is(message.sessionId())),
				new Update().inc("seq", 1), FindAndModifyOptions.options().upsert(true).returnNew(true),
				org.bson.Document.class, COUNTERS);
		org.bson.Document row = new org.bson.Document();
		this.mongo.getConverter().write(message, row);
		row.put("seq", ((Number) counter.get("seq")).longValue());
		this.mongo.insert(row, COLLECTION);
	}

	@Override
	public List<ChatMessage> page(String sessionId, int offset, int limit) {
		return this.mongo.find(ofSession(sessionId).with(Sort.by("seq")).skip(offset).limit(limit), ChatMessage.class,
				COLLECTION);
	}

	@Override
	public long count(String sessionId) {
		return this.mongo.count(ofSession(sessionId), COLLECTION);
	}

	@Override
	public List<ChatMessage> latest(String sessionId, int limit) {
		List<ChatMessage> latest = new ArrayList<>(
				this.mongo.find(ofSession(sessionId).with(Sort.by(Sort.Direction.DESC, "seq")).limit(limit),
						ChatMessage.class, COLLECTION));
		Collections.reverse(latest);
		return latest;
	}

	@Override
	public void deleteSession(String sessionId) {
		this.mongo.remove(ofSession(sessionId), COLLECTION);
		this.mongo.remove(Query.query(Criteria.where("_id").is(sessionId)), COUNTERS);
	}

	@Override
	public List<ChatMessage> between(Instant from, Instant to) {
		return this.mongo.find(
				Query.query(Criteria.where("createdAt").gte(from).lt(to)).with(Sort.by("sessionId", "seq")),
				ChatMessage.class, COLLECTION);
	}

	private static Query ofSession(String sessionId) {
		return Query.query(Criteria.where("sessionId").is(sessionId));
	}

}
