package dev.ragchat.api.models.store;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.ragchat.api.models.ModelChoice;
import dev.ragchat.api.models.ModelChoiceStore;
import org.bson.Document;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The model choices in MongoDB (the production catalog): the service's document
 * ({@code service}) and one per chat config with its own model (the chat config's id);
 * the models people may use in {@code offered_models}, by name.
 */
final class MongoModelChoiceStore implements ModelChoiceStore {

	static final String COLLECTION = "model_choices";

	static final String OFFERED = "offered_models";

	private final MongoTemplate mongo;

	MongoModelChoiceStore(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public Optional<ModelChoice> find(String configId) {
		return Optional.ofNullable(this.mongo.findById(configId, Document.class, COLLECTION))
			.map(MongoModelChoiceStore::map);
	}

	@Override
	public Map<String, ModelChoice> chatConfigs() {
		Map<String, ModelChoice> chatConfigs = new LinkedHashMap<>();
		this.mongo.find(Query.query(Criteria.where("_id").ne(SERVICE)).with(Sort.by("_id")), Document.class, COLLECTION)
			.forEach((d) -> chatConfigs.put(d.getString("_id"), map(d)));
		return chatConfigs;
	}

	@Override
	public Map<String, ModelChoice> offered() {
		Map<String, ModelChoice> offered = new LinkedHashMap<>();
		this.mongo.find(new Query().with(Sort.by("_id")), Document.class, OFFERED)
			.forEach((d) -> offered.put(d.getString("_id"), map(d)));
		return offered;
	}

	@Override
	public void offer(String name, ModelChoice choice) {
		this.mongo.save(document(name, choice), OFFERED);
	}

	@Override
	public boolean withdraw(String name) {
		return this.mongo.remove(Query.query(Criteria.where("_id").is(name)), OFFERED).getDeletedCount() > 0;
	}

	@Override
	public void save(String configId, ModelChoice c) {
		this.mongo.save(document(configId, c), COLLECTION);
	}

	private static Document document(String id, ModelChoice c) {
		return new Document("_id", id).append("kind", c.kind())
			.append("baseUrl", c.baseUrl())
			.append("model", c.model())
			.append("modelPath", c.modelPath())
			.append("apiKeySealed", c.sealedApiKey())
			.append("updatedAt", Date.from(c.updatedAt()));
	}

	@Override
	public void clear(String configId) {
		this.mongo.remove(Query.query(Criteria.where("_id").is(configId)), COLLECTION);
	}

	private static ModelChoice map(Document d) {
		return new ModelChoice(d.getString("kind"), d.getString("baseUrl"), d.getString("model"),
				d.getString("modelPath"), d.getString("apiKeySealed"),
				(d.getDate("updatedAt") != null) ? d.getDate("updatedAt").toInstant() : null);
	}

}
