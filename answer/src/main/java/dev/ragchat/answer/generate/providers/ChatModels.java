package dev.ragchat.answer.generate.providers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.javanet.DefaultConnectionFactory;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.gax.core.FixedCredentialsProvider;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.cloud.vertexai.Transport;
import com.google.cloud.vertexai.VertexAI;
import com.google.cloud.vertexai.api.PredictionServiceClient;
import com.google.cloud.vertexai.api.PredictionServiceSettings;
import com.google.genai.Client;
import com.google.genai.types.HttpOptions;
import dev.ragchat.retrieval.embedding.GoogleClients;
import io.netty.channel.ChannelOption;
import reactor.netty.http.HttpProtocol;

import org.springframework.ai.google.genai.GoogleGenAiChatModel;
import org.springframework.ai.google.genai.GoogleGenAiChatOptions;
import org.springframework.ai.model.NoopApiKey;
import org.springframework.ai.model.SimpleApiKey;
import org.springframework.ai.ollama.OllamaChatModel;
import org.springframework.ai.ollama.api.OllamaApi;
import org.springframework.ai.ollama.api.OllamaChatOptions;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.openai.api.OpenAiApi;
import org.springframework.ai.retry.NonTransientAiException;
import org.springframework.ai.retry.RetryUtils;
import org.springframework.ai.retry.TransientAiException;
import org.springframework.ai.vertexai.gemini.VertexAiGeminiChatModel;
import org.springframework.ai.vertexai.gemini.VertexAiGeminiChatOptions;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.retry.support.RetryTemplate;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The language models of the providers, built from their settings: Gemini API, Vertex
 * Gemini, OpenAI-compatible servers and Ollama through Spring AI's models (llama.cpp in
 * process is {@link LlamaCppChatModel}), with HTTP clients that follow no redirect and
 * fail alike on every status but 2xx.
 */
public final class ChatModels {

	private ChatModels() {
	}

	/**
	 * The Gemini API's model, with an API key (Spring AI's Google GenAI model).
	 * @param gemini the model, key and endpoint
	 * @return the model
	 */
	public static GoogleGenAiChatModel gemini(GeminiProperties gemini) {
		if (!StringUtils.hasText(gemini.apiKey())) {
			throw new IllegalStateException(
					"ragchat.chat.generator=gemini needs ragchat.chat.gemini.api-key (RAGCHAT_CHAT_GEMINI_API_KEY)");
		}
		Client.Builder client = Client.builder().apiKey(gemini.apiKey()).vertexAI(false);
		if (gemini.endpoint() != null) {
			client.httpOptions(HttpOptions.builder().baseUrl(gemini.endpoint().toString()).build());
		}
		return GoogleGenAiChatModel.builder()
			.genAiClient(GoogleClients.withoutRedirects(client.build()))
			.defaultOptions(GoogleGenAiChatOptions.builder().model(gemini.model()).build())
			.build();
	}

