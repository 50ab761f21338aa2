package dev.ragchat.answer.generate;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An OpenAI-compatible server (llama.cpp's llama-server, vLLM, LM Studio, OpenAI) through
 * Spring AI's OpenAI model, against WireMock serving {@code POST /v1/chat/completions}: a
 * {@code chat.completion} for whole answers (the follow-up rewrite) and
 * {@code chat.completion.chunk} server-sent events ending with {@code data: [DONE]} for
 * streamed ones. The base URL is given with its {@code /v1}, as for llama-server. Set up
 * as {@code ListIntroductionTests} is, so the two share one context.
 */
@SpringBootTest(properties = { "ragchat.chat.generator=openai-compatible", "ragchat.chat.openai.model=local-model",
		"ragchat.chat.openai.api-key=test-api-key", "ragchat.chat.openai.max-tokens=512",
		"ragchat.chat.openai.timeout=3s" })
@AutoConfigureMockMvc
@Import(SharedModelServers.OpenAiEndpoint.class)
class OpenAiCompatibleAnswerTests extends ChatModelAnswerContractTests {

	static final String COMPLETIONS = "/v1/chat/completions";

	@RegisterExtension
	static WireMockExtension server = SharedModelServers.openAi();

	@Override
	void stubAnswer(List<String> pieces) {
		// the stubs answer only a request with the key: without it, nothing matches
		server.stubFor(post(urlPathEqualTo(COMPLETIONS)).atPriority(5)
			.withHeader("Authorization", equalTo("Bearer test-api-key"))
			.willReturn(aResponse().withHeader("Content-Type", "application/json")
				.withBody(ModelReplies.openAiCompletion(String.join("", pieces)))));
		server.stubFor(post(urlPathEqualTo(COMPLETIONS)).atPriority(1)
			.withHeader("Authorization", equalTo("Bearer test-api-key"))
			.withRequestBody(containing("\"stream\":true"))
			.willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody(events(pieces))));
	}

	/**
	 * A streamed answer: a first chunk with the role and no text, one chunk per piece, a
	 * last one with the finish reason and an empty delta, then {@code [DONE]}.
	 */
	static String events(List<String> pieces) {
		List<String> deltas = new ArrayList<>();
		deltas.add("{\"role\":\"assistant\",\"content\":\"\"}");
		pieces.forEach((piece) -> deltas.add("{\"content\":" + ModelReplies.quote(piece) + "}"));
		StringBuilder events = new StringBuilder();
		for (String delta : deltas) {
			events.append(chunk(delta, "null"));
		}
		events.append(chunk("{}", "\"stop\""));
		// asked for with stream_options.include_usage: the usage, in a chunk of its own
		events.append("data: {\"id\":\"chatcmpl-9x3\",\"object\":\"chat.completion.chunk\",\"created\":1735689601,"
				+ "\"model\":\"local-model\",\"system_fingerprint\":\"b4500-cpu\",\"choices\":[],"
				+ "\"usage\":{\"prompt_tokens\":412,\"completion_tokens\":21,\"total_tokens\":433}}\n\n");
		return events.append("data: [DONE]\n\n").toString();
	}

	private static String chunk(String delta, String finishReason) {
		return "data: {\"id\":\"chatcmpl-9x3\",\"object\":\"chat.completion.chunk\",\"created\":1735689601,"
				+ "\"model\":\"local-model\",\"system_fingerprint\":\"b4500-cpu\",\"choices\":[{\"index\":0,\"delta\":"
				+ delta + ",\"logprobs\":null,\"finish_reason\":" + finishReason + "}]}\n\n";
	}

	@Override
	WireMockExtension modelServer() {
		return server;
	}

	@Override
	long reportedTokens() {
		return 433;
	}

	@Override
	List<JsonNode> requests() {
		return bodies(server.findAll(postRequestedFor(urlPathEqualTo(COMPLETIONS))));
	}

	@Override
	void resetRequests() {
		server.resetRequests();
	}

	@Override
	String systemText(JsonNode request) {
		return messagesText(request, true);
	}

	@Override
	String userText(JsonNode request) {
		return messagesText(request, false);
	}

	/**
	 * The text of a chat request's messages (OpenAI's and Ollama's share the shape):
	 * content is a string, or a list of typed parts.
	 */
	static String messagesText(JsonNode request, boolean system) {
		StringBuilder text = new StringBuilder();
		for (JsonNode message : request.get("messages")) {
			if (message.get("role").asText().equals("system") != system) {
				continue;
			}
			JsonNode content = message.get("content");
			if (content.isArray()) {
				content.forEach((part) -> text.append(part.path("text").asText()));
			}
			else {
				text.append(content.asText());
			}
		}
		return text.toString();
	}

	@Test
	void callsTheBaseUrlAsGivenWithItsV1NotDoubled() throws Exception {
		stubAnswer(List.of("In 1987 [1]."));
		ask("When was the lighthouse on Kestrel Point automated?").andExpect(status().isOk());
		List<LoggedRequest> all = server.findAll(anyRequestedFor(anyUrl()));
		assertThat(all).isNotEmpty().allSatisfy((request) -> assertThat(request.getUrl()).isEqualTo(COMPLETIONS));
	}

	@Test
	void sendsTheApiKeyAsABearerHeaderAndNowhereElse() throws Exception {
		stubAnswer(List.of("In 1987 [1]."));
		ask("When was the lighthouse on Kestrel Point automated?").andExpect(status().isOk());
		List<LoggedRequest> all = server.findAll(anyRequestedFor(anyUrl()));
		assertThat(all).isNotEmpty().allSatisfy((request) -> {
			assertThat(request.getHeader("Authorization")).isEqualTo("Bearer test-api-key");
			assertThat(request.getUrl()).doesNotContain("test-api-key");
			assertThat(request.getBodyAsString()).doesNotContain("test-api-key");
		});
	}

	@Test
	void sendsTheModelTheMaxTokensAndAStreamedRequest() throws Exception {
		stubAnswer(List.of("In 1987 [1]."));
		ask("When was the lighthouse on Kestrel Point automated?").andExpect(status().isOk());
		JsonNode request = requests().get(0);
		assertThat(request.get("model").asText()).isEqualTo("local-model");
		assertThat(request.get("max_tokens").asInt()).isEqualTo(512);
		assertThat(request.get("stream").asBoolean()).isTrue();
	}

	@Test
	void aServerErrorIsABadGatewayAndNothingIsStored() throws Exception {
		server.stubFor(post(urlPathEqualTo(COMPLETIONS)).willReturn(aResponse().withStatus(500)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":{\"code\":500,\"message\":\"failed to decode\",\"type\":\"server_error\"}}")));
		failsWithAProblemAndStoresNothing(502, "The language model answered 500");
	}

	@Test
	void aServerStillLoadingItsModelIsUnavailable() throws Exception {
		// llama-server answers 503 while it loads the model
		server.stubFor(post(urlPathEqualTo(COMPLETIONS)).willReturn(aResponse().withStatus(503)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":{\"code\":503,\"message\":\"Loading model\",\"type\":\"unavailable_error\"}}")));
		failsWithAProblemAndStoresNothing(503, "busy");
	}

	@Test
	void aServerSilentForLongerThanTheTimeoutIsUnavailable() throws Exception {
		server.stubFor(post(urlPathEqualTo(COMPLETIONS)).willReturn(aResponse().withFixedDelay(8000)
			.withHeader("Content-Type", "text/event-stream")
			.withBody(events(List.of("Too late [1].")))));
		failsWithAProblemAndStoresNothing(503, "did not answer in time");
	}

}
