package dev.ragchat.answer.query;

import java.util.List;
import java.util.Map;

import dev.ragchat.answer.generate.ModelFailures;

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
	public Rewrite rewrite(Conversation conversation) {
		String question = conversation.question();
		if (conversation.history().isEmpty()) {
			return Rewrite.asked(question, "the first message of the conversation");
		}
		List<Message> messages = conversation.history()
			.stream()
			.map((m) -> m.byUser() ? (Message) new UserMessage(m.content()) : new AssistantMessage(m.content()))
			.toList();
		String rewritten;
		try {
			rewritten = this.transformer.transform(new Query(question, messages, Map.of())).text();
		}
		catch (RuntimeException ex) {
			throw ModelFailures.of(ex);
		}
		if (rewritten == null || rewritten.isBlank()) {
			return Rewrite.asked(question, "the language model gave no query: the message as asked");
		}
		return new Rewrite(rewritten.strip(), "the language model made the message stand on its own", null);
	}

}
