package dev.ragchat.api.openai;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.NotFoundException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.PermissionDeniedException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.FunctionDefinition;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.models.Model;
import dev.ragchat.api.AbstractHttpsIntegrationTests;
import dev.ragchat.api.audit.Audit;
import dev.ragchat.api.audit.AuditLog;
import dev.ragchat.api.keys.Hashes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The OpenAI-compatible chat API through the official OpenAI Java SDK, over the real
 * HTTPS listener: the models a key may use, answers with their citations in the extension
 * field (streamed and not, the same as {@code /messages}), refusals in OpenAI's shape.
 */
class OpenAiChatApiTests extends AbstractHttpsIntegrationTests {

	private static final String QUESTION = "When was the lighthouse on Kestrel Point automated?";

	@TempDir
	Path dir;

	@Autowired
	Audit audit;

	String kb;

	String otherKb;

	String key;

	String pdf;

	@BeforeEach
	void documents() throws Exception {
		this.kb = createKnowledgeBase("openai");
		this.otherKb = createKnowledgeBase("openai-other");
		this.key = chatAndUploadKey(this.kb);
		this.pdf = uploadFactsPdf(this.key, this.kb, this.dir);
	}

	@Test
	void listsOnlyTheModelsOfTheKeysKnowledgeBases() {
		String config = createConfig(this.kb, "Harbour guide");
		String otherConfig = createConfig(this.otherKb, "Other guide");
		List<String> ids = client(this.key).models().list().data().stream().map(Model::id).toList();
		assertThat(ids).contains("kb:" + this.kb, "config:" + config)
			.doesNotContain("kb:" + this.otherKb, "config:" + otherConfig);
		Model model = client(this.key).models()
			.list()
			.data()
			.stream()
			.filter((m) -> m.id().equals("kb:" + this.kb))
			.findFirst()
			.orElseThrow();
		assertThat(model.ownedBy()).isEqualTo("ragchat");
		assertThat(model.created()).isPositive();
	}

