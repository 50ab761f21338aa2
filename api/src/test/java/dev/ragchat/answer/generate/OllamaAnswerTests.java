package dev.ragchat.answer.generate;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Ollama through Spring AI's Ollama model, against WireMock serving
 * {@code POST /api/chat}: one JSON object for whole answers (the follow-up rewrite),
 * newline-delimited JSON objects ending with {@code "done":true} for streamed ones.
 */
@SpringBootTest(properties = { "ragchat.chat.generator=ollama", "ragchat.chat.ollama.model=llama3.2:3b",
		"ragchat.chat.ollama.num-ctx=4096", "ragchat.chat.ollama.timeout=3s" })
@AutoConfigureMockMvc
class OllamaAnswerTests extends ChatModelAnswerContractTests {

	static final String CHAT = "/api/chat";

	@RegisterExtension
	static WireMockExtension ollama = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@DynamicPropertySource
	static void endpoint(DynamicPropertyRegistry registry) {
		registry.add("ragchat.chat.ollama.base-url", ollama::baseUrl);
	}

	@Override
	void stubAnswer(List<String> pieces) {
		ollama.stubFor(post(urlPathEqualTo(CHAT)).atPriority(5)
			.willReturn(aResponse().withHeader("Content-Type", "application/json; charset=utf-8")
				.withBody(message(String.join("", pieces), true))));
		StringBuilder lines = new StringBuilder();
		pieces.forEach((piece) -> lines.append(message(piece, false)).append('\n'));
		lines.append(message("", true)).append('\n');
		ollama.stubFor(post(urlPathEqualTo(CHAT)).atPriority(1)
			.withRequestBody(containing("\"stream\":true"))
			.willReturn(aResponse().withHeader("Content-Type", "application/x-ndjson").withBody(lines.toString())));
	}

	/** One of Ollama's chat responses; the last one has its statistics. */
	static String message(String text, boolean done) {
		return "{\"model\":\"llama3.2:3b\",\"created_at\":\"2025-01-01T10:00:00.123456Z\",\"message\":{\"role\":"
				+ "\"assistant\",\"content\":" + ModelReplies.quote(text) + "},\"done\":" + done
				+ (done ? ",\"done_reason\":\"stop\",\"total_duration\":4883435000,\"load_duration\":15246000,"
						+ "\"prompt_eval_count\":412,\"prompt_eval_duration\":2870000000,\"eval_count\":21,"
						+ "\"eval_duration\":1990000000" : "")
				+ "}";
	}

	@Override
	WireMockExtension modelServer() {
		return ollama;
	}

	@Override
	long reportedTokens() {
		return 433;
	}

	@Override
	List<JsonNode> requests() {
		return bodies(ollama.findAll(postRequestedFor(urlPathEqualTo(CHAT))));
	}

	@Override
	void resetRequests() {
		ollama.resetRequests();
	}

	@Override
	String systemText(JsonNode request) {
		return OpenAiCompatibleAnswerTests.messagesText(request, true);
	}

	@Override
	String userText(JsonNode request) {
		return OpenAiCompatibleAnswerTests.messagesText(request, false);
	}

	@Test
	void sendsTheModelItsContextSizeAndAStreamedRequestToApiChat() throws Exception {
		stubAnswer(List.of("In 1987 [1]."));
		ask("When was the lighthouse on Kestrel Point automated?").andExpect(status().isOk());
		assertThat(ollama.findAll(anyRequestedFor(anyUrl()))).isNotEmpty()
			.allSatisfy((request) -> assertThat(request.getUrl()).isEqualTo(CHAT));
		JsonNode request = requests().get(0);
		assertThat(request.get("model").asText()).isEqualTo("llama3.2:3b");
		assertThat(request.at("/options/num_ctx").asInt()).isEqualTo(4096);
		assertThat(request.get("stream").asBoolean()).isTrue();
	}

	@Test
	void aModelThatIsNotPulledIsABadGatewayAndNothingIsStored() throws Exception {
		ollama.stubFor(post(urlPathEqualTo(CHAT)).willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/json; charset=utf-8")
			.withBody("{\"error\":\"model \\\"llama3.2:3b\\\" not found, try pulling it first\"}")));
		failsWithAProblemAndStoresNothing(502, "The language model answered 404");
	}

	@Test
	void aServerErrorIsABadGatewayAndNothingIsStored() throws Exception {
		ollama.stubFor(post(urlPathEqualTo(CHAT)).willReturn(aResponse().withStatus(500)
			.withHeader("Content-Type", "application/json; charset=utf-8")
			.withBody("{\"error\":\"llama runner process has terminated: signal: killed\"}")));
		failsWithAProblemAndStoresNothing(502, "The language model answered 500");
	}

	@Test
	void aServerSilentForLongerThanTheTimeoutIsUnavailable() throws Exception {
		ollama.stubFor(post(urlPathEqualTo(CHAT)).willReturn(aResponse().withFixedDelay(8000)
			.withHeader("Content-Type", "application/x-ndjson")
			.withBody(message("Too late [1].", true) + "\n")));
		failsWithAProblemAndStoresNothing(503, "did not answer in time");
	}

}
