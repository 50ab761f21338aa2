package dev.ragchat.api.answer.query;

import java.util.List;
import java.util.Map;

import dev.ragchat.api.answer.generate.ModelFailures;
import dev.ragchat.api.answer.generate.Turn;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.rag.Query;
import org.springframework.ai.rag.preretrieval.query.transformation.CompressionQueryTransformer;

/**
 * With a language model: Spring AI's {@link CompressionQueryTransformer} rewrites a
 * follow-up and the conversation into one standalone query. The first question of a
 * session goes through unchanged, without a model call. A failing model is a refusal
 * ({@link ModelFailures}).
 */
public final class CompressingQueryRewriter implements QueryRewriter {

	private final CompressionQueryTransformer transformer;

	public CompressingQueryRewriter(ChatModel chatModel) {
		this.transformer = CompressionQueryTransformer.builder()
			.chatClientBuilder(ChatClient.builder(chatModel))
			.build();
	}

	@Override
	public String standalone(String question, List<Turn> history) {
		if (history.isEmpty()) {
			return question;
		}
		List<Message> messages = history.stream()
			.map((m) -> m.byUser() ? (Message) new UserMessage(m.content()) : new AssistantMessage(m.content()))
			.toList();
		String rewritten;
		try {
			rewritten = this.transformer.transform(new Query(question, messages, Map.of())).text();
		}
		catch (RuntimeException ex) {
			throw ModelFailures.of(ex);
		}
		return (rewritten == null || rewritten.isBlank()) ? question : rewritten.strip();
	}

}
