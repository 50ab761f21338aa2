package dev.ragchat.answer.generate;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ragchat.answer.generate.providers.OllamaProperties;
import dev.ragchat.answer.generate.providers.OpenAiCompatibleProperties;
import dev.ragchat.errors.BadUpstreamException;
import dev.ragchat.errors.RagChatException;
import dev.ragchat.errors.UnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.Prompt;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.catchRuntimeException;

/**
 * The models {@link AnswerConfiguration} builds for {@code openai-compatible} and
 * {@code ollama}, without the application: where they send their requests, with which
 * headers, what a missing setting says, and what their failures become.
 */
class ModelClientTests {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	static ChatModel openAi(String baseUrl, String model, String apiKey) {
		return new AnswerConfiguration.OpenAiCompatible().openAiCompatibleChatModel(
				new OpenAiCompatibleProperties(baseUrl, model, apiKey, Duration.ofSeconds(3), null));
	}

	static ChatModel ollama(String baseUrl, String model) {
		return new AnswerConfiguration.Ollama()
			.ollamaChatModel(new OllamaProperties(baseUrl, model, Duration.ofSeconds(3), 8192));
	}

	void stubCompletion(String path) {
		server.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withHeader("Content-Type", "application/json")
			.withBody(ModelReplies.openAiCompletion("Hello."))));
	}

	LoggedRequest onlyRequest() {
		List<LoggedRequest> requests = server.findAll(anyRequestedFor(anyUrl()));
		assertThat(requests).hasSize(1);
		return requests.get(0);
	}

	@Test
	void sendsNoAuthorizationHeaderWithoutAnApiKey() {
		stubCompletion("/v1/chat/completions");
		assertThat(openAi(server.baseUrl() + "/v1", "local-model", null).call("Hi")).isEqualTo("Hello.");
		assertThat(onlyRequest().containsHeader("Authorization")).isFalse();
	}

	@Test
	void sendsNoAuthorizationHeaderForABlankApiKey() {
		stubCompletion("/v1/chat/completions");
		openAi(server.baseUrl() + "/v1", "local-model", " ").call("Hi");
		assertThat(onlyRequest().containsHeader("Authorization")).isFalse();
	}

	@Test
	void sendsTheApiKeyAsABearerHeaderOnly() {
		stubCompletion("/v1/chat/completions");
		openAi(server.baseUrl() + "/v1", "local-model", "sk-secret").call("Hi");
		LoggedRequest request = onlyRequest();
		assertThat(request.getHeader("Authorization")).isEqualTo("Bearer sk-secret");
		assertThat(request.getUrl()).doesNotContain("sk-secret");
		assertThat(request.getBodyAsString()).doesNotContain("sk-secret");
	}

	@Test
	void callsChatCompletionsUnderTheBaseUrlAsGivenWithoutASecondV1() {
		stubCompletion("/v1/chat/completions");
		openAi(server.baseUrl() + "/v1/", "local-model", null).call("Hi");
		assertThat(onlyRequest().getUrl()).isEqualTo("/v1/chat/completions");
	}

	@Test
	void callsChatCompletionsUnderABaseUrlWithoutV1() {
		stubCompletion("/openai/deployments/answers/chat/completions");
		openAi(server.baseUrl() + "/openai/deployments/answers", "local-model", null).call("Hi");
		assertThat(onlyRequest().getUrl()).isEqualTo("/openai/deployments/answers/chat/completions");
	}

	@Test
	void keepsTheApiKeyOutOfTheSettingsText() {
		assertThat(new OpenAiCompatibleProperties("http://localhost:8080/v1", "m", "sk-secret", Duration.ofSeconds(1),
				null)
			.toString()).doesNotContain("sk-secret").contains("(set)");
	}

	@Test
	void refusesToStartWithoutABaseUrlOrAModelNamingTheVariable() {
		assertThatIllegalStateException().isThrownBy(() -> openAi(null, "local-model", null))
			.withMessageContaining("RAGCHAT_CHAT_OPENAI_BASE_URL");
		assertThatIllegalStateException().isThrownBy(() -> openAi("http://localhost:8080/v1", " ", null))
			.withMessageContaining("RAGCHAT_CHAT_OPENAI_MODEL");
		assertThatIllegalStateException().isThrownBy(() -> ollama("", "llama3.2"))
			.withMessageContaining("RAGCHAT_CHAT_OLLAMA_BASE_URL");
		assertThatIllegalStateException().isThrownBy(() -> ollama("http://localhost:11434", null))
			.withMessageContaining("RAGCHAT_CHAT_OLLAMA_MODEL");
	}

	@Test
	void anUnreachableServerIsUnavailableStreamedOrNot() throws IOException {
		String closed = "http://127.0.0.1:" + closedPort();
		for (ChatModel model : List.of(openAi(closed + "/v1", "local-model", null), ollama(closed, "llama3.2"))) {
			assertThat(failure(() -> model.stream(new Prompt("Hi")).blockLast()))
				.isInstanceOf(UnavailableException.class)
				.hasMessageContaining("could not be reached");
			assertThat(failure(() -> model.call(new Prompt("Hi")))).isInstanceOf(UnavailableException.class)
				.hasMessageContaining("could not be reached");
		}
	}

	@Test
	void anErrorStatusIsABadUpstreamStreamedOrNot() {
		server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(502).withBody("bad gateway upstream")));
		for (ChatModel model : List.of(openAi(server.baseUrl() + "/v1", "local-model", null),
				ollama(server.baseUrl(), "llama3.2"))) {
			assertThat(failure(() -> model.stream(new Prompt("Hi")).blockLast()))
				.isInstanceOf(BadUpstreamException.class)
				.hasMessage("The language model answered 502; nothing was stored.");
			assertThat(failure(() -> model.call(new Prompt("Hi")))).isInstanceOf(BadUpstreamException.class)
				.hasMessage("The language model answered 502; nothing was stored.");
		}
	}

	@Test
	void aRedirectIsABadUpstreamAndIsNotFollowedStreamedOrNot() {
		for (int redirect : new int[] { 301, 302, 303, 307, 308 }) {
			server.resetAll();
			server.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(redirect)
				.withHeader("Location", server.url("/elsewhere/chat/completions"))));
			server.stubFor(post(urlPathEqualTo("/api/chat")).willReturn(
					aResponse().withStatus(redirect).withHeader("Location", server.url("/elsewhere/api/chat"))));
			server.stubFor(any(urlPathMatching("/elsewhere/.*"))
				.willReturn(aResponse().withHeader("Content-Type", "application/json")
					.withBody(ModelReplies.openAiCompletion("Hello."))));
			for (ChatModel model : List.of(openAi(server.baseUrl() + "/v1", "local-model", "sk-secret"),
					ollama(server.baseUrl(), "llama3.2"))) {
				String expected = "The language model answered " + redirect
						+ " (a redirect, which is not followed); nothing was stored.";
				assertThat(failure(() -> model.stream(new Prompt("Hi")).blockLast())).as("%s streamed", redirect)
					.isInstanceOf(BadUpstreamException.class)
					.hasMessage(expected);
				assertThat(failure(() -> model.call(new Prompt("Hi")))).as("%s", redirect)
					.isInstanceOf(BadUpstreamException.class)
					.hasMessage(expected);
			}
			assertThat(server.findAll(anyRequestedFor(urlPathMatching("/elsewhere/.*")))).as("%s", redirect).isEmpty();
		}
	}

	@Test
	void aBusyServerIsUnavailable() {
		server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(429).withBody("{\"error\":\"slow down\"}")));
		ChatModel model = openAi(server.baseUrl() + "/v1", "local-model", "sk-secret");
		assertThat(failure(() -> model.stream(new Prompt("Hi")).blockLast())).isInstanceOf(UnavailableException.class)
			.hasMessageContaining("busy (it answered 429)");
		// one request: no retries
		assertThat(server.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
	}

	static RagChatException failure(Runnable call) {
		RuntimeException thrown = catchRuntimeException(call::run);
		assertThat(thrown).as("the call fails").isNotNull();
		return ModelFailures.of(thrown);
	}

	static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
