package dev.ragchat.api;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An OpenAI-compatible model server ({@code POST /v1/chat/completions}) over real HTTP,
 * the JDK's own, that holds each streamed answer back, sending nothing at all (no status,
 * no header, no token), until the test releases it. A test releases one answer at a time
 * with its words ({@link #release(String)}), or every answer held and every one asked
 * after, saying {@link #WORDS} ({@link #release()}); a released answer is one content
 * chunk, a stop chunk and {@code [DONE]}. What is not held is answered at once: the test
 * call a model choice makes ("Say OK."), streamed, with {@code OK}; a call that does not
 * stream, with the words last released ({@link #WORDS} before any). An answer still held
 * after two minutes ends with nothing said; closing the server releases them all first.
 */
public final class HeldModelServer implements AutoCloseable {

	/** What an answer says when released by {@link #release()}. */
	public static final String WORDS = "The lighthouse on Kestrel Point was automated in 1987 [1]";

	private static final String MODEL_CHECK = "Say OK.";

	private final HttpServer server;

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	/** One permit per answer released. */
	private final Semaphore released = new Semaphore(0);

	/** The words of the answers released one at a time, in the order released. */
	private final Queue<String> releasedWords = new ConcurrentLinkedQueue<>();

	private final AtomicBoolean allReleased = new AtomicBoolean();

	private final AtomicInteger held = new AtomicInteger();

	private volatile String lastWords = WORDS;

	public HeldModelServer() {
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
	public String openAiBaseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/v1";
	}

	/**
	 * @return how many streamed answers it holds back now
	 */
	public int held() {
		return this.held.get();
	}

	/**
	 * Lets every answer held back, and every one asked from now on, say {@link #WORDS}.
	 */
	public void release() {
		if (this.allReleased.compareAndSet(false, true)) {
			this.lastWords = WORDS;
			this.released.release(Integer.MAX_VALUE / 2);
		}
	}

	/**
	 * Lets one streamed answer, held now or asked next, say these words.
	 * @param words what the answer says
	 */
	public void release(String words) {
		this.lastWords = words;
		this.releasedWords.add(words);
		this.released.release();
	}

	private void complete(HttpExchange exchange) throws IOException {
		String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		try (exchange) {
			if (request.contains(MODEL_CHECK)) {
				respond(exchange, "text/event-stream", stream("OK"));
			}
			else if (!request.contains("\"stream\":true")) {
				respond(exchange, "application/json", "{\"id\":\"c1\",\"object\":\"chat.completion\","
						+ "\"created\":1735689600,\"model\":\"held-model\",\"choices\":[{\"index\":0,\"message\":"
						+ "{\"role\":\"assistant\",\"content\":\"" + this.lastWords
						+ "\"},\"finish_reason\":\"stop\"}]}");
			}
			else {
				String words = heldBack();
				if (words != null) {
					respond(exchange, "text/event-stream", stream(words));
				}
			}
		}
	}

	/**
	 * Holds a streamed answer back until it is released.
	 * @return its words, or {@code null} if it was never released
	 */
	private String heldBack() {
		this.held.incrementAndGet();
		try {
			if (!this.released.tryAcquire(2, TimeUnit.MINUTES)) {
				return null;
			}
			String words = this.releasedWords.poll();
			return (words != null) ? words : WORDS;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
		finally {
			this.held.decrementAndGet();
		}
	}

	private static void respond(HttpExchange exchange, String type, String body) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", type);
		exchange.sendResponseHeaders(200, 0);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body.getBytes(StandardCharsets.UTF_8));
		}
	}

	/** A streamed answer saying these words: a content chunk, a stop chunk, the end. */
	private static String stream(String words) {
		return chunk("{\"content\":\"" + words + "\"}", "null") + chunk("{}", "\"stop\"") + "data: [DONE]\n\n";
	}

	/** An OpenAI {@code chat.completion.chunk} event. */
	private static String chunk(String delta, String finishReason) {
		return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1735689601,"
				+ "\"model\":\"held-model\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":"
				+ finishReason + "}]}\n\n";
	}

	/**
	 * Releases every answer still held, as {@link #release()} does, and stops the server.
	 */
	@Override
	public void close() {
		release();
		this.server.stop(0);
		this.executor.shutdownNow();
	}

}
