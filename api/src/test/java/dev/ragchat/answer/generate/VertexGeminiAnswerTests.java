package dev.ragchat.answer.generate;

import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * Gemini on Vertex AI (Spring AI's Vertex AI Gemini model, REST transport) against
 * WireMock serving {@code generateContent} and {@code streamGenerateContent} (a streamed
 * JSON array) under the project's publisher path.
 */
@SpringBootTest(properties = { "ragchat.chat.generator=vertex-gemini", "ragchat.chat.gemini.project-id=test-project",
		"ragchat.chat.gemini.location=us-central1" })
@AutoConfigureMockMvc
class VertexGeminiAnswerTests extends ChatModelAnswerContractTests {

	static final String MODEL_PATH = "/v1/projects/test-project/locations/us-central1/publishers/google/models/"
			+ "gemini-2.5-flash";

	@RegisterExtension
	static WireMockExtension vertex = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@DynamicPropertySource
	static void endpoint(DynamicPropertyRegistry registry) {
		registry.add("ragchat.chat.gemini.endpoint", vertex::baseUrl);
	}

	@Override
	void stubAnswer(List<String> pieces) {
		vertex.stubFor(post(urlPathMatching(MODEL_PATH + ":generateContent"))
			.withHeader("Authorization", equalTo("Bearer test-token"))
			.willReturn(aResponse().withHeader("Content-Type", "application/json")
				.withBody(GeminiApiKeyAnswerTests.chunk(String.join("", pieces), true))));
		vertex.stubFor(post(urlPathMatching(MODEL_PATH + ":streamGenerateContent"))
			.withHeader("Authorization", equalTo("Bearer test-token"))
			.willReturn(aResponse().withHeader("Content-Type", "application/json")
				.withBody(pieces.stream()
					.map((piece) -> GeminiApiKeyAnswerTests.chunk(piece, piece.equals(pieces.get(pieces.size() - 1))))
					.collect(Collectors.joining("\n,\n", "[\n", "\n]")))));
	}

	@Override
	WireMockExtension modelServer() {
		return vertex;
	}

	@Override
	long reportedTokens() {
		return 110;
	}

	@Override
	List<JsonNode> requests() {
		return bodies(vertex.findAll(postRequestedFor(urlPathMatching("/v1/projects/.*"))));
	}

	@Override
	void resetRequests() {
		vertex.resetRequests();
	}

	@Override
	String systemText(JsonNode request) {
		return request.at("/systemInstruction/parts/0/text").asText();
	}

	@Override
	String userText(JsonNode request) {
		return GeminiApiKeyAnswerTests.contentsText(request);
	}

	@TestConfiguration
	static class FakeCredentials {

		@Bean
		GoogleCredentials testCredentials() {
			return GoogleCredentials.create(new AccessToken("test-token", new Date(4102444800000L)));
		}

	}

}
