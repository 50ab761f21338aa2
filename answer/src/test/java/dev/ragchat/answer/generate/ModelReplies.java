package dev.ragchat.answer.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a model server answers, as the tests' WireMock servers write it: for the models'
 * client tests here and the api module's answer contract tests.
 */
public final class ModelReplies {

	private static final ObjectMapper json = new ObjectMapper();

	private ModelReplies() {
	}

	/**
	 * @param text any text
	 * @return it as a JSON string, quoted and escaped
	 */
	public static String quote(String text) {
		try {
			return json.writeValueAsString(text);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * @param text the answer's text
	 * @return a whole answer, as OpenAI's API and llama-server write it
	 */
	public static String openAiCompletion(String text) {
		return "{\"id\":\"chatcmpl-9x2\",\"object\":\"chat.completion\",\"created\":1735689600,\"model\":\"local-model\","
				+ "\"system_fingerprint\":\"b4500-cpu\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
				+ "\"content\":" + quote(text) + "},\"logprobs\":null,\"finish_reason\":\"stop\"}],"
				+ "\"usage\":{\"prompt_tokens\":412,\"completion_tokens\":21,\"total_tokens\":433}}";
	}

}
