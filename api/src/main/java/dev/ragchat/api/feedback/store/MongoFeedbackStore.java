package dev.ragchat.api.feedback.store;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import dev.ragchat.api.feedback.Feedback;
import dev.ragchat.api.feedback.FeedbackStore;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Feedback in MongoDB, one document per answer (its id the answer's).
 */
final class MongoFeedbackStore implements FeedbackStore {

	static final String COLLECTION = "answer_feedback";

	private final MongoTemplate mongo;

	MongoFeedbackStore(MongoTemplate mongo) {
		this.mongo = mongo;
		mongo.indexOps(COLLECTION)
			.ensureIndex(new Index().on("knowledgeBase", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC));
	}

	@Override
	public void save(Feedback f) {
		org.bson.Document row = new org.bson.Document("_id", f.messageId()).append("sessionId", f.sessionId())
			.append("knowledgeBase", f.knowledgeBase())
			.append("keyId", f.keyId())
			.append("rating", f.rating().name())
			.append("reason", f.reason())
			.append("answer", f.answer())
			.append("createdAt", Date.from(f.createdAt()));
		this.mongo.save(row, COLLECTION);
	}

	@Override
	public List<Feedback> page(String knowledgeBase, int offset, int limit) {
		Query query = ofKnowledgeBase(knowledgeBase).with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id")))
			.skip(offset)
			.limit(limit);
		return this.mongo.find(query, org.bson.Document.class, COLLECTION)
			.stream()
			.map(MongoFeedbackStore::feedback)
			.toList();
	}

	@Override
	public List<Feedback> between(Instant from, Instant to) {
		Query query = Query.query(Criteria.where("createdAt").gte(Date.from(from)).lt(Date.from(to)))
			.with(Sort.by(Sort.Order.asc("createdAt"), Sort.Order.asc("_id")));
		return this.mongo.find(query, org.bson.Document.class, COLLECTION)
			.stream()
			.map(MongoFeedbackStore::feedback)
			.toList();
	}

	private static Feedback feedback(org.bson.Document row) {
		return new Feedback(row.getString("_id"), row.getString("sessionId"), row.getString("knowledgeBase"),
				row.getString("keyId"), Feedback.Rating.valueOf(row.getString("rating")), row.getString("reason"),
				row.getString("answer"), row.getDate("createdAt").toInstant());
	}

	@Override
	public long count(String knowledgeBase) {
		return this.mongo.count(ofKnowledgeBase(knowledgeBase), COLLECTION);
	}

	private static Query ofKnowledgeBase(String knowledgeBase) {
		return Query.query(Criteria.where("knowledgeBase").is(knowledgeBase));
	}

}
