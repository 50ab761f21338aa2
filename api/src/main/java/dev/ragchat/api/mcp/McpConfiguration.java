package dev.ragchat.api.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragchat.answer.Search;
import dev.ragchat.api.audit.Audit;
import dev.ragchat.api.chat.ChatSessions;
import dev.ragchat.api.chat.Conversations;
import dev.ragchat.ingestion.DocumentPages;
import dev.ragchat.ingestion.Documents;
import dev.ragchat.ingestion.KnowledgeBases;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class McpConfiguration {

	@Bean
	AnswerTools answerTools(KnowledgeBases knowledgeBases, Search search, ChatSessions sessions,
			Conversations conversations, Audit audit, ObjectMapper objectMapper) {
		return new AnswerTools(knowledgeBases, search, sessions, conversations, audit, new ToolCalls(objectMapper));
	}

	@Bean
	KnowledgeTools knowledgeTools(KnowledgeBases knowledgeBases, Documents documents, DocumentPages pages,
			AnswerTools answers, ObjectMapper objectMapper) {
		return new KnowledgeTools(knowledgeBases, documents, pages, answers, new ToolCalls(objectMapper));
	}

}
