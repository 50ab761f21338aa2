package dev.ragchat.ingestion.catalog;

import java.util.List;
import java.util.Optional;

import dev.ragchat.ingestion.KnowledgeBase;
import dev.ragchat.ingestion.KnowledgeBaseStore;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Knowledge bases in MongoDB (the production catalog), mapped by Spring Data.
 */
final class MongoKnowledgeBaseStore implements KnowledgeBaseStore {

	static final String COLLECTION = "knowledge_bases";

	private final MongoTemplate mongo;

	MongoKnowledgeBaseStore(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public boolean saveIfAbsent(KnowledgeBase knowledgeBase) {
		try {
			this.mongo.insert(knowledgeBase, COLLECTION);
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	@Override
	public Optional<KnowledgeBase> findById(String id) {
		return Optional.ofNullable(this.mongo.findById(id, KnowledgeBase.class, COLLECTION));
	}

	@Override
	public List<KnowledgeBase> findAll() {
		return this.mongo.find(new Query().with(Sort.by("createdAt", "_id")), KnowledgeBase.class, COLLECTION);
	}

	@Override
	public boolean delete(String id) {
		return this.mongo.remove(Query.query(Criteria.where("_id").is(id)), COLLECTION).getDeletedCount() > 0;
	}

	@Override
	public boolean switchModel(String id, String fromModel, int fromDimensions, String toModel, int toDimensions) {
		return this.mongo.updateFirst(Query.query(
				Criteria.where("_id").is(id).and("embeddingModel").is(fromModel).and("dimensions").is(fromDimensions)),
				Update.update("embeddingModel", toModel).set("dimensions", toDimensions), COLLECTION)
			.getModifiedCount() > 0;
	}

}
