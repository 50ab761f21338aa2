package dev.ragchat.retrieval.embedding;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.cloud.aiplatform.v1.PredictRequest;
import com.google.cloud.aiplatform.v1.PredictResponse;
import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Gemini embeddings on Vertex AI through Spring AI's {@code VertexAiTextEmbeddingModel},
 * against a Vertex AI prediction service started in the test: a real gRPC server
 * answering {@code PredictionService.Predict} with the documented text-embedding shapes
 * ({@code instances[].content}, {@code task_type},
 * {@code parameters.outputDimensionality}; {@code predictions[].embeddings.values} and
 * {@code statistics.token_count}).
 */
class VertexEmbeddingTests {

	final List<PredictRequest> requests = new CopyOnWriteArrayList<>();

	final List<String> authorizations = new CopyOnWriteArrayList<>();

	Server server;

	@BeforeEach
	void startPredictionService() throws IOException {
		ServerInterceptor headers = new ServerInterceptor() {
			@Override
			public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata metadata,
					ServerCallHandler<Q, R> next) {
				VertexEmbeddingTests.this.authorizations
					.add(metadata.get(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER)));
				return next.startCall(call, metadata);
			}
		};
		this.server = NettyServerBuilder.forPort(0)
			.addService(ServerInterceptors.intercept(predictionService(), headers))
			.build()
			.start();
	}

	@AfterEach
	void stop() {
		this.server.shutdownNow();
	}

	@Test
	void embedsPassagesAsDocumentsAndQueriesAsQueries() {
		IndexEmbedding embedding = GeminiEmbeddings.vertex(settings(null), credentials());
		List<float[]> passages = embedding.model().embed(List.of("first passage", "second passage"));
		float[] query = embedding.queries().embed("which passage?");

		assertThat(passages).hasSize(2);
		assertThat(passages.get(1)).containsExactly(2f, 0.5f, 0.25f);
		assertThat(query).containsExactly(1f, 0.5f, 0.25f);
		PredictRequest documents = this.requests.get(0);
		assertThat(documents.getEndpoint())
			.isEqualTo("projects/demo-project/locations/europe-west4/publishers/google/models/text-embedding-005");
		assertThat(documents.getInstancesList()).extracting((i) -> field(i, "content"))
			.containsExactly("first passage", "second passage");
		assertThat(field(documents.getInstances(0), "task_type")).isEqualTo("RETRIEVAL_DOCUMENT");
		assertThat(field(this.requests.get(1).getInstances(0), "task_type")).isEqualTo("RETRIEVAL_QUERY");
		// a plaintext endpoint never gets the credentials
		assertThat(this.authorizations).hasSize(2).containsOnlyNulls();
	}

	@Test
	void asksForShortenedVectorsAndStatesTheirSize() {
		IndexEmbedding embedding = GeminiEmbeddings.vertex(settings(3), credentials());
		embedding.model().embed("a passage");

		assertThat(embedding.name()).isEqualTo("gemini-embedding-001");
		assertThat(embedding.dimensions()).isEqualTo(3);
		assertThat(embedding.model().dimensions()).isEqualTo(3);
		assertThat(this.requests.get(0)
			.getParameters()
			.getStructValue()
			.getFieldsOrThrow("outputDimensionality")
			.getNumberValue()).isEqualTo(3);
	}

	@Test
	void knowsTheFullSizeOfAKnownModelWithoutAskingTheService() {
		IndexEmbedding embedding = GeminiEmbeddings.vertex(settings(null), credentials());
		assertThat(embedding.dimensions()).isEqualTo(768);
		assertThat(this.requests).isEmpty();
	}

	@Test
	void refusesToStartWithoutAProject() {
		assertThatIllegalStateException()
			.isThrownBy(() -> GeminiEmbeddings.vertex(new EmbeddingProperties(EmbeddingProperties.Provider.VERTEX, null,
					null, null, "us-central1", null, null), credentials()))
			.withMessageContaining("ragchat.retrieval.embedding.project-id");
	}

	private EmbeddingProperties settings(Integer dimensions) {
		return new EmbeddingProperties(EmbeddingProperties.Provider.VERTEX,
				(dimensions != null) ? "gemini-embedding-001" : null, dimensions, "demo-project", "europe-west4", null,
				URI.create("http://localhost:" + this.server.getPort()));
	}

	private static Supplier<GoogleCredentials> credentials() {
		return () -> GoogleCredentials.create(new AccessToken("test-token", null));
	}

	private static String field(Value instance, String name) {
		return instance.getStructValue().getFieldsOrThrow(name).getStringValue();
	}

	/**
	 * {@code google.cloud.aiplatform.v1.PredictionService/Predict} on the client
	 * library's own protobuf messages (the generated server base is not published for
	 * this version), answering every instance with a vector whose first value is its
	 * position (1-based).
	 */
	private ServerServiceDefinition predictionService() {
		MethodDescriptor<PredictRequest, PredictResponse> predict = MethodDescriptor
			.<PredictRequest, PredictResponse>newBuilder()
			.setType(MethodDescriptor.MethodType.UNARY)
			.setFullMethodName("google.cloud.aiplatform.v1.PredictionService/Predict")
			.setRequestMarshaller(ProtoUtils.marshaller(PredictRequest.getDefaultInstance()))
			.setResponseMarshaller(ProtoUtils.marshaller(PredictResponse.getDefaultInstance()))
			.build();
		return ServerServiceDefinition.builder("google.cloud.aiplatform.v1.PredictionService")
			.addMethod(predict, ServerCalls.asyncUnaryCall(this::predict))
			.build();
	}

	private void predict(PredictRequest request, StreamObserver<PredictResponse> response) {
		this.requests.add(request);
		PredictResponse.Builder answer = PredictResponse.newBuilder();
		for (int i = 0; i < request.getInstancesCount(); i++) {
			ListValue values = ListValue.newBuilder()
				.addValues(number(i + 1))
				.addValues(number(0.5))
				.addValues(number(0.25))
				.build();
			Struct statistics = Struct.newBuilder()
				.putFields("token_count", number(3))
				.putFields("truncated", Value.newBuilder().setBoolValue(false).build())
				.build();
			Struct embeddings = Struct.newBuilder()
				.putFields("values", Value.newBuilder().setListValue(values).build())
				.putFields("statistics", Value.newBuilder().setStructValue(statistics).build())
				.build();
			answer.addPredictions(Value.newBuilder()
				.setStructValue(Struct.newBuilder()
					.putFields("embeddings", Value.newBuilder().setStructValue(embeddings).build()))
				.build());
		}
		response.onNext(answer.build());
		response.onCompleted();
	}

	private static Value number(double value) {
		return Value.newBuilder().setNumberValue(value).build();
	}

}