	/**
	 * Vertex AI's Gemini model, REST transport (Spring AI's Vertex AI Gemini model).
	 * @param gemini the model, project, location and endpoint
	 * @param provided credentials the application provides, or {@code null} for Google's
	 * application default credentials
	 * @return the model
	 * @throws IOException when the default credentials cannot be read
	 */
	public static VertexAiGeminiChatModel vertexGemini(GeminiProperties gemini, GoogleCredentials provided)
			throws IOException {
		// Google's application default credentials, unless the application provides
		// others
		GoogleCredentials credentials = provided;
		if (credentials == null) {
			credentials = GoogleCredentials.getApplicationDefault()
				.createScoped("https://www.googleapis.com/auth/cloud-platform");
		}
		GoogleCredentials chosen = credentials;
		if (!StringUtils.hasText(gemini.projectId())) {
			throw new IllegalStateException("ragchat.chat.generator=vertex-gemini needs ragchat.chat.gemini.project-id"
					+ " (RAGCHAT_CHAT_GEMINI_PROJECT_ID)");
		}
		VertexAI.Builder vertex = new VertexAI.Builder().setProjectId(gemini.projectId())
			.setLocation(gemini.location())
			.setTransport(Transport.REST)
			.setCredentials(chosen);
		if (gemini.endpoint() != null) {
			// VertexAI forces "<endpoint>:443"; a prediction client of our own keeps the
			// URL as given
			vertex.setPredictionClientSupplier(() -> {
				try {
					return PredictionServiceClient.create(PredictionServiceSettings.newHttpJsonBuilder()
						.setEndpoint(gemini.endpoint().toString())
						.setCredentialsProvider(FixedCredentialsProvider.create(chosen))
						.setTransportChannelProvider(PredictionServiceSettings.defaultHttpJsonTransportProviderBuilder()
							.setHttpTransport(sameOriginTransport(gemini.endpoint()))
							.build())
						.build());
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		return VertexAiGeminiChatModel.builder()
			.vertexAI(vertex.build())
			.defaultOptions(VertexAiGeminiChatOptions.builder().model(gemini.model()).build())
			.build();
	}

	/**
	 * One attempt: a failing model is the caller's to retry, not a wait of minutes
	 * (Spring AI's default retries ten times with growing pauses).
	 */
	private static final RetryTemplate NO_RETRY = RetryTemplate.builder().maxAttempts(1).build();

	/**
	 * @param generator the generator chosen ({@code ragchat.chat.generator})
	 * @param value the setting's value
	 * @param property the setting
	 * @param variable its environment variable
	 * @throws IllegalStateException when the setting is missing
	 */
	public static void required(String generator, String value, String property, String variable) {
		if (!StringUtils.hasText(value)) {
			throw new IllegalStateException(
					"ragchat.chat.generator=" + generator + " needs " + property + " (" + variable + ")");
		}
	}

	/**
	 * @param url a base URL
	 * @return it without blanks around it or a slash at its end
	 */
	public static String stripTrailingSlash(String url) {
		String stripped = url.strip();
		return stripped.endsWith("/") ? stripped.substring(0, stripped.length() - 1) : stripped;
	}

	/**
	 * The JDK's client, HTTP/1.1 (local servers rarely speak h2c). It never follows a
	 * redirect: the model's server does not choose where the prompt (and the API key) go.
	 */
	private static HttpClient http(Duration timeout) {
		return HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(timeout)
			.build();
	}

	/**
	 * Whole answers (the follow-up rewrite, extractions): Spring AI's error handler for
	 * error statuses; any other status but 2xx (a redirect, not followed) fails the same
	 * way, rather than being read as an empty answer.
	 * @param timeout how long to connect and read
	 * @return the client's builder
	 */
	public static RestClient.Builder rest(Duration timeout) {
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http(timeout));
		requests.setReadTimeout(timeout);
		return RestClient.builder()
			.requestFactory(requests)
			.defaultStatusHandler((status) -> !status.is2xxSuccessful() && !status.isError(), (request, response) -> {
				throw failure(response.getStatusCode(),
						new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8));
			});
	}

	/**
	 * Streamed answers: any status but 2xx (an error, or a redirect, not followed) fails
	 * the stream with the same exceptions as Spring AI's error handler for whole answers
	 * ({@link RetryUtils}), so that one mapping ({@code ModelFailures}) serves both.
	 * Reactor Netty's client, HTTP/1.1, no redirect followed, proxies as the JDK's system
	 * properties say: cancelling a streamed answer (its asker gone) closes its
	 * connection, so the model's server stops writing it and is free for the next
	 * question. (Spring's connector for the JDK's client caches the response body, so a
	 * cancel never reaches that client: the request ran on until the model had written
	 * its whole answer.)
	 * @param timeout how long to connect
	 * @return the client's builder
	 */
	public static WebClient.Builder streaming(Duration timeout) {
		reactor.netty.http.client.HttpClient http = reactor.netty.http.client.HttpClient.create()
			.protocol(HttpProtocol.HTTP11)
			.followRedirect(false)
			.proxyWithSystemProperties()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(timeout.toMillis(), Integer.MAX_VALUE));
		return WebClient.builder()
			.clientConnector(new ReactorClientHttpConnector(http))
			.defaultStatusHandler((status) -> !status.is2xxSuccessful(),
					(response) -> response.bodyToMono(String.class)
						.defaultIfEmpty("")
						.map((body) -> failure(response.statusCode(), body)));
	}

	/**
	 * The HTTP transport of a Vertex AI client at a configured endpoint: it opens
	 * connections to that endpoint's origin only, so a redirect elsewhere fails rather
	 * than carry the prompt there (google-http-client follows redirects itself, with no
	 * setting gax lets us reach; the connection factory is its hook).
	 * @param endpoint the endpoint
	 * @return the transport
	 */
	public static HttpTransport sameOriginTransport(URI endpoint) {
		// host:port, as gax also takes it, is HTTPS
		URI origin = (endpoint.getHost() != null) ? endpoint : URI.create("https://" + endpoint);
		DefaultConnectionFactory connections = new DefaultConnectionFactory();
		return new NetHttpTransport.Builder().setConnectionFactory((url) -> {
			if (!sameOrigin(origin, url)) {
				throw new IOException("The model's server at " + origin(origin) + " sent the request on to "
						+ url.getProtocol() + "://" + url.getAuthority() + ", which is not followed");
			}
			return connections.openConnection(url);
		}).build();
	}

	private static boolean sameOrigin(URI endpoint, URL url) {
		return url.getProtocol().equalsIgnoreCase(endpoint.getScheme())
				&& url.getHost().equalsIgnoreCase(endpoint.getHost())
				&& port(url.getPort(), url.getProtocol()) == port(endpoint.getPort(), endpoint.getScheme());
	}

	private static int port(int port, String scheme) {
		return (port != -1) ? port : "https".equalsIgnoreCase(scheme) ? 443 : 80;
	}

	private static String origin(URI endpoint) {
		return endpoint.getScheme() + "://" + endpoint.getRawAuthority();
	}

	private static RuntimeException failure(HttpStatusCode status, String body) {
		String message = status.value() + " - " + body;
		return status.is4xxClientError() ? new NonTransientAiException(message) : new TransientAiException(message);
	}

	/**
	 * An OpenAI-compatible server's model: the base URL as given,
	 * {@code <base>/chat/completions}, never a second {@code /v1}.
	 * @param openAi the server and model
	 * @return the model
	 */
	public static OpenAiChatModel openAi(OpenAiCompatibleProperties openAi) {
		OpenAiApi api = OpenAiApi.builder()
			.baseUrl(stripTrailingSlash(openAi.baseUrl()))
			.completionsPath("/chat/completions")
			.apiKey(StringUtils.hasText(openAi.apiKey()) ? new SimpleApiKey(openAi.apiKey()) : new NoopApiKey())
			.restClientBuilder(rest(openAi.timeout()))
			.webClientBuilder(streaming(openAi.timeout()))
			.build();
		return OpenAiChatModel.builder()
			.openAiApi(api)
			.defaultOptions(OpenAiChatOptions.builder()
				.model(openAi.model())
				.maxTokens(openAi.maxTokens())
				// stream_options.include_usage: the tokens spent come in the last chunk
				.streamUsage(true)
				.build())
			.retryTemplate(NO_RETRY)
			.build();
	}

	/**
	 * An Ollama server's model; it must be there already: nothing is pulled.
	 * @param ollama the server and model
	 * @return the model
	 */
	public static OllamaChatModel ollama(OllamaProperties ollama) {
		OllamaApi api = OllamaApi.builder()
			.baseUrl(stripTrailingSlash(ollama.baseUrl()))
			.restClientBuilder(rest(ollama.timeout()))
			.webClientBuilder(streaming(ollama.timeout()))
			.build();
		// the default pull strategy: never
		return OllamaChatModel.builder()
			.ollamaApi(api)
			.defaultOptions(OllamaChatOptions.builder().model(ollama.model()).numCtx(ollama.numCtx()).build())
			.retryTemplate(NO_RETRY)
			.build();
	}

}
