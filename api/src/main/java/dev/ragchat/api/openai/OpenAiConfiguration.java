package dev.ragchat.api.openai;

import dev.ragchat.api.chatconfig.ChatConfigStore;
import dev.ragchat.api.models.ModelRegistry;
import dev.ragchat.ingestion.KnowledgeBases;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenAiConfiguration {

	@Bean
	ChatApiModels chatApiModels(KnowledgeBases knowledgeBases, ChatConfigStore configs, ModelRegistry generator) {
		return new ChatApiModels(knowledgeBases, configs, generator::offered);
	}

}
