package dev.ragchat.api.chat.list;

import java.time.Clock;

import dev.ragchat.api.access.KeyLineages;
import dev.ragchat.api.chat.ChatSessions;
import dev.ragchat.api.chat.MessageStore;
import dev.ragchat.api.chat.SessionScopes;
import dev.ragchat.api.chat.SessionStore;
import dev.ragchat.ingestion.KnowledgeBases;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ListConfiguration {

	@Bean
	ConversationList conversationList(ChatSessions sessions, SessionStore store, MessageStore messages,
			SessionScopes scopes, KeyLineages lineages, KnowledgeBases knowledgeBases, Clock clock) {
		return new ConversationList(sessions, store, messages, scopes, lineages, knowledgeBases, clock);
	}

}
