package dev.ragchat.retrieval.embedding;

import java.net.URI;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Gemini embeddings with an API key through Spring AI's Google GenAI embedding model,
 * against WireMock serving the Gemini API's documented {@code batchEmbedContents} shapes.
 */
class GeminiApiEmbeddingTests {

	static final String BATCH = "/v1beta/models/gemini-embedding-001:batchEmbedContents";

	WireMockServer gemini;

	@BeforeEach
	void start() {
		this.gemini = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		this.gemini.start();
		this.gemini.stubFor(post(urlPathEqualTo(BATCH)).willReturn(okJson("""
				{"embeddings": [{"values": [0.1, 0.2, 0.3]}, {"values": [0.4, 0.5, 0.6]}]}""")));
	}

	@AfterEach
	void stop() {
		this.gemini.stop();
	}

	@Test
	void embedsPassagesWithTheApiKeyAndShortenedVectors() {
		IndexEmbedding embedding = GeminiEmbeddings
			.geminiApi(new EmbeddingProperties(EmbeddingProperties.Provider.GEMINI, null, 3, null, "us-central1",
					"test-api-key", URI.create(this.gemini.baseUrl())));
		List<float[]> vectors = embedding.model().embed(List.of("first passage", "second passage"));

		assertThat(embedding.name()).isEqualTo("gemini-embedding-001");
		assertThat(embedding.dimensions()).isEqualTo(3);
		assertThat(vectors).hasSize(2);
		assertThat(vectors.get(1)).containsExactly(0.4f, 0.5f, 0.6f);
		this.gemini.verify(postRequestedFor(urlPathEqualTo(BATCH)).withHeader("x-goog-api-key", equalTo("test-api-key"))
			.withRequestBody(matchingJsonPath("$.requests[0].content.parts[0].text", equalTo("first passage")))
			.withRequestBody(matchingJsonPath("$.requests[1].content.parts[0].text", equalTo("second passage")))
			.withRequestBody(matchingJsonPath("$.requests[0].outputDimensionality", equalTo("3"))));
	}

	@Test
	void neverFollowsARedirectNorSendsTheApiKeyWhereItPoints() {
		WireMockServer elsewhere = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		elsewhere.start();
		try {
			this.gemini.stubFor(post(urlPathEqualTo(BATCH)).atPriority(1)
				.willReturn(aResponse().withStatus(307).withHeader("Location", elsewhere.url(BATCH))));
			IndexEmbedding embedding = GeminiEmbeddings
				.geminiApi(new EmbeddingProperties(EmbeddingProperties.Provider.GEMINI, null, 3, null, "us-central1",
						"test-api-key", URI.create(this.gemini.baseUrl())));
			assertThatException().isThrownBy(() -> embedding.model().embed(List.of("first passage")));
			assertThat(elsewhere.findAll(anyRequestedFor(anyUrl()))).as("requests where the redirect points").isEmpty();
		}
		finally {
			elsewhere.stop();
		}
	}

	@Test
	void refusesToStartWithoutAnApiKey() {
		assertThatIllegalStateException()
			.isThrownBy(() -> GeminiEmbeddings.geminiApi(new EmbeddingProperties(EmbeddingProperties.Provider.GEMINI,
					null, null, null, "us-central1", null, null)))
			.withMessageContaining("ragchat.retrieval.embedding.api-key");
	}

}
