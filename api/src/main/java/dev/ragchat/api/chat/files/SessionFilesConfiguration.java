package dev.ragchat.api.chat.files;

import dev.ragchat.api.chat.ChatSessions;
import dev.ragchat.api.chat.SessionScopes;
import dev.ragchat.ingestion.Documents;
import dev.ragchat.ingestion.KnowledgeBases;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SessionFilesConfiguration {

	@Bean
	SessionFiles sessionFiles(ChatSessions sessions, SessionScopes scopes, KnowledgeBases knowledgeBases,
			Documents documents) {
		return new SessionFiles(sessions, scopes, knowledgeBases, documents);
	}

}
