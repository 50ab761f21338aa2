package dev.ragchat.api.chat;

import dev.ragchat.api.chat.config.ChatConfig;

/**
 * Which models a session may name, and which model answers it. When the master key offers
 * models, people may pick one of them for a conversation: a session's model is checked
 * against them as it starts or changes, and its questions name the picked model to the
 * engine. Kept by the model catalog ({@code OfferedModels}), which depends on this
 * package (not the other way round).
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
		public String modelKey(String model, String configId) {
			return configId;
		}

	};

	/**
	 * @param model the model a session (or a chat completion) names, or {@code null}
	 * @param config the chat config it starts from, or {@code null}
	 * @throws dev.ragchat.errors.RejectedInputException when models are offered and it is
	 * none of them, nor the chat config's own model, nor the model that answers it
	 */
	void check(String model, ChatConfig config);

	/**
	 * @param model the session's model, or {@code null}
	 * @param configId the chat config it started from, or {@code null}
	 * @return the key the engine chooses the model that answers by: the picked model's
	 * when the session names one people may use, else the chat config's id
	 */
	String modelKey(String model, String configId);

}
