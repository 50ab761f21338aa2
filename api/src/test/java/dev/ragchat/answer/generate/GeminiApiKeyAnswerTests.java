package dev.ragchat.answer.generate;

import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * Gemini with an API key (Spring AI's Google GenAI model) against WireMock serving the
 * Gemini API's {@code generateContent} and {@code streamGenerateContent?alt=sse}. Set up
 * as {@code GeminiMediaTests} is, so the two share one context.
 */
@SpringBootTest(properties = { "ragchat.chat.generator=gemini", "ragchat.chat.gemini.api-key=test-api-key" })
@AutoConfigureMockMvc
@Import(SharedModelServers.GeminiEndpoint.class)
class GeminiApiKeyAnswerTests extends ChatModelAnswerContractTests {

	@RegisterExtension
	static WireMockExtension gemini = SharedModelServers.gemini();

	@Override
	void stubAnswer(List<String> pieces) {
		gemini.stubFor(post(urlPathMatching("/v1beta/models/gemini-2.5-flash:generateContent"))
			.withHeader("x-goog-api-key", equalTo("test-api-key"))
			.willReturn(aResponse().withHeader("Content-Type", "application/json")
				.withBody(chunk(String.join("", pieces), true))));
		gemini.stubFor(post(urlPathMatching("/v1beta/models/gemini-2.5-flash:streamGenerateContent"))
			.withHeader("x-goog-api-key", equalTo("test-api-key"))
			.willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
				.withBody(pieces.stream()
					.map((piece) -> "data: " + chunk(piece, piece.equals(pieces.get(pieces.size() - 1))) + "\n\n")
					.collect(Collectors.joining()))));
	}

	static String chunk(String text, boolean last) {
		return "{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":" + ModelReplies.quote(text)
				+ "}]}," + (last ? "\"finishReason\":\"STOP\"," : "") + "\"index\":0}],"
				+ "\"usageMetadata\":{\"promptTokenCount\":100,\"candidatesTokenCount\":10,\"totalTokenCount\":110},"
				+ "\"modelVersion\":\"gemini-2.5-flash\"}";
	}

	@Override
	WireMockExtension modelServer() {
		return gemini;
	}

	@Override
	long reportedTokens() {
		return 110;
	}

	@Override
	List<JsonNode> requests() {
		return bodies(gemini.findAll(postRequestedFor(urlPathMatching("/v1beta/models/.*"))));
	}

	@Override
	void resetRequests() {
		gemini.resetRequests();
	}

	@Override
	String systemText(JsonNode request) {
		return request.at("/systemInstruction/parts/0/text").asText();
	}

	@Override
	String userText(JsonNode request) {
		return contentsText(request);
	}

	/** The text of a Gemini request's {@code contents}. */
	static String contentsText(JsonNode request) {
		StringBuilder text = new StringBuilder();
		for (JsonNode content : request.get("contents")) {
			for (JsonNode part : content.get("parts")) {
				text.append(part.path("text").asText());
			}
		}
		return text.toString();
	}

}
