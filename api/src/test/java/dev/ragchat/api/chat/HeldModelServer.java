package dev.ragchat.api.chat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An OpenAI-compatible model server ({@code POST /v1/chat/completions}, server-sent
 * events) that holds every answer back, saying nothing at all, until the test releases
 * it; then it says {@link #WORDS} and ends. The test call a model choice makes ("Say
 * OK.") is answered at once. The JDK's own HTTP server.
 */
final class HeldModelServer implements AutoCloseable {

	static final String WORDS = "The lighthouse on Kestrel Point was automated in 1987 [1]";

	private final HttpServer server;

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	private final CountDownLatch released = new CountDownLatch(1);

	HeldModelServer() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		this.server.setExecutor(this.executor);
		this.server.createContext("/v1/chat/completions", this::complete);
		this.server.start();
	}

	/**
	 * @return the base URL as an OpenAI-compatible server's is given, with its
	 * {@code /v1}
	 */
	String openAiBaseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/v1";
	}

	/**
	 * Lets the answers held back be said.
	 */
	void release() {
		this.released.countDown();
	}

	private void complete(HttpExchange exchange) throws IOException {
		String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		try {
			String words = "OK";
			if (!request.contains("Say OK.")) {
				// held back: no status, no header, no token, until released
				if (!this.released.await(2, TimeUnit.MINUTES)) {
					exchange.close();
					return;
				}
				words = WORDS;
			}
			exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
			exchange.sendResponseHeaders(200, 0);
			OutputStream out = exchange.getResponseBody();
			out.write((chunk("{\"content\":\"" + words + "\"}", "null") + chunk("{}", "\"stop\"") + "data: [DONE]\n\n")
				.getBytes(StandardCharsets.UTF_8));
			out.flush();
			exchange.close();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			exchange.close();
		}
	}

	/** An OpenAI {@code chat.completion.chunk} event. */
	private static String chunk(String delta, String finishReason) {
		return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1735689601,"
				+ "\"model\":\"held-model\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":"
				+ finishReason + "}]}\n\n";
	}

	@Override
	public void close() {
		this.released.countDown();
		this.server.stop(0);
		this.executor.shutdownNow();
	}

}
