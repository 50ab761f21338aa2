package dev.ragchat.api.chat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A model server, OpenAI-compatible ({@code POST /v1/chat/completions}, server-sent
 * events) and Ollama ({@code POST /api/chat}, newline-delimited JSON), that writes its
 * streamed answer slowly, as a local model on a small machine does: a piece every 200 ms
 * for a minute. It says when an answer's request began and when the client closed the
 * connection under it (the next piece it writes fails). The test call a model choice
 * makes ("Say OK.") is answered at once. The JDK's own HTTP server: a write to a closed
 * connection fails there, so the closing is seen as it happens.
 */
final class SlowModelServer implements AutoCloseable {

	static final String FIRST_WORDS = "The lighthouse on Kestrel Point ";

	private static final ObjectMapper json = new ObjectMapper();

	private static final int PIECES = 300;

	private final HttpServer server;

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	private final CountDownLatch answering = new CountDownLatch(1);

	private final CompletableFuture<Long> closed = new CompletableFuture<>();

	private volatile boolean finished;

	SlowModelServer() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		this.server.setExecutor(this.executor);
		this.server.createContext("/v1/chat/completions", this::complete);
		this.server.createContext("/api/chat", this::chat);
		this.server.start();
	}

	/**
	 * @return the base URL as an OpenAI-compatible server's is given, with its
	 * {@code /v1} (as llama-server's)
	 */
	String openAiBaseUrl() {
		return ollamaBaseUrl() + "/v1";
	}

	/**
	 * @return the base URL as Ollama's is given
	 */
	String ollamaBaseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/**
	 * Waits for an answer's request (not the test call) to arrive.
	 * @return whether one arrived within a minute
	 * @throws InterruptedException if interrupted
	 */
	boolean awaitAnswering() throws InterruptedException {
		return this.answering.await(1, TimeUnit.MINUTES);
	}

	/**
	 * @return whether the client closed the connection of an answer it was writing
	 */
	boolean closedByTheClient() {
		return this.closed.isDone();
	}

	/**
	 * @return when the client closed it ({@link System#nanoTime}), once it has
	 */
	long closedAt() {
		return this.closed.join();
	}

	/**
	 * @return whether an answer was written to its end (its client never closed it)
	 */
	boolean finished() {
		return this.finished;
	}

	private void complete(HttpExchange exchange) throws IOException {
		answer(exchange, "text/event-stream", SlowModelServer::openAiChunk, openAiChunk(null) + "data: [DONE]\n\n");
	}

	private void chat(HttpExchange exchange) throws IOException {
		answer(exchange, "application/x-ndjson", SlowModelServer::ollamaLine, ollamaLine(null));
	}

	/**
	 * Writes an answer, a piece at a time, then its end; notes when the client closed the
	 * connection under it.
	 */
	private void answer(HttpExchange exchange, String contentType, Piece piece, String end) throws IOException {
		String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(200, 0);
		OutputStream out = exchange.getResponseBody();
		try {
			if (request.contains("Say OK.")) {
				write(out, piece.of("OK"));
			}
			else {
				this.answering.countDown();
				write(out, piece.of(FIRST_WORDS));
				for (int i = 0; i < PIECES; i++) {
					Thread.sleep(200);
					write(out, piece.of("and more "));
				}
				this.finished = true;
			}
			write(out, end);
			exchange.close();
		}
		catch (IOException ex) {
			// the client closed the connection
			this.closed.complete(System.nanoTime());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void write(OutputStream out, String text) throws IOException {
		out.write(text.getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

	/** An OpenAI {@code chat.completion.chunk} event; {@code null}: the last one. */
	private static String openAiChunk(String text) throws IOException {
		String delta = (text != null) ? "{\"content\":" + json.writeValueAsString(text) + "}" : "{}";
		return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1735689601,"
				+ "\"model\":\"slow-model\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":"
				+ ((text != null) ? "null" : "\"stop\"") + "}]}\n\n";
	}

	/** A line of Ollama's streamed chat; {@code null}: the last one. */
	private static String ollamaLine(String text) throws IOException {
		return "{\"model\":\"slow-model\",\"created_at\":\"2025-01-01T10:00:00.123456Z\",\"message\":{\"role\":"
				+ "\"assistant\",\"content\":" + json.writeValueAsString((text != null) ? text : "") + "},\"done\":"
				+ ((text != null) ? "false" : "true,\"done_reason\":\"stop\"") + "}\n";
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	/** One piece of an answer in a server's own shape. */
	private interface Piece {

		String of(String text) throws IOException;

	}

}
