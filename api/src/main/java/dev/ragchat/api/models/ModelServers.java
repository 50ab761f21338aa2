package dev.ragchat.api.models;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragchat.answer.generate.ChosenModel;
import dev.ragchat.errors.BadUpstreamException;
import dev.ragchat.errors.UnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.StringUtils;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * Finds local model servers and lists their models: Ollama's {@code GET /api/tags},
 * OpenAI's {@code GET /models}. Calls have short timeouts and never follow a redirect (a
 * server does not choose where the API key goes).
 */
class ModelServers {

	private static final Logger logger = LoggerFactory.getLogger(ModelServers.class);

	private final ModelsProperties properties;

	ModelServers(ModelsProperties properties) {
		this.properties = properties;
	}

	/**
	 * Probes the configured addresses, all at once.
	 * @return the servers that answered, with their models, in the configured order
	 */
	List<Found> discover() {
		List<Callable<Found>> probes = new ArrayList<>();
		for (String url : this.properties.ollama()) {
			probes.add(() -> probe(ChosenModel.OLLAMA, url));
		}
		for (String url : this.properties.openaiCompatible()) {
			probes.add(() -> probe(ChosenModel.OPENAI_COMPATIBLE, url));
		}
		List<Found> found = new ArrayList<>();
		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			for (Future<Found> probe : threads.invokeAll(probes)) {
				Found server = probe.resultNow();
				if (server != null) {
					found.add(server);
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return found;
	}

	private Found probe(String kind, String url) {
		try {
			return new Found(kind, url, list(kind, url, null, this.properties.probeTimeout()));
		}
		catch (RuntimeException ex) {
			logger.debug("No {} server at {}: {}", kind, url, ex.toString());
			return null;
		}
	}

	/**
	 * @param kind {@code ollama} or {@code openai-compatible}
	 * @param baseUrl the server's base URL
	 * @param apiKey sent as a bearer token, or {@code null}
	 * @return the names of its models
	 * @throws dev.ragchat.errors.RagChatException saying what the server answered
	 */
	List<String> models(String kind, String baseUrl, String apiKey) {
		try {
			return list(kind, baseUrl, apiKey, this.properties.listTimeout());
		}
		catch (RestClientResponseException ex) {
			int status = ex.getStatusCode().value();
			String text = ex.getResponseBodyAsString().replaceAll("\\s+", " ").strip();
			throw new BadUpstreamException(baseUrl + " answered " + status
					+ ((status >= 300 && status < 400) ? " (a redirect, which is not followed)" : "")
					+ (text.isEmpty() ? "" : ": " + ((text.length() > 300) ? text.substring(0, 300) + "…" : text))
					+ " when asked for its models (" + path(kind) + ")");
		}
		catch (ResourceAccessException ex) {
			throw new UnavailableException("Nothing answered at " + baseUrl + " in time: is the server running?");
		}
		catch (RuntimeException ex) {
			throw new BadUpstreamException(baseUrl + " did not answer " + path(kind) + " as "
					+ (ChosenModel.OLLAMA.equals(kind) ? "Ollama" : "an OpenAI-compatible server") + " does");
		}
	}

	private List<String> list(String kind, String baseUrl, String apiKey, Duration timeout) {
		JsonNode body = client(timeout).get().uri(URI.create(strip(baseUrl) + path(kind))).headers((headers) -> {
			if (StringUtils.hasText(apiKey)) {
				headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + apiKey);
			}
		}).retrieve().body(JsonNode.class);
		if (body == null) {
			throw new IllegalStateException("no body");
		}
		// Ollama: {"models": [{"name": ...}]}; OpenAI: {"data": [{"id": ...}]}
		JsonNode items = ChosenModel.OLLAMA.equals(kind) ? body.get("models") : body.get("data");
		String field = ChosenModel.OLLAMA.equals(kind) ? "name" : "id";
		if (items == null || !items.isArray()) {
			throw new IllegalStateException("no model list");
		}
		List<String> names = new ArrayList<>();
		for (JsonNode item : items) {
			if (item.hasNonNull(field)) {
				names.add(item.get(field).asText());
			}
		}
		return names;
	}

	private static String path(String kind) {
		return ChosenModel.OLLAMA.equals(kind) ? "/api/tags" : "/models";
	}

	private static String strip(String url) {
		String stripped = url.strip();
		return stripped.endsWith("/") ? stripped.substring(0, stripped.length() - 1) : stripped;
	}

	/** A redirect is an answer like any other: 3xx fails, it is never followed. */
	private static RestClient client(Duration timeout) {
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(timeout)
			.build();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
		requests.setReadTimeout(timeout);
		return RestClient.builder()
			.requestFactory(requests)
			.defaultStatusHandler((status) -> !status.is2xxSuccessful(), (request, response) -> {
				throw new RestClientResponseException("not 2xx", response.getStatusCode(), response.getStatusText(),
						response.getHeaders(), response.getBody().readAllBytes(), null);
			})
			.build();
	}

	/**
	 * A server that answered.
	 *
	 * @param kind {@code ollama} or {@code openai-compatible}
	 * @param baseUrl its base URL
	 * @param models the names of its models
	 */
	record Found(String kind, String baseUrl, List<String> models) {

	}

}
