package dev.ragchat.api.feedback;

import java.time.Clock;

import dev.ragchat.api.chat.ChatSessions;
import dev.ragchat.api.chat.Conversations;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Feedback on answers, on the store the catalog chose.
 */
@Configuration(proxyBeanMethods = false)
class FeedbackConfiguration {

	@Bean
	Feedbacks feedbacks(FeedbackStore store, ChatSessions sessions, Conversations conversations, Clock clock) {
		return new Feedbacks(store, sessions, conversations, clock);
	}

}