	@Test
	void answersWithItsCitationsInTheExtensionField() {
		ChatCompletion completion = client(this.key).chat()
			.completions()
			.create(ChatCompletionCreateParams.builder().model("kb:" + this.kb).addUserMessage(QUESTION).build());
		String text = completion.choices().get(0).message().content().orElseThrow();
		assertThat(text).contains("automated in 1987").contains("[1]");
		assertThat(completion.choices().get(0).finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
		JsonNode citations = tree(completion._additionalProperties().get("citations"));
		assertThat(citations).isNotEmpty();
		JsonNode first = citations.get(0);
		assertThat(first.get("index").asInt()).isEqualTo(1);
		assertThat(first.get("documentId").asText()).isEqualTo(this.pdf);
		assertThat(first.get("filename").asText()).isEqualTo("harbour.pdf");
		assertThat(first.get("page").asInt()).isEqualTo(3);
		assertThat(first.get("quote").asText()).contains("1987");
		assertThat(first.get("url").asText())
			.startsWith(url("/api/v1/knowledge-bases/" + this.kb + "/documents/" + this.pdf + "/pages/3?quote="));
		assertThat(tree(completion._additionalProperties().get("grounded")).asBoolean()).isTrue();
		// the preview is there, for the same key
		Answer preview = call("GET", first.get("url").asText().substring(url("").length()), "Authorization",
				"Bearer " + this.key);
		assertThat(preview.status()).as(preview.text()).isEqualTo(200);
		assertThat(preview.headers().getContentType()).hasToString("image/png");
	}

	@Test
	void streamsTheSameTextAndCitationsAsMessages() {
		Answer session = postJson("/api/v1/sessions", "X-API-Key", this.key, "{\"knowledgeBase\":\"" + this.kb + "\"}");
		assertThat(session.status()).as(session.text()).isEqualTo(201);
		Answer asked = postJson("/api/v1/sessions/" + session.json().get("sessionId").asText() + "/messages",
				"Authorization", "Bearer " + session.json().get("token").asText(),
				"{\"message\":\"" + QUESTION + "\"}");
		assertThat(asked.status()).as(asked.text()).isEqualTo(200);

		StringBuilder streamed = new StringBuilder();
		List<ChatCompletionChunk> chunks = new ArrayList<>();
		try (StreamResponse<ChatCompletionChunk> stream = client(this.key).chat()
			.completions()
			.createStreaming(
					ChatCompletionCreateParams.builder().model("kb:" + this.kb).addUserMessage(QUESTION).build())) {
			stream.stream().forEach((chunk) -> {
				chunks.add(chunk);
				chunk.choices().forEach((choice) -> choice.delta().content().ifPresent(streamed::append));
			});
		}
		assertThat(chunks).hasSizeGreaterThan(2);
		assertThat(streamed.toString()).isEqualTo(asked.json().get("answer").asText()).contains("[1]");
		ChatCompletionChunk last = chunks.get(chunks.size() - 1);
		assertThat(last.choices().get(0).finishReason()).contains(ChatCompletionChunk.Choice.FinishReason.STOP);
		JsonNode citations = tree(last._additionalProperties().get("citations"));
		JsonNode expected = asked.json().get("citations");
		assertThat(citations.size()).isEqualTo(expected.size()).isPositive();
		for (int i = 0; i < expected.size(); i++) {
			for (String field : List.of("index", "documentId", "filename", "page", "quote")) {
				assertThat(citations.get(i).get(field)).as(field).isEqualTo(expected.get(i).get(field));
			}
		}
		assertThat(chunks.subList(0, chunks.size() - 1))
			.allSatisfy((chunk) -> assertThat(chunk._additionalProperties()).doesNotContainKey("citations"));
	}

	@Test
	void returnsTheTraceWhenAskedAndTheRefusalOfAnUngroundedAnswerStreamedAndNot() {
		ChatCompletion traced = client(this.key).chat()
			.completions()
			.create(ChatCompletionCreateParams.builder()
				.model("kb:" + this.kb)
				.addUserMessage(QUESTION)
				.putAdditionalBodyProperty("trace", JsonValue.from(true))
				.build());
		JsonNode trace = tree(traced._additionalProperties().get("trace"));
		assertThat(trace.get("stages").findValuesAsText("name")).containsSubsequence("rewrite", "shape", "vector",
				"keyword", "fuse", "rerank", "judge", "generate", "cite");
		assertThat(trace.at("/stages/2/candidates/0/documentId").asText()).isEqualTo(this.pdf);
		assertThat(traced._additionalProperties()).doesNotContainKey("refusal");

		ChatCompletion untraced = client(this.key).chat()
			.completions()
			.create(ChatCompletionCreateParams.builder()
				.model("kb:" + this.kb)
				.addUserMessage("What did the Zorblax board decide about the lighthouse?")
				.build());
		assertThat(untraced._additionalProperties()).doesNotContainKey("trace");
		assertThat(tree(untraced._additionalProperties().get("grounded")).asBoolean()).isFalse();
		assertThat(tree(untraced._additionalProperties().get("refusal")).get("reason").asText())
			.isEqualTo("names-not-in-sources");

		List<ChatCompletionChunk> chunks = new ArrayList<>();
		try (StreamResponse<ChatCompletionChunk> stream = client(this.key).chat()
			.completions()
			.createStreaming(ChatCompletionCreateParams.builder()
				.model("kb:" + this.kb)
				.addUserMessage("What did the Zorblax board decide about the lighthouse?")
				.putAdditionalBodyProperty("trace", JsonValue.from(true))
				.build())) {
			stream.stream().forEach(chunks::add);
		}
		ChatCompletionChunk last = chunks.get(chunks.size() - 1);
		assertThat(tree(last._additionalProperties().get("refusal")).get("reason").asText())
			.isEqualTo("names-not-in-sources");
		assertThat(tree(last._additionalProperties().get("trace")).get("stages").findValuesAsText("name"))
			.endsWith("judge");
		assertThat(chunks.subList(0, chunks.size() - 1))
			.allSatisfy((chunk) -> assertThat(chunk._additionalProperties()).doesNotContainKeys("trace", "refusal"));
	}

	@Test
	void answersTheLastUserMessageWithTheEarlierOnesAsHistoryAndLeavesNoSessionBehind() {
		ChatCompletion completion = client(this.key).chat()
			.completions()
			.create(ChatCompletionCreateParams.builder()
				.model("kb:" + this.kb)
				.addSystemMessage("Answer briefly.")
				.addUserMessage("Tell me about Kestrel Point.")
				.addAssistantMessage("Kestrel Point has a lighthouse.")
				.addUserMessage(QUESTION)
				.build());
		assertThat(completion.choices().get(0).message().content().orElseThrow()).contains("1987");
		Answer sessions = call("GET", "/api/v1/sessions", "X-API-Key", this.key);
		assertThat(sessions.status()).as(sessions.text()).isEqualTo(200);
		assertThat(sessions.json().get("total").asLong()).isZero();
	}

	@Test
	void refusesAModelOfAnotherKnowledgeBase() {
		String otherConfig = createConfig(this.otherKb, "Not yours");
		for (String model : List.of("kb:" + this.otherKb, "config:" + otherConfig, "kb:nope", "gpt-4o")) {
			assertThatExceptionOfType(NotFoundException.class).as(model)
				.isThrownBy(() -> client(this.key).chat()
					.completions()
					.create(ChatCompletionCreateParams.builder().model(model).addUserMessage(QUESTION).build()))
				.satisfies((ex) -> {
					assertThat(ex.code()).contains("model_not_found");
					assertThat(ex.param()).contains("model");
				});
		}
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> {
			try (StreamResponse<ChatCompletionChunk> stream = client(this.key).chat()
				.completions()
				.createStreaming(ChatCompletionCreateParams.builder()
					.model("kb:" + this.otherKb)
					.addUserMessage(QUESTION)
					.build())) {
				stream.stream().count();
			}
		});
	}

