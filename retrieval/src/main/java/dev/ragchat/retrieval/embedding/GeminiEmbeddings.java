package dev.ragchat.retrieval.embedding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.google.api.gax.core.FixedCredentialsProvider;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.InstantiatingGrpcChannelProvider;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.cloud.aiplatform.v1.PredictionServiceSettings;
import com.google.genai.Client;
import com.google.genai.types.HttpOptions;
import io.grpc.ManagedChannelBuilder;

import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;
import org.springframework.ai.google.genai.GoogleGenAiEmbeddingConnectionDetails;
import org.springframework.ai.google.genai.text.GoogleGenAiTextEmbeddingModel;
import org.springframework.ai.google.genai.text.GoogleGenAiTextEmbeddingOptions;
import org.springframework.ai.vertexai.embedding.VertexAiEmbeddingConnectionDetails;
import org.springframework.ai.vertexai.embedding.text.VertexAiTextEmbeddingModel;
import org.springframework.ai.vertexai.embedding.text.VertexAiTextEmbeddingOptions;
import org.springframework.util.StringUtils;

/**
 * Gemini embedding models through Spring AI: on Vertex AI (gRPC, application default
 * credentials) or with a Gemini API key. Each comes with its name, its dimensions and the
 * way it embeds queries (Vertex AI's {@code RETRIEVAL_QUERY} task).
 */
public final class GeminiEmbeddings {

	static final String VERTEX_DEFAULT_MODEL = "text-embedding-005";

	static final String GEMINI_DEFAULT_MODEL = "gemini-embedding-001";

	private GeminiEmbeddings() {
	}

	public static IndexEmbedding vertex(EmbeddingProperties settings, Supplier<GoogleCredentials> credentials) {
		if (!StringUtils.hasText(settings.projectId())) {
			throw new IllegalStateException("ragchat.retrieval.embedding.provider=vertex needs"
					+ " ragchat.retrieval.embedding.project-id (RAGCHAT_RETRIEVAL_EMBEDDING_PROJECT_ID)");
		}
		String model = StringUtils.hasText(settings.model()) ? settings.model() : VERTEX_DEFAULT_MODEL;
		// gRPC (the Vertex AI prediction client speaks nothing else): TLS to Google's
		// regional endpoint, or to the configured one. An http:// endpoint (a local
		// emulator or test server) gets plaintext and no credentials: tokens never travel
		// unencrypted.
		URI configured = settings.endpoint();
		boolean plaintext = configured != null && "http".equals(configured.getScheme());
		String endpoint = (configured != null)
				? configured.getHost() + ":" + ((configured.getPort() != -1) ? configured.getPort() : 443)
				: settings.location() + "-aiplatform.googleapis.com:443";
		InstantiatingGrpcChannelProvider.Builder channel = PredictionServiceSettings
			.defaultGrpcTransportProviderBuilder();
		if (plaintext) {
			channel.setChannelConfigurator(ManagedChannelBuilder::usePlaintext);
		}
		PredictionServiceSettings transport;
		try {
			transport = PredictionServiceSettings.newBuilder()
				.setEndpoint(endpoint)
				.setTransportChannelProvider(channel.build())
				.setCredentialsProvider(
						plaintext ? NoCredentialsProvider.create() : FixedCredentialsProvider.create(credentials.get()))
				.build();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		VertexAiEmbeddingConnectionDetails connection = VertexAiEmbeddingConnectionDetails.builder()
			.projectId(settings.projectId())
			.location(settings.location())
			.apiEndpoint(endpoint)
			.predictionServiceSettings(transport)
			.build();
		VertexAiTextEmbeddingModel embeddings = new VertexAiTextEmbeddingModel(connection,
				vertexOptions(model, settings.dimensions(), VertexAiTextEmbeddingOptions.TaskType.RETRIEVAL_DOCUMENT));
		VertexAiTextEmbeddingOptions queryOptions = vertexOptions(model, settings.dimensions(),
				VertexAiTextEmbeddingOptions.TaskType.RETRIEVAL_QUERY);
		QueryEmbedder queries = (
				query) -> embeddings.call(new EmbeddingRequest(List.of(query), queryOptions)).getResult().getOutput();
		EmbeddingModel sized = sized(embeddings, model, settings);
		return new IndexEmbedding(model, sized, sized.dimensions(), queries);
	}

	public static IndexEmbedding geminiApi(EmbeddingProperties settings) {
		if (!StringUtils.hasText(settings.apiKey())) {
			throw new IllegalStateException("ragchat.retrieval.embedding.provider=gemini needs"
					+ " ragchat.retrieval.embedding.api-key (RAGCHAT_RETRIEVAL_EMBEDDING_API_KEY)");
		}
		String model = StringUtils.hasText(settings.model()) ? settings.model() : GEMINI_DEFAULT_MODEL;
		Client.Builder client = Client.builder().apiKey(settings.apiKey()).vertexAI(false);
		if (settings.endpoint() != null) {
			client.httpOptions(HttpOptions.builder().baseUrl(settings.endpoint().toString()).build());
		}
		GoogleGenAiTextEmbeddingModel embeddings = new GoogleGenAiTextEmbeddingModel(
				GoogleGenAiEmbeddingConnectionDetails.builder()
					.genAiClient(GoogleClients.withoutRedirects(client.build()))
					.build(),
				GoogleGenAiTextEmbeddingOptions.builder().model(model).dimensions(settings.dimensions()).build());
		EmbeddingModel sized = sized(embeddings, model, settings);
		return new IndexEmbedding(model, sized, sized.dimensions(), embeddings::embed);
	}

	public static GoogleCredentials applicationDefaultCredentials() {
		try {
			return GoogleCredentials.getApplicationDefault()
				.createScoped("https://www.googleapis.com/auth/cloud-platform");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("ragchat.retrieval.embedding.provider=vertex needs Google application"
					+ " default credentials (GOOGLE_APPLICATION_CREDENTIALS, gcloud auth, or the workload's identity)",
					ex);
		}
	}

	private static VertexAiTextEmbeddingOptions vertexOptions(String model, Integer dimensions,
			VertexAiTextEmbeddingOptions.TaskType task) {
		return VertexAiTextEmbeddingOptions.builder().model(model).dimensions(dimensions).taskType(task).build();
	}

	// the full size of the vectors of the models known here; shortened vectors (or an
	// unknown model, asked once) otherwise. Spring AI's Vertex model asks the service
	// even for models it knows, so the index is given the size up front.
	private static final Map<String, Integer> KNOWN_DIMENSIONS = Map.of("text-embedding-005", 768, "text-embedding-004",
			768, "text-multilingual-embedding-002", 768, "gemini-embedding-001", 3072);

	private static EmbeddingModel sized(EmbeddingModel model, String name, EmbeddingProperties settings) {
		Integer known = (settings.dimensions() != null) ? settings.dimensions() : KNOWN_DIMENSIONS.get(name);
		int dimensions = (known != null) ? known : model.dimensions();
		return new Sized(model, dimensions);
	}

	/**
	 * An embedding model that states its dimensions instead of finding them out.
	 */
	private record Sized(EmbeddingModel model, int dimensions) implements EmbeddingModel {

		@Override
		public EmbeddingResponse call(EmbeddingRequest request) {
			return this.model.call(request);
		}

		@Override
		public float[] embed(Document document) {
			return this.model.embed(document);
		}

	}

}
