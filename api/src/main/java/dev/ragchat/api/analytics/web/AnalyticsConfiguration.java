package dev.ragchat.api.analytics.web;

import dev.ragchat.api.access.ApiKeyStore;
import dev.ragchat.api.access.KeyOwners;
import dev.ragchat.api.analytics.Analytics;
import dev.ragchat.api.analytics.UsageNames;
import dev.ragchat.api.chat.MessageStore;
import dev.ragchat.api.chat.SessionStore;
import dev.ragchat.api.chatconfig.ChatConfigStore;
import dev.ragchat.api.feedback.FeedbackStore;
import dev.ragchat.ingestion.DocumentStore;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Usage analytics over whichever catalog the service runs on.
 */
@Configuration(proxyBeanMethods = false)
class AnalyticsConfiguration {

	@Bean
	Analytics analytics(SessionStore sessions, MessageStore messages, DocumentStore documents, FeedbackStore feedback) {
		return new Analytics(sessions, messages, documents, feedback);
	}

	@Bean
	UsageNames usageNames(ApiKeyStore keys, ChatConfigStore chatConfigs, ObjectProvider<KeyOwners> owners) {
		return new UsageNames(keys, chatConfigs, owners.getIfAvailable(KeyOwners::none));
	}

}