	@Test
	void refusesParametersItDoesNotSupportInsteadOfIgnoringThem() {
		ChatCompletionCreateParams.Builder ask = ChatCompletionCreateParams.builder()
			.model("kb:" + this.kb)
			.addUserMessage(QUESTION);
		assertThat(refusal(ask.build().toBuilder().n(2L).build()).param()).contains("n");
		assertThat(refusal(ask.build().toBuilder().logprobs(true).build()).param()).contains("logprobs");
		assertThat(refusal(ask.build()
			.toBuilder()
			.addTool(ChatCompletionFunctionTool.builder()
				.function(FunctionDefinition.builder().name("lookup").build())
				.build())
			.build()).param()).contains("tools");
		BadRequestException maxTokens = refusal(ask.build().toBuilder().maxCompletionTokens(10L).build());
		assertThat(maxTokens.param()).contains("max_completion_tokens");
		assertThat(maxTokens.code()).contains("unsupported_parameter");
		assertThat(maxTokens.type()).contains("invalid_request_error");
		// n: 1 asks for nothing beyond what ragchat does
		assertThat(client(this.key).chat().completions().create(ask.build().toBuilder().n(1L).build()).choices())
			.hasSize(1);
	}

	@Test
	void refusesATemperatureOutsideZeroToTwoAsPostSessionsDoes() {
		ChatCompletionCreateParams ask = ChatCompletionCreateParams.builder()
			.model("kb:" + this.kb)
			.addUserMessage(QUESTION)
			.build();
		for (double temperature : new double[] { -5, -0.1, 2.5, 1e308 }) {
			BadRequestException refused = refusal(ask.toBuilder().temperature(temperature).build());
			assertThat(refused.param()).as("%s", temperature).contains("temperature");
			assertThat(refused.type()).as("%s", temperature).contains("invalid_request_error");
			assertThat(refused.getMessage()).contains("temperature must be between 0.0 and 2.0");
		}
		assertThat(postJson("/api/v1/sessions", "X-API-Key", this.key,
				"{\"knowledgeBase\":\"" + this.kb + "\",\"temperature\":2.5}")
			.problem(400)).contains("temperature");
		for (double temperature : new double[] { 0, 2 }) {
			assertThat(client(this.key).chat()
				.completions()
				.create(ask.toBuilder().temperature(temperature).build())
				.choices()).as("%s", temperature).hasSize(1);
		}
	}

