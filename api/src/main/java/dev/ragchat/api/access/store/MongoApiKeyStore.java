package dev.ragchat.api.access.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.ragchat.api.access.ApiKey;
import dev.ragchat.api.access.ApiKeyStore;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * API keys in MongoDB (the production catalog), mapped by Spring Data; the key's hash
 * sits beside the record under a unique index.
 */
final class MongoApiKeyStore implements ApiKeyStore {

	static final String COLLECTION = "api_keys";

	private static final Duration USE_RESOLUTION = Duration.ofMinutes(1);

	private final MongoTemplate mongo;

	MongoApiKeyStore(MongoTemplate mongo) {
		this.mongo = mongo;
		mongo.indexOps(COLLECTION).ensureIndex(new Index("keyHash", Sort.Direction.ASC).unique());
		mongo.indexOps(COLLECTION).ensureIndex(new Index("lineage", Sort.Direction.ASC));
	}

	@Override
	public void save(ApiKey key, String keyHash) {
		org.bson.Document row = new org.bson.Document();
		this.mongo.getConverter().write(key, row);
		row.put("keyHash", keyHash);
		this.mongo.insert(row, COLLECTION);
	}

	@Override
	public Optional<ApiKey> findByHash(String keyHash) {
		return Optional.ofNullable(
				this.mongo.findOne(Query.query(Criteria.where("keyHash").is(keyHash)), ApiKey.class, COLLECTION));
	}

	@Override
	public Optional<ApiKey> findById(String id) {
		return Optional.ofNullable(this.mongo.findById(id, ApiKey.class, COLLECTION));
	}

	@Override
	public List<ApiKey> findAll() {
		return this.mongo.find(new Query().with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("_id"))),
				ApiKey.class, COLLECTION);
	}

	@Override
	public List<ApiKey> findByLineage(String lineage) {
		// a key stored before lineages has none: it is its own
		Criteria criteria = new Criteria().orOperator(Criteria.where("lineage").is(lineage),
				Criteria.where("_id").is(lineage).and("lineage").exists(false));
		return this.mongo.find(Query.query(criteria).with(Sort.by(Sort.Order.asc("createdAt"), Sort.Order.asc("_id"))),
				ApiKey.class, COLLECTION);
	}

	@Override
	public boolean expire(String id, Instant at) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("expiresAt").gt(at)),
				Update.update("expiresAt", at), COLLECTION);
		return this.mongo.exists(Query.query(Criteria.where("_id").is(id)), COLLECTION);
	}

	@Override
	public boolean revoke(String id, Instant at) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("revokedAt").isNull()),
				Update.update("revokedAt", at), COLLECTION);
		return this.mongo.exists(Query.query(Criteria.where("_id").is(id)), COLLECTION);
	}

	@Override
	public void recordUse(String id, Instant at) {
		Criteria stale = new Criteria().orOperator(Criteria.where("lastUsedAt").isNull(),
				Criteria.where("lastUsedAt").lt(at.minus(USE_RESOLUTION)));
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id).andOperator(stale)),
				Update.update("lastUsedAt", at), COLLECTION);
	}

}
