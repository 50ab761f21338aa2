package dev.ragchat.api.chat.store;

import java.util.Date;

import dev.ragchat.api.chat.ChatMessage;
import dev.ragchat.api.chat.MessageStore;
import dev.ragchat.ingestion.catalog.TestMongo;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MongoDB store on the in-process wire-protocol server (mongo-java-server).
 */
class MongoMessageStoreTests extends MessageStoreContractTests {

	private MongoTemplate mongo;

	@Override
	protected MessageStore createStore() {
		this.mongo = TestMongo.inProcess();
		return new MongoMessageStore(this.mongo);
	}

	@Test
	void readsAnAnswerStoredBeforeStopsAndReadingsWereKeptAsNotStoppedAskingNothingBack() {
		this.mongo.insert(new Document("_id", "m_old").append("sessionId", "s_old")
			.append("seq", 1L)
			.append("role", ChatMessage.ASSISTANT)
			.append("content", "An old answer")
			.append("grounded", true)
			.append("createdAt", Date.from(NOW)), MongoMessageStore.COLLECTION);
		assertThat(this.store.page("s_old", 0, 1)).singleElement().satisfies((old) -> {
			assertThat(old.content()).isEqualTo("An old answer");
			assertThat(old.stopped()).isFalse();
			assertThat(old.clarification()).isNull();
			assertThat(old.outcome()).isEqualTo("answer");
		});
	}

}
