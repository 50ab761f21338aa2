package dev.ragchat.api.chat.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

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
final class MongoSessionStore implements SessionStore {

	static final String COLLECTION = "chat_sessions";

	/** What a regular expression reads as more than itself. */
	private static final Pattern REGEX_SPECIALS = Pattern.compile("[\\\\^$.|?*+()\\[\\]{}]");

	private final MongoTemplate mongo;

	MongoSessionStore(MongoTemplate mongo) {
		this.mongo = mongo;
		mongo.indexOps(COLLECTION).ensureIndex(new Index("keyId", Sort.Direction.ASC));
		mongo.indexOps(COLLECTION)
			.ensureIndex(new Index().on("keyId", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC));
		mongo.indexOps(COLLECTION)
			.ensureIndex(new Index().on("keyId", Sort.Direction.ASC)
				.on("pinnedAt", Sort.Direction.DESC)
				.on("createdAt", Sort.Direction.DESC));
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
	public List<ChatSession> pageOfKeys(Collection<String> keyIds, List<String> knowledgeBases, String text, int offset,
			int limit) {
		return this.mongo.find(ofKey(keyIds, knowledgeBases, text)
			.with(Sort.by(Sort.Order.desc("pinnedAt"), Sort.Order.desc("createdAt"), Sort.Order.desc("_id")))
			.skip(offset)
			.limit(limit), ChatSession.class, COLLECTION);
	}

	@Override
	public long countOfKeys(Collection<String> keyIds, List<String> knowledgeBases, String text) {
		return this.mongo.count(ofKey(keyIds, knowledgeBases, text), COLLECTION);
	}

	/**
	 * Some keys' sessions (a lineage's), on some knowledge bases only, and only those
	 * whose title or one of whose messages holds a text (ignoring case), when asked: the
	 * messages are searched among the keys' sessions only (by their session index).
	 */
	private Query ofKey(Collection<String> keyIds, List<String> knowledgeBases, String text) {
		Criteria criteria = Criteria.where("keyId").in(keyIds);
		if (knowledgeBases != null) {
			criteria = criteria.and("knowledgeBase").in(knowledgeBases);
		}
		if (text == null) {
			return Query.query(criteria);
		}
		Pattern holds = Pattern.compile(REGEX_SPECIALS.matcher(text).replaceAll("\\\\$0"), Pattern.CASE_INSENSITIVE);
		List<String> ids = this.mongo.findDistinct(Query.query(criteria), "_id", COLLECTION, String.class);
		List<String> mentioning = ids.isEmpty() ? List.of()
				: this.mongo.findDistinct(Query.query(Criteria.where("sessionId").in(ids).and("content").regex(holds)),
						"sessionId", MongoMessageStore.COLLECTION, String.class);
		return Query.query(new Criteria().andOperator(criteria,
				new Criteria().orOperator(Criteria.where("title").regex(holds), Criteria.where("_id").in(mentioning))));
	}

	@Override
	public boolean pin(String id, Instant at) {
		Update update = (at != null) ? new Update().set("pinnedAt", at) : new Update().unset("pinnedAt");
		return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), update, COLLECTION)
			.getMatchedCount() == 1;
	}

	@Override
	public boolean updateSettings(ChatSession s) {
		Update update = new Update().set("systemPrompt", s.systemPrompt())
			.set("model", s.model())
			.set("temperature", s.temperature())
			.set("topK", s.topK());
		return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(s.id())), update, COLLECTION)
			.getMatchedCount() == 1;
	}

	@Override
	public List<ChatSession> startedBetween(Instant from, Instant to) {
		return this.mongo.find(
				Query.query(Criteria.where("createdAt").gte(from).lt(to)).with(Sort.by("createdAt", "_id")),
				ChatSession.class, COLLECTION);
	}

	@Override
	public List<ChatSession> findAllById(Collection<String> ids) {
		return this.mongo.find(Query.query(Criteria.where("_id").in(ids)), ChatSession.class, COLLECTION);
	}

	@Override
	public boolean rename(String id, String title) {
		return this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("title", title), COLLECTION)
			.getMatchedCount() == 1;
	}

	@Override
	public boolean delete(String id) {
		return this.mongo.remove(Query.query(Criteria.where("_id").is(id)), COLLECTION).getDeletedCount() == 1;
	}

	@Override
	public boolean renew(String id, Instant expiresAt) {
		return this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(id)), Update.update("expiresAt", expiresAt), COLLECTION)
			.getMatchedCount() == 1;
	}

	@Override
	public int endAllOfKey(String keyId, Instant at) {
		return (int) this.mongo
			.updateMulti(Query.query(Criteria.where("keyId").is(keyId).and("endedAt").isNull()),
					Update.update("endedAt", at), COLLECTION)
			.getModifiedCount();
	}

}
