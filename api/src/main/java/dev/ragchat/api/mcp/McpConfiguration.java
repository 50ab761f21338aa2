package dev.ragchat.api.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragchat.answer.search.Search;
import dev.ragchat.api.audit.Audit;
import dev.ragchat.api.chat.ChatSessions;
import dev.ragchat.api.chat.Conversations;
import dev.ragchat.ingestion.DocumentPages;
import dev.ragchat.ingestion.Documents;
import dev.ragchat.ingestion.KnowledgeBases;
import dev.ragchat.retrieval.ChunkIndex;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class McpConfiguration {

	@Bean
	KnowledgeTools knowledgeTools(KnowledgeBases knowledgeBases, Documents documents, Search search,
			ChatSessions sessions, Conversations conversations, ObjectMapper objectMapper, ChunkIndex index,
			DocumentPages pages, Audit audit) {
		return new KnowledgeTools(knowledgeBases, documents, search, sessions, conversations, objectMapper, index,
				pages, audit);
	}

}
