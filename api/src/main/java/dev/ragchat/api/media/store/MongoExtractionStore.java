package dev.ragchat.api.media.store;

import java.util.List;
import java.util.Optional;

import dev.ragchat.api.media.Extraction;
import dev.ragchat.api.media.ExtractionStore;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Extractions in MongoDB (the production catalog); schema and fields as JSON text, so
 * that field names need no escaping.
 */
final class MongoExtractionStore implements ExtractionStore {

	static final String COLLECTION = "extractions";

	private final MongoTemplate mongo;

	MongoExtractionStore(MongoTemplate mongo) {
		this.mongo = mongo;
		mongo.indexOps(COLLECTION)
			.ensureIndex(new Index().on("ownerKey", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC));
	}

	@Override
	public void save(Extraction extraction) {
		this.mongo.insert(extraction, COLLECTION);
	}

	@Override
	public Optional<Extraction> findById(String id) {
		return Optional.ofNullable(this.mongo.findById(id, Extraction.class, COLLECTION));
	}

	@Override
	public List<Extraction> pageOfOwner(String ownerKey, int offset, int limit) {
		return this.mongo.find(Query.query(Criteria.where("ownerKey").is(ownerKey))
			.with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id")))
			.skip(offset)
			.limit(limit), Extraction.class, COLLECTION);
	}

	@Override
	public long countOfOwner(String ownerKey) {
		return this.mongo.count(Query.query(Criteria.where("ownerKey").is(ownerKey)), COLLECTION);
	}

	@Override
	public boolean delete(String id) {
		return this.mongo.remove(Query.query(Criteria.where("_id").is(id)), COLLECTION).getDeletedCount() == 1;
	}

}
