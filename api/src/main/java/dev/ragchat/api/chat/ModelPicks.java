package dev.ragchat.api.chat;

import dev.ragchat.api.chat.persona.ChatConfig;

/**
 * The models people may pick for a conversation (the master key offers them): a session's
 * model is checked against them as it starts or changes, and its questions name the
 * picked model's generator to the engine. Kept by the model catalog, which depends on
 * this package (not the other way round).
 */
public interface ModelPicks {

	/**
	 * Every model name passes and none is picked: the name goes to the generator that
	 * answers, as before models could be offered.
	 */
	ModelPicks NONE = new ModelPicks() {

		@Override
		public void check(String model, ChatConfig config) {
		}

		@Override
		public String generatorKey(String model, String configId) {
			return configId;
		}

	};

	/**
	 * @param model the model a session (or a chat completion) names, or {@code null}
	 * @param config the chat configuration it starts from, or {@code null}
	 * @throws dev.ragchat.errors.RejectedInputException when models are offered and it is
	 * none of them, nor the persona's own model, nor the model of the generator that
	 * answers it
	 */
	void check(String model, ChatConfig config);

	/**
	 * @param model the session's model, or {@code null}
	 * @param configId the chat configuration it started from, or {@code null}
	 * @return the key the engine chooses the generator by: the picked model's when the
	 * session names one people may use, else the configuration's id
	 */
	String generatorKey(String model, String configId);

}
