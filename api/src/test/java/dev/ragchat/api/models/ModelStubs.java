package dev.ragchat.api.models;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * Model servers as WireMock stubs speaking their documented REST shapes: Ollama's
 * {@code GET /api/tags} and streamed {@code POST /api/chat} (newline-delimited JSON), and
 * an OpenAI-compatible server's {@code GET /v1/models} and streamed
 * {@code POST /v1/chat/completions} (server-sent events).
 */
public final class ModelStubs {

	private static final ObjectMapper json = new ObjectMapper();

	private ModelStubs() {
	}

	/** Ollama lists these models (as {@code ollama list} would). */
	public static void ollamaModels(WireMockExtension ollama, String... names) {
		StringBuilder models = new StringBuilder();
		for (String name : names) {
			models.append(models.isEmpty() ? "" : ",")
				.append("{\"name\":")
				.append(quote(name))
				.append(",\"model\":")
				.append(quote(name))
				.append(",\"modified_at\":\"2025-01-01T10:00:00Z\",\"size\":1928429856,\"digest\":\"a80c4f17acd5\",")
				.append("\"details\":{\"format\":\"gguf\",\"family\":\"llama\",\"parameter_size\":\"3.2B\",")
				.append("\"quantization_level\":\"Q4_K_M\"}}");
		}
		ollama.stubFor(get(urlPathEqualTo("/api/tags")).willReturn(
				aResponse().withHeader("Content-Type", "application/json").withBody("{\"models\":[" + models + "]}")));
	}

	/** Ollama answers every chat with this text, streamed in words. */
	public static void ollamaAnswers(WireMockExtension ollama, String text) {
		StringBuilder lines = new StringBuilder();
		for (String piece : text.split("(?<= )")) {
			lines.append(ollamaMessage(piece, false)).append('\n');
		}
		lines.append(ollamaMessage("", true)).append('\n');
		ollama.stubFor(post(urlPathEqualTo("/api/chat"))
			.willReturn(aResponse().withHeader("Content-Type", "application/x-ndjson").withBody(lines.toString())));
	}

	private static String ollamaMessage(String text, boolean done) {
		return "{\"model\":\"llama3.2:3b\",\"created_at\":\"2025-01-01T10:00:00.123456Z\",\"message\":{\"role\":"
				+ "\"assistant\",\"content\":" + quote(text) + "},\"done\":" + done
				+ (done ? ",\"done_reason\":\"stop\",\"prompt_eval_count\":412,\"eval_count\":21" : "") + "}";
	}

	/** The OpenAI-compatible server lists these models. */
	public static void openAiModels(WireMockExtension server, String... names) {
		StringBuilder models = new StringBuilder();
		for (String name : names) {
			models.append(models.isEmpty() ? "" : ",")
				.append("{\"id\":")
				.append(quote(name))
				.append(",\"object\":\"model\",\"created\":1735689600,\"owned_by\":\"llamacpp\"}");
		}
		server.stubFor(
				get(urlPathEqualTo("/v1/models")).willReturn(aResponse().withHeader("Content-Type", "application/json")
					.withBody("{\"object\":\"list\",\"data\":[" + models + "]}")));
	}

	/** The OpenAI-compatible server's streamed answer to any chat completion. */
	public static String openAiEvents(List<String> pieces) {
		StringBuilder events = new StringBuilder();
		for (String piece : pieces) {
			events.append("data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1735689601,")
				.append("\"model\":\"local-model\",\"choices\":[{\"index\":0,\"delta\":{\"content\":")
				.append(quote(piece))
				.append("},\"finish_reason\":null}]}\n\n");
		}
		events.append("data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1735689601,")
			.append("\"model\":\"local-model\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
		return events.append("data: [DONE]\n\n").toString();
	}

	static String quote(String text) {
		try {
			return json.writeValueAsString(text);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
