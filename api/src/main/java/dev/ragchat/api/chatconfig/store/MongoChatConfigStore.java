package dev.ragchat.api.chatconfig.store;

import java.util.List;
import java.util.Optional;

import dev.ragchat.api.chatconfig.ChatConfig;
import dev.ragchat.api.chatconfig.ChatConfigStore;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Chat configurations in MongoDB (the production catalog), mapped by Spring Data.
 */
final class MongoChatConfigStore implements ChatConfigStore {

	static final String COLLECTION = "chat_configs";

	private final MongoTemplate mongo;

	MongoChatConfigStore(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public void save(ChatConfig config) {
		this.mongo.insert(config, COLLECTION);
	}

	@Override
	public boolean update(ChatConfig c) {
		Update update = new Update().set("title", c.title())
			.set("knowledgeBase", c.knowledgeBase())
			.set("systemPrompt", c.systemPrompt())
			.set("model", c.model())
			.set("temperature", c.temperature())
			.set("topK", c.topK())
			.set("updatedAt", c.updatedAt())
			.set("description", c.description())
			.set("avatarUrl", c.avatarUrl())
			.set("editable", c.editable());
		return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(c.id())), update, COLLECTION)
			.getMatchedCount() == 1;
	}

	@Override
	public List<ChatConfig> page(List<String> knowledgeBases, int offset, int limit) {
		return this.mongo.find(of(knowledgeBases).with(Sort.by("title", "_id")).skip(offset).limit(limit),
				ChatConfig.class, COLLECTION);
	}

	@Override
	public long count(List<String> knowledgeBases) {
		return this.mongo.count(of(knowledgeBases), COLLECTION);
	}

	private static Query of(List<String> knowledgeBases) {
		return (knowledgeBases != null) ? Query.query(Criteria.where("knowledgeBase").in(knowledgeBases)) : new Query();
	}

	@Override
	public Optional<ChatConfig> findById(String id) {
		return Optional.ofNullable(this.mongo.findById(id, ChatConfig.class, COLLECTION));
	}

}
