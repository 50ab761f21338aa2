package dev.ragchat.api.chat;

import java.time.Clock;

import dev.ragchat.api.access.SessionTokens;
import dev.ragchat.api.chat.answer.AnswerGenerator;
import dev.ragchat.api.chat.answer.CompressingQueryRewriter;
import dev.ragchat.api.chat.answer.ExtractiveGenerator;
import dev.ragchat.api.chat.answer.QueryRewriter;
import dev.ragchat.api.chat.store.JdbcChatConfigStore;
import dev.ragchat.api.media.MediaLibrary;
import dev.ragchat.api.chat.store.JdbcMessageStore;
import dev.ragchat.api.chat.store.JdbcSessionStore;
import dev.ragchat.api.chat.store.MongoChatConfigStore;
import dev.ragchat.api.chat.store.MongoMessageStore;
import dev.ragchat.api.chat.store.MongoSessionStore;
import dev.ragchat.ingestion.KnowledgeBases;
import dev.ragchat.retrieval.Retriever;
import dev.ragchat.retrieval.embedding.QueryEmbedder;

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
	ChatSessions chatSessions(SessionStore store, SessionTokens tokens, KnowledgeBases knowledgeBases,
			ChatConfigStore configs, MessageStore messages, Clock clock) {
		return new ChatSessions(store, tokens, knowledgeBases, configs, messages, clock);
	}

	@Bean
	Conversations conversations(ChatSessions sessions, MessageStore messages, Retriever retriever,
			AnswerGenerator generator, ObjectProvider<ChatModel> chatModel, ChatProperties properties, Clock clock,
			MediaLibrary media) {
		ChatModel model = chatModel.getIfAvailable();
		QueryRewriter rewriter = (model != null) ? new CompressingQueryRewriter(model) : QueryRewriter.heuristic();
		return new Conversations(sessions, messages, retriever, generator, rewriter, properties, clock, media);
	}

}
