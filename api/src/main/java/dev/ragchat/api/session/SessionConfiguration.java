package dev.ragchat.api.session;

import java.time.Clock;

import dev.ragchat.api.access.SessionTokens;
import dev.ragchat.ingestion.KnowledgeBases;

import dev.ragchat.retrieval.QueryEmbedder;
import dev.ragchat.retrieval.Retriever;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ChatProperties.class)
class SessionConfiguration {

	@Bean
	@ConditionalOnProperty(name = "ragchat.catalog.store", havingValue = "embedded", matchIfMissing = true)
	SessionStore sessionStore(JdbcClient jdbc) {
		return new JdbcSessionStore(jdbc);
	}

	@Bean
	@ConditionalOnProperty(name = "ragchat.catalog.store", havingValue = "mongodb")
	SessionStore mongoSessionStore(MongoTemplate mongo) {
		return new MongoSessionStore(mongo);
	}

	@Bean
	ChatSessions chatSessions(SessionStore store, SessionTokens tokens, KnowledgeBases knowledgeBases,
			ChatConfigStore configs, Clock clock) {
		return new ChatSessions(store, tokens, knowledgeBases, configs, clock);
	}

	@Bean
	@ConditionalOnProperty(name = "ragchat.catalog.store", havingValue = "embedded", matchIfMissing = true)
	MessageStore messageStore(JdbcClient jdbc) {
		return new JdbcMessageStore(jdbc);
	}

	@Bean
	@ConditionalOnProperty(name = "ragchat.catalog.store", havingValue = "mongodb")
	MessageStore mongoMessageStore(MongoTemplate mongo) {
		return new MongoMessageStore(mongo);
	}

	@Bean
	@ConditionalOnProperty(name = "ragchat.catalog.store", havingValue = "embedded", matchIfMissing = true)
	ChatConfigStore chatConfigStore(JdbcClient jdbc) {
		return new JdbcChatConfigStore(jdbc);
	}

	@Bean
	@ConditionalOnProperty(name = "ragchat.catalog.store", havingValue = "mongodb")
	ChatConfigStore mongoChatConfigStore(MongoTemplate mongo) {
		return new MongoChatConfigStore(mongo);
	}

	@Bean
	@ConditionalOnProperty(name = "ragchat.chat.generator", havingValue = "extractive", matchIfMissing = true)
	AnswerGenerator extractiveGenerator(EmbeddingModel embeddingModel, QueryEmbedder queryEmbedder,
			ChatProperties properties) {
		return new ExtractiveGenerator(embeddingModel, queryEmbedder, properties.minSimilarity(),
				properties.maxSentences());
	}

	@Bean
	Conversations conversations(ChatSessions sessions, MessageStore messages, Retriever retriever,
			AnswerGenerator generator, ObjectProvider<ChatModel> chatModel, ChatProperties properties, Clock clock) {
		ChatModel model = chatModel.getIfAvailable();
		QueryRewriter rewriter = (model != null) ? new CompressingQueryRewriter(model) : QueryRewriter.heuristic();
		return new Conversations(sessions, messages, retriever, generator, rewriter, properties, clock);
	}

}
