package dev.ragchat.retrieval.embedding;

import java.net.http.HttpClient;
import java.util.List;

import org.springframework.ai.document.Document;
import org.springframework.ai.document.MetadataMode;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;
import org.springframework.ai.model.NoopApiKey;
import org.springframework.ai.model.SimpleApiKey;
import org.springframework.ai.openai.OpenAiEmbeddingModel;
import org.springframework.ai.openai.OpenAiEmbeddingOptions;
import org.springframework.ai.openai.api.OpenAiApi;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.retry.support.RetryTemplate;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestClient;

/**
 * An OpenAI-compatible embedding server's model through Spring AI's
 * {@link OpenAiEmbeddingModel}. Its vectors are scaled to unit length, as the index's
 * dot-product similarity wants (not every server normalises them); queries are embedded
 * as passages are.
 */
public final class OpenAiEmbeddings {

	/**
	 * A server that fails is asked twice more, a second apart, then the failure stands
	 * (Spring AI's default would go on for minutes, and a migration would wait that long
	 * to report it).
	 */
	private static final RetryTemplate RETRY = RetryTemplate.builder().maxAttempts(3).fixedBackoff(1000).build();

	private OpenAiEmbeddings() {
	}

	/**
	 * @param settings the server and model
	 * @return the model as an index embedding
	 */
	public static IndexEmbedding of(EmbeddingModelsProperties.OpenAi settings) {
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(settings.timeout()).build());
		requests.setReadTimeout(settings.timeout());
		String baseUrl = settings.baseUrl().toString().replaceAll("/+$", "");
		OpenAiApi api = OpenAiApi.builder()
			.baseUrl(baseUrl)
			.embeddingsPath("/embeddings")
			.apiKey(StringUtils.hasText(settings.apiKey()) ? new SimpleApiKey(settings.apiKey()) : new NoopApiKey())
			.restClientBuilder(RestClient.builder().requestFactory(requests))
			.build();
		OpenAiEmbeddingModel model = new OpenAiEmbeddingModel(api, MetadataMode.NONE,
				OpenAiEmbeddingOptions.builder().model(settings.model()).build(), RETRY);
		Normalized normalized = new Normalized(model, settings.dimensions());
		return new IndexEmbedding(settings.model(), normalized, settings.dimensions(), normalized::embed);
	}

	/**
	 * @param vector a vector
	 * @return it scaled to unit length (a zero vector stays as it is)
	 */
	static float[] unit(float[] vector) {
		double norm = 0;
		for (float value : vector) {
			norm += value * value;
		}
		if (norm == 0) {
			return vector;
		}
		float scale = (float) (1 / Math.sqrt(norm));
		float[] unit = new float[vector.length];
		for (int i = 0; i < vector.length; i++) {
			unit[i] = vector[i] * scale;
		}
		return unit;
	}

	/**
	 * The model with unit-length vectors and its stated dimensions (a vector of other
	 * dimensions is a misconfiguration, refused before it reaches the index).
	 */
	private record Normalized(EmbeddingModel model, int dimensions) implements EmbeddingModel {

		@Override
		public EmbeddingResponse call(EmbeddingRequest request) {
			EmbeddingResponse response = this.model.call(request);
			List<org.springframework.ai.embedding.Embedding> embeddings = response.getResults().stream().map((e) -> {
				if (e.getOutput().length != this.dimensions) {
					throw new IllegalStateException("The embedding model returned vectors of " + e.getOutput().length
							+ " dimensions, not the " + this.dimensions + " configured");
				}
				return new org.springframework.ai.embedding.Embedding(unit(e.getOutput()), e.getIndex(),
						e.getMetadata());
			}).toList();
			return new EmbeddingResponse(embeddings, response.getMetadata());
		}

		@Override
		public float[] embed(Document document) {
			return embed(document.getText());
		}

		@Override
		public float[] embed(String text) {
			return call(new EmbeddingRequest(List.of(text), null)).getResult().getOutput();
		}

	}

}
