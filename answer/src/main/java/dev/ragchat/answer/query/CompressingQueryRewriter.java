package dev.ragchat.answer.query;

import java.util.ArrayList;
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
 * With a language model: the conversation's state is read as without one
 * ({@link ConversationReader}); a message that stands on its own (the first, or one that
 * names its own subject) is searched as it was asked, without a model call. A follow-up
 * is rewritten by Spring AI's {@link CompressionQueryTransformer} from the conversation,
 * told first what it is about (the subject in focus and its documents' titles). A failing
 * model is a refusal ({@link ModelFailures}).
 */
public final class CompressingQueryRewriter implements QueryRewriter {

	private final CompressionQueryTransformer transformer;

	private final ConversationReader reader;

	/**
	 * @param chatModel the model that rewrites
	 * @param reader reads the conversation's state
	 */
	public CompressingQueryRewriter(ChatModel chatModel, ConversationReader reader) {
		this.transformer = CompressionQueryTransformer.builder()
			.chatClientBuilder(ChatClient.builder(chatModel))
			.build();
		this.reader = reader;
	}

	@Override
	public Rewrite rewrite(Conversation conversation) {
		Rewrite read = this.reader.rewrite(conversation);
		ConversationState state = read.state();
		if (conversation.history().isEmpty() || state == null || state.own()) {
			return read;
		}
		List<Message> messages = new ArrayList<>();
		if (!state.open()) {
			messages.add(new UserMessage("(The conversation is about: " + String.join("; ", state.labels()) + ".)"));
		}
		conversation.history()
			.forEach((m) -> messages
				.add(m.byUser() ? (Message) new UserMessage(m.content()) : new AssistantMessage(m.content())));
		String rewritten;
		try {
			rewritten = this.transformer.transform(new Query(conversation.question(), messages, Map.of())).text();
		}
		catch (RuntimeException ex) {
			throw ModelFailures.of(ex);
		}
		if (rewritten == null || rewritten.isBlank()) {
			return read.searching(read.query(), read.why() + "; the language model gave no query");
		}
		return read.searching(rewritten.strip(), read.why() + "; the language model made the message stand on its own");
	}

}
