package dev.ragchat.api.chat;

import java.time.Clock;

import dev.ragchat.answer.AnswerEngine;
import dev.ragchat.answer.EngineSettings;
import dev.ragchat.answer.generate.AnswerSettings;
import dev.ragchat.api.access.KeyLineages;
import dev.ragchat.api.access.SessionTokens;
import dev.ragchat.api.chatconfig.ChatConfigStore;
import dev.ragchat.api.media.MediaLibrary;
import dev.ragchat.ingestion.Documents;
import dev.ragchat.ingestion.KnowledgeBases;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ChatProperties.class)
class SessionConfiguration {

	@Bean
	SessionScopes sessionScopes(SessionScopeStore store, KnowledgeBases knowledgeBases, Documents documents) {
		return new SessionScopes(store, knowledgeBases, documents);
	}

	@Bean
	ChatSessions chatSessions(SessionStore store, SessionTokens tokens, KnowledgeBases knowledgeBases,
			ChatConfigStore configs, MessageStore messages, KeyLineages lineages, Clock clock, SessionScopes scopes,
			ObjectProvider<SessionModels> models) {
		return new ChatSessions(store, tokens, knowledgeBases, configs, messages, lineages, clock, scopes,
				models.getIfAvailable(() -> SessionModels.NONE));
	}

	/**
	 * The chat settings the answer generators read, handed down to their package (which
	 * does not depend on this one).
	 */
	@Bean
	AnswerAdmission answerAdmission(ChatProperties properties) {
		return new AnswerAdmission(properties.maxAnswersInProgress(), properties.answerWait());
	}

	@Bean
	AnswerSettings answerSettings(ChatProperties properties) {
		return new AnswerSettings(properties.minSimilarity(), properties.maxSentences(), properties.overlapWeight(),
				properties.rankWeight(), properties.sentenceCache(), properties.quoteFirstSource());
	}

	@Bean
	EngineSettings engineSettings(ChatProperties properties) {
		return new EngineSettings(properties.questionTerms(), properties.names(), properties.pageContext(),
				properties.minSimilarity());
	}

	@Bean
	Conversations conversations(AnswerEngine engine, MediaLibrary media, ChatSessions sessions, SessionScopes scopes,
			MessageStore messages, ChatProperties properties, Clock clock, ObjectProvider<MeterRegistry> meters) {
		return new Conversations(engine, media, sessions, scopes, messages, properties, clock,
				new AnswerMetrics(meters.getIfAvailable(SimpleMeterRegistry::new), clock));
	}

}
