package dev.ragchat.api.session;

import java.time.Clock;

import dev.ragchat.api.access.SessionTokens;
import dev.ragchat.ingestion.KnowledgeBases;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

	@Bean
	SessionStore sessionStore(JdbcClient jdbc) {
		return new JdbcSessionStore(jdbc);
	}

	@Bean
	ChatSessions chatSessions(SessionStore store, SessionTokens tokens, KnowledgeBases knowledgeBases, Clock clock) {
		return new ChatSessions(store, tokens, knowledgeBases, clock);
	}

}
