package dev.ragchat.api.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An OpenAI-compatible embedding server ({@code POST /v1/embeddings}) whose vectors are
 * word hashes, which a test can hold (every request waits at a closed gate until it
 * opens, so a migration stays under way for as long as the test needs, with no timing) or
 * make fail. The JDK's own HTTP server: WireMock cannot hold a response until a test says
 * so.
 */
final class OpenAiEmbeddingStub implements AutoCloseable {

	static final int DIMENSIONS = 64;

	private static final ObjectMapper json = new ObjectMapper();

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final List<List<String>> requests = new ArrayList<>();

	private final Semaphore held = new Semaphore(0);

	private volatile CountDownLatch gate = new CountDownLatch(0);

	private volatile int failing;

	OpenAiEmbeddingStub() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		this.server.setExecutor(this.executor);
		this.server.createContext("/v1/embeddings", this::embed);
		this.server.start();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/v1";
	}

	/** Requests wait from now on until {@link #release}. */
	void hold() {
		this.gate = new CountDownLatch(1);
	}

	/** Requests that wait go on, and later ones do not wait. */
	void release() {
		this.gate.countDown();
	}

	/**
	 * Waits for a request to arrive at the closed gate.
	 * @return whether one arrived within a minute
	 * @throws InterruptedException if interrupted
	 */
	boolean awaitHeld() throws InterruptedException {
		return this.held.tryAcquire(60, TimeUnit.SECONDS);
	}

	/**
	 * @param status the status every request gets from now on ({@code 0}: vectors)
	 */
	void failWith(int status) {
		this.failing = status;
	}

	void reset() {
		release();
		this.held.drainPermits();
		this.failing = 0;
		synchronized (this.requests) {
			this.requests.clear();
		}
	}

	/**
	 * @return the inputs of every request so far
	 */
	List<List<String>> requests() {
		synchronized (this.requests) {
			return List.copyOf(this.requests);
		}
	}

	private void embed(HttpExchange exchange) throws IOException {
		try (exchange; InputStream body = exchange.getRequestBody()) {
			JsonNode request = json.readTree(body);
			List<String> inputs = new ArrayList<>();
			JsonNode input = request.get("input");
			if (input.isArray()) {
				input.forEach((text) -> inputs.add(text.asText()));
			}
			else {
				inputs.add(input.asText());
			}
			synchronized (this.requests) {
				this.requests.add(inputs);
			}
			CountDownLatch gate = this.gate;
			if (gate.getCount() > 0) {
				this.held.release();
				gate.await();
			}
			if (this.failing != 0) {
				send(exchange, this.failing,
						"{\"error\":{\"message\":\"the model crashed\",\"type\":\"server_error\"}}");
				return;
			}
			ObjectNode response = json.createObjectNode()
				.put("object", "list")
				.put("model", request.get("model").asText());
			ArrayNode data = response.putArray("data");
			for (int i = 0; i < inputs.size(); i++) {
				ArrayNode vector = data.addObject().put("object", "embedding").put("index", i).putArray("embedding");
				for (float value : vector(inputs.get(i))) {
					vector.add(value);
				}
			}
			response.putObject("usage").put("prompt_tokens", 1).put("total_tokens", 1);
			send(exchange, 200, json.writeValueAsString(response));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * @param text a text
	 * @return its word hash: each word adds one to a dimension it hashes to
	 */
	static float[] vector(String text) {
		float[] vector = new float[DIMENSIONS];
		for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
			if (!word.isEmpty()) {
				vector[Math.floorMod(word.hashCode(), DIMENSIONS)] += 1;
			}
		}
		vector[0] += 0.01f;
		return vector;
	}

	private static void send(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		release();
		this.server.stop(0);
		this.executor.shutdownNow();
	}

}
