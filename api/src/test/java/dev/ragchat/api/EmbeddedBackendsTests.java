package dev.ragchat.api;

import javax.sql.DataSource;

import com.mongodb.client.MongoClient;
import dev.ragchat.retrieval.rerank.Reranker;
import dev.ragchat.retrieval.rerank.Reranking;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded set-up opens no MongoDB client (so no connection attempts and no MongoDB
 * health check), though the driver is on the class path for the production adapters; nor
 * a reranker, unless its URL is set. Checked in the context most web tests share, which
 * runs on these defaults.
 */
class EmbeddedBackendsTests extends AbstractWebIntegrationTests {

	@Autowired
	ApplicationContext context;

	@Test
	void startsWithoutAnyMongoDbClient() {
		assertThat(this.context.getBeanNamesForType(MongoClient.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(MongoTemplate.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(DataSource.class)).isNotEmpty();
		assertThat(this.context.containsBean("mongoHealthContributor")).isFalse();
	}

	@Test
	void startsWithoutAReranker() {
		assertThat(this.context.getBeanNamesForType(Reranker.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(Reranking.class)).isEmpty();
	}

}
