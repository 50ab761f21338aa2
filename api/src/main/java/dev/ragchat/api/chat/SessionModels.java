package dev.ragchat.api.chat;

import dev.ragchat.answer.AnswerGenerator;
import dev.ragchat.api.chatconfig.ChatConfig;

/**
 * Which models a session or a chat config may name, and which model answers a session.
 * When the master key offers models, people may pick one of them for a conversation: a
 * session's model is checked against them as it starts or changes, a chat config's as it
 * is created or changed and whenever a session uses it, and a session's questions name
 * the picked model to the engine. Kept by the model catalog ({@code OfferedModels}),
 * which depends on this package (not the other way round).
 */
public interface SessionModels {

	/**
	 * Every model name passes and none is picked: the name goes to the model that
	 * answers, as before models could be offered.
	 */
	SessionModels NONE = new SessionModels() {

		@Override
		public void check(String model, ChatConfig config) {
		}

		@Override
		public void checkChatConfig(ChatConfig config) {
		}

		@Override
		public String modelKey(String model, String configId) {
			return configId;
		}

		@Override
		public AnswerGenerator answering(String modelKey) {
			return null;
		}

	};

	/**
	 * @param model the model a session (or a chat completion) names, or {@code null}
	 * @param config the chat config it starts from, or {@code null}
	 * @throws dev.ragchat.errors.RejectedInputException when models are offered and it is
	 * none of them, nor the model that answers it (the chat config's own, else the
	 * service's)
	 */
	void check(String model, ChatConfig config);

	/**
	 * The same check for the {@code model} a chat config names, as a session takes it up
	 * (at its start, and at each of its answers): a model withdrawn after the chat config
	 * named it is refused, never sent to a model server.
	 * @param config a chat config
	 * @throws dev.ragchat.errors.ConflictException when models are offered and its model
	 * is none of them, nor the model that answers it
	 */
	void checkChatConfig(ChatConfig config);

	/**
	 * @param model the session's model, or {@code null}
	 * @param configId the chat config it started from, or {@code null}
	 * @return the key the engine chooses the model that answers by: the picked model's
	 * when the session names one people may use, else the chat config's id
	 * @throws dev.ragchat.errors.ConflictException when the session's model is its chat
	 * config's and fails {@link #checkChatConfig} (asked for each answer)
	 */
	String modelKey(String model, String configId);

	/**
	 * @param modelKey a session's {@link #modelKey model key}, or {@code null}
	 * @return the generator of the model that answers it (the picked model, else the chat
	 * config's own, else the service's), for its questions' settings, or {@code null} for
	 * the engine's configured one
	 */
	AnswerGenerator answering(String modelKey);

}
