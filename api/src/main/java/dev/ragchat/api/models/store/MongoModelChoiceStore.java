package dev.ragchat.api.models.store;

import java.util.Date;
import java.util.Optional;

import dev.ragchat.api.models.ModelChoice;
import dev.ragchat.api.models.ModelChoiceStore;
import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The model choice in MongoDB (the production catalog): one document, the service's.
 */
final class MongoModelChoiceStore implements ModelChoiceStore {

	static final String COLLECTION = "model_choices";

	private static final String SERVICE = "service";

	private final MongoTemplate mongo;

	MongoModelChoiceStore(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public Optional<ModelChoice> find() {
		return Optional.ofNullable(this.mongo.findById(SERVICE, Document.class, COLLECTION))
			.map((d) -> new ModelChoice(d.getString("kind"), d.getString("baseUrl"), d.getString("model"),
					d.getString("modelPath"), d.getString("apiKeySealed"),
					(d.getDate("updatedAt") != null) ? d.getDate("updatedAt").toInstant() : null));
	}

	@Override
	public void save(ModelChoice c) {
		Document document = new Document("_id", SERVICE).append("kind", c.kind())
			.append("baseUrl", c.baseUrl())
			.append("model", c.model())
			.append("modelPath", c.modelPath())
			.append("apiKeySealed", c.sealedApiKey())
			.append("updatedAt", Date.from(c.updatedAt()));
		this.mongo.save(document, COLLECTION);
	}

	@Override
	public void clear() {
		this.mongo.remove(Query.query(Criteria.where("_id").is(SERVICE)), COLLECTION);
	}

}