	@Test
	void refusesCallersWithoutAKeyThatMayChatInOpenAisShape() throws Exception {
		assertThatExceptionOfType(UnauthorizedException.class)
			.isThrownBy(() -> client("rck_" + "x".repeat(38)).models().list());
		String uploadOnly = issueKey("{\"scopes\":[\"upload\"],\"knowledgeBases\":[\"" + this.kb + "\"]}");
		assertThatExceptionOfType(PermissionDeniedException.class).isThrownBy(() -> client(uploadOnly).models().list());

		HttpResponse<String> none = this.httpClient.send(HttpRequest.newBuilder(URI.create(url("/v1/chat/completions")))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"model\":\"kb:" + this.kb + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(none.statusCode()).isEqualTo(401);
		JsonNode error = json.readTree(none.body()).get("error");
		assertThat(error.get("type").asText()).isEqualTo("authentication_error");
		assertThat(error.get("message").asText()).startsWith("Authentication required");
		assertThat(error.has("param")).isTrue();
		assertThat(error.has("code")).isTrue();
	}

	@Test
	void acceptsAnApiKeyAsBearerOnTheRestApiToo() {
		Answer bearer = call("GET", "/api/v1/knowledge-bases/" + this.kb, "Authorization", "Bearer " + this.key);
		assertThat(bearer.status()).as(bearer.text()).isEqualTo(200);
		Answer other = call("GET", "/api/v1/knowledge-bases/" + this.otherKb, "Authorization", "Bearer " + this.key);
		assertThat(other.problem(404)).contains(this.otherKb);
	}

	@Test
	void auditsTheQuestionAndTheSourcesOfACompletionByItsKeysId() throws Exception {
		JsonNode issued = postJson("/api/v1/keys", "X-Master-Key", this.masterKey,
				"{\"scopes\":[\"chat\"],\"knowledgeBases\":[\"" + this.kb + "\"]}")
			.json();
		String keyId = issued.get("id").asText();
		client(issued.get("key").asText()).chat()
			.completions()
			.create(ChatCompletionCreateParams.builder().model("kb:" + this.kb).addUserMessage(QUESTION).build());
		JsonNode asked = AuditLog.single(this.audit.file(),
				(e) -> "question.asked".equals(e.path("action").asText()) && keyId.equals(e.path("keyId").asText()));
		assertThat(asked.get("detail").get("questionSha256").asText()).isEqualTo(Hashes.sha256Hex(QUESTION));
		assertThat(asked.get("target").asText()).startsWith("session:");
		JsonNode cited = AuditLog.single(this.audit.file(), "sources.cited", asked.get("target").asText());
		assertThat(cited.get("keyId").asText()).isEqualTo(keyId);
		assertThat(cited.get("detail").get("sources").get(0).get("documentId").asText()).isEqualTo(this.pdf);
	}

	private BadRequestException refusal(ChatCompletionCreateParams params) {
		try {
			client(this.key).chat().completions().create(params);
		}
		catch (BadRequestException ex) {
			return ex;
		}
		catch (OpenAIServiceException ex) {
			throw new AssertionError("Expected 400, got " + ex.statusCode() + ": " + ex.getMessage(), ex);
		}
		throw new AssertionError("Expected a refusal of " + params);
	}

	private String createConfig(String knowledgeBase, String title) {
		Answer created = postJson("/api/v1/chat-configs", "X-Master-Key", this.masterKey,
				"{\"title\":\"" + title + "\",\"knowledgeBase\":\"" + knowledgeBase + "\"}");
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		return created.json().get("id").asText();
	}

	private static JsonNode tree(JsonValue value) {
		assertThat(value).isNotNull();
		return value.convert(JsonNode.class);
	}

	private OpenAIClient client(String apiKey) {
		try {
			KeyStore trustStore = KeyStore.getInstance("PKCS12");
			trustStore.load(null, null);
			try (InputStream in = Files.newInputStream(this.certificate)) {
				trustStore.setCertificateEntry("ragchat",
						CertificateFactory.getInstance("X.509").generateCertificate(in));
			}
			TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			factory.init(trustStore);
			X509TrustManager trustManager = (X509TrustManager) factory.getTrustManagers()[0];
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, new javax.net.ssl.TrustManager[] { trustManager }, null);
			return OpenAIOkHttpClient.builder()
				.baseUrl(url("/v1"))
				.apiKey(apiKey)
				.sslSocketFactory(context.getSocketFactory())
				.trustManager(trustManager)
				.maxRetries(0)
				.build();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
