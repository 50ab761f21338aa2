package dev.ragchat.api.mcp;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragchat.api.AbstractHttpsIntegrationTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The MCP server at {@code /mcp} spoken by hand, over the real HTTPS listener, with what
 * an attacker sends: malformed JSON-RPC gets a JSON-RPC error (never a 500, a stack trace
 * or a class name), every response ends, a session belongs to the key that initialized
 * it, and tool arguments are checked against the tool's schema, integers without
 * wrapping.
 */
class McpHardeningTests extends AbstractHttpsIntegrationTests {

	/** How long a response may take to end before the test calls it held open. */
	private static final Duration ENDS_WITHIN = Duration.ofSeconds(10);

	private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
			+ "{\"protocolVersion\":\"2025-03-26\",\"capabilities\":{},\"clientInfo\":{\"name\":\"hardening\",\"version\":\"1\"}}}";

	String kb;

	String key;

	@BeforeEach
	void key() {
		this.kb = createKnowledgeBase("mcp-hardening");
		this.key = chatAndUploadKey(this.kb);
	}

	static Stream<Arguments> malformedBodies() {
		return Stream.of(Arguments.of("an empty array", "[]", -32600), Arguments.of("an empty object", "{}", -32600),
				Arguments.of("truncated JSON", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/li", -32700),
				Arguments.of("a batch",
						"[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"},{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}]",
						-32600),
				Arguments.of("null", "null", -32600), Arguments.of("a string", "\"ping\"", -32600),
				Arguments.of("no body", "", -32700),
				Arguments.of("a method that is no string", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":5}", -32600),
				Arguments.of("an id that is an object", "{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"ping\"}", -32600),
				Arguments.of("a response to no request", "{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"result\":{}}", -32600));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("malformedBodies")
	void aMalformedBodyIsAJsonRpcErrorWithoutAStackTraceInASessionOrNot(String what, String body, int code)
			throws Exception {
		Reply outside = post(this.key, null, body);
		assertThat(outside.status()).as(outside.body()).isEqualTo(400);
		assertThat(outside.error(code)).isNotBlank();

		String session = initialize(this.key);
		Reply inside = post(this.key, session, body);
		assertThat(inside.status()).as(inside.body()).isEqualTo(400);
		assertThat(inside.error(code)).isNotBlank();
	}

	@Test
	void aCallWithoutItsSessionIdIsABadRequestWithoutAStackTrace() throws Exception {
		Reply reply = post(this.key, null, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\"}");
		assertThat(reply.status()).as(reply.body()).isEqualTo(400);
		assertThat(reply.error(-32600)).contains("Mcp-Session-Id");
		assertThat(reply.message().get("id").asInt()).isEqualTo(3);
	}

	@Test
	void aRequestThatDoesNotAcceptAnEventStreamIsABadRequestWithoutAStackTrace() throws Exception {
		String session = initialize(this.key);
		Reply reply = async("POST", this.key, session, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\"}",
				"application/json")
			.get(ENDS_WITHIN.toSeconds(), TimeUnit.SECONDS);
		assertThat(reply.status()).as(reply.body()).isEqualTo(400);
		assertThat(reply.error(-32600)).contains("Accept");
	}

	@Test
	void anUnknownMethodIsMethodNotFoundAndItsResponseEnds() throws Exception {
		String session = initialize(this.key);
		for (String method : List.of("resources/list", "prompts/list", "no/such/method")) {
			Reply reply = post(this.key, session, "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"" + method + "\"}");
			assertThat(reply.error(-32601)).contains(method);
			assertThat(reply.message().get("id").asInt()).isEqualTo(7);
		}
		// and the session goes on
		assertThat(post(this.key, session, "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"tools/list\"}").result()
			.get("tools")).hasSize(6);
	}

	@Test
	void theLoggingLevelTheSdkOffersCanBeSetAndItsResponseEnds() throws Exception {
		// the MCP Inspector sets it right after initialize
		String session = initialize(this.key);
		Reply reply = post(this.key, session,
				"{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"logging/setLevel\",\"params\":{\"level\":\"info\"}}");
		assertThat(reply.result()).isNotNull();
		assertThat(reply.message().get("id").asInt()).isEqualTo(9);
	}

	static Stream<Arguments> malformedToolCalls() {
		return Stream.of(Arguments.of("arguments an array", "{\"name\":\"search\",\"arguments\":[1,2]}", "arguments"),
				Arguments.of("arguments a string", "{\"name\":\"search\",\"arguments\":\"query=x\"}", "arguments"),
				Arguments.of("no name", "{\"arguments\":{}}", "params.name"),
				Arguments.of("a name that is a number", "{\"name\":5,\"arguments\":{}}", "params.name"),
				Arguments.of("an unknown tool", "{\"name\":\"drop_tables\",\"arguments\":{}}", "drop_tables"),
				Arguments.of("params an array", "[\"search\",{}]", "params"),
				Arguments.of("no params", null, "params"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("malformedToolCalls")
	void aMalformedToolCallIsInvalidParamsNotAServerError(String what, String params, String named) throws Exception {
		String session = initialize(this.key);
		Reply reply = post(this.key, session, "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\""
				+ ((params != null) ? ",\"params\":" + params : "") + "}");
		assertThat(reply.status()).as(reply.body()).isLessThan(500);
		assertThat(reply.error(-32602)).contains(named);
		assertThat(reply.message().get("id").asInt()).isEqualTo(4);
	}

	@Test
	void aNullBodyIsAnInvalidRequestNotAServerError() throws Exception {
		String session = initialize(this.key);
		Reply reply = post(this.key, session, "null");
		assertThat(reply.status()).as(reply.body()).isEqualTo(400);
		assertThat(reply.error(-32600)).isNotBlank();
	}

	@Test
	void anotherKeyCanNeitherEndNorUseNorListenToASession() throws Exception {
		String session = initialize(this.key);
		String otherKey = chatAndUploadKey(createKnowledgeBase("mcp-hardening-other"));

		Reply deleted = send("DELETE", otherKey, session, null);
		assertThat(deleted.status()).as(deleted.body()).isEqualTo(404);
		assertThat(deleted.error(-32001)).isNotBlank();
		Reply used = post(otherKey, session, "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/list\"}");
		assertThat(used.status()).as(used.body()).isEqualTo(404);
		assertThat(used.error(-32001)).isNotBlank();
		Reply listened = send("GET", otherKey, session, null);
		assertThat(listened.status()).as(listened.body()).isEqualTo(404);
		// as if it did not exist: the same answer as a made-up session id
		Reply madeUp = post(otherKey, "made-up", "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/list\"}");
		assertThat(madeUp.status()).isEqualTo(404);
		assertThat(madeUp.error(-32001)).isEqualTo(used.error(-32001).replace(session, "made-up"));

		// the session is untouched: its own key goes on, and may end it
		assertThat(post(this.key, session, "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"tools/list\"}").result()
			.get("tools")).hasSize(6);
		assertThat(send("DELETE", this.key, session, null).status()).isEqualTo(200);
		assertThat(post(this.key, session, "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/list\"}").status())
			.isEqualTo(404);
	}

	@Test
	void noListeningStreamIsOfferedSoAGetHoldsNoConnection() throws Exception {
		String session = initialize(this.key);
		Reply reply = send("GET", this.key, session, null);
		assertThat(reply.status()).as(reply.body()).isEqualTo(405);
		assertThat(reply.headers().firstValue("Allow"))
			.hasValueSatisfying((allow) -> assertThat(allow).contains("POST"));
		reply.error(-32600);
	}

	@Test
	void integerArgumentsOutOfRangeOrNotWholeAreInvalidParamsNamingTheRange() throws Exception {
		String session = initialize(this.key);
		for (String topK : List.of("4294967301", "0", "101", "2.5", "1e400", "\"5\"")) {
			Reply reply = call(session, "search",
					"{\"knowledge_base\":\"" + this.kb + "\",\"query\":\"lighthouse\",\"top_k\":" + topK + "}");
			assertThat(reply.error(-32602)).as(topK).contains("top_k").contains("1").contains("100");
		}
		for (String page : List.of("4294967297", "0", "-4294967295", "1.5")) {
			Reply reply = call(session, "get_page",
					"{\"knowledge_base\":\"" + this.kb + "\",\"document_id\":\"doc\",\"page\":" + page + "}");
			assertThat(reply.error(-32602)).as(page).contains("page").contains("1").contains("2147483647");
		}
		// in range, a tool's own answer (here: the document does not exist)
		Reply inRange = call(session, "get_page",
				"{\"knowledge_base\":\"" + this.kb + "\",\"document_id\":\"doc\",\"page\":1}");
		assertThat(inRange.result().get("isError").asBoolean()).as(inRange.body()).isTrue();
	}

	@Test
	void argumentsAgainstTheToolsSchemaAreInvalidParamsNamingTheArgument() throws Exception {
		String session = initialize(this.key);
		assertThat(call(session, "search", "{\"knowledge_base\":\"" + this.kb + "\"}").error(-32602)).contains("query");
		assertThat(call(session, "search", "{\"knowledge_base\":7,\"query\":\"x\"}").error(-32602))
			.contains("knowledge_base");
		assertThat(
				call(session, "search", "{\"knowledge_base\":\"" + this.kb + "\",\"query\":\"x\",\"mode\":\"psychic\"}")
					.error(-32602))
			.contains("mode");
	}

	@Test
	void anotherJsonRpcVersionIsAnInvalidRequest() throws Exception {
		String session = initialize(this.key);
		for (String version : List.of("\"jsonrpc\":\"1.0\",", "", "\"jsonrpc\":2.0,")) {
			Reply reply = post(this.key, session, "{" + version + "\"id\":9,\"method\":\"tools/list\"}");
			assertThat(reply.status()).as(version).isEqualTo(400);
			assertThat(reply.error(-32600)).as(version).contains("2.0");
		}
		Reply initialize = post(this.key, null, INITIALIZE.replace("\"2.0\"", "\"1.0\""));
		assertThat(initialize.status()).isEqualTo(400);
		assertThat(initialize.error(-32600)).contains("2.0");
		assertThat(initialize.headers().firstValue("Mcp-Session-Id")).isEmpty();
	}

	@Test
	void anInitializeWithoutParamsIsInvalidParams() throws Exception {
		for (String params : List.of("", ",\"params\":[]", ",\"params\":{\"capabilities\":{}}",
				",\"params\":{\"protocolVersion\":\"2025-03-26\",\"capabilities\":{\"roots\":5}}")) {
			Reply reply = post(this.key, null,
					"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\"" + params + "}");
			assertThat(reply.status()).as(params).isLessThan(500);
			assertThat(reply.error(-32602)).as(params).isNotBlank();
			assertThat(reply.headers().firstValue("Mcp-Session-Id")).isEmpty();
		}
	}

	@Test
	void concurrentMalformedAndWellFormedCallsEachGetTheirOwnAnswer() throws Exception {
		String session = initialize(this.key);
		String otherKey = chatAndUploadKey(createKnowledgeBase("mcp-hardening-concurrent"));
		String otherSession = initialize(otherKey);
		List<CompletableFuture<Runnable>> checks = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			int id = 100 + i;
			checks.add(async("POST", this.key, session,
					"{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/list\"}")
				.thenApply((reply) -> () -> {
					assertThat(reply.result().get("tools")).hasSize(6);
					assertThat(reply.message().get("id").asInt()).isEqualTo(id);
				}));
			checks.add(async("POST", otherKey, otherSession,
					"{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"no/such/method\"}")
				.thenApply((reply) -> () -> assertThat(reply.error(-32601)).contains("no/such/method")));
			checks.add(async("POST", this.key, session, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/li")
				.thenApply((reply) -> () -> reply.error(-32700)));
			checks.add(async("POST", otherKey, session, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}")
				.thenApply((reply) -> () -> assertThat(reply.status()).isEqualTo(404)));
			checks.add(async("POST", this.key, session,
					"{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"search\","
							+ "\"arguments\":{\"knowledge_base\":\"" + this.kb
							+ "\",\"query\":\"x\",\"top_k\":4294967301}}}")
				.thenApply((reply) -> () -> assertThat(reply.error(-32602)).contains("top_k")));
		}
		for (CompletableFuture<Runnable> check : checks) {
			check.get(ENDS_WITHIN.toSeconds() * 3, TimeUnit.SECONDS).run();
		}
		assertThat(post(this.key, session, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}").result()
			.get("tools")).hasSize(6);
	}

	private String initialize(String apiKey) throws Exception {
		Reply initialized = post(apiKey, null, INITIALIZE);
		assertThat(initialized.status()).as(initialized.body()).isEqualTo(200);
		String session = initialized.headers().firstValue("Mcp-Session-Id").orElseThrow();
		Reply ready = post(apiKey, session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
		assertThat(ready.status()).as(ready.body()).isEqualTo(202);
		return session;
	}

	private Reply call(String session, String tool, String arguments) throws Exception {
		return post(this.key, session,
				"{\"jsonrpc\":\"2.0\",\"id\":11,\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
						+ "\",\"arguments\":" + arguments + "}}");
	}

	private Reply post(String apiKey, String session, String body) throws Exception {
		return send("POST", apiKey, session, body);
	}

	/**
	 * Sends a request and waits for the whole response: one held open fails the test.
	 */
	private Reply send(String method, String apiKey, String session, String body) throws Exception {
		try {
			return async(method, apiKey, session, body, null).get(ENDS_WITHIN.toSeconds(), TimeUnit.SECONDS);
		}
		catch (TimeoutException ex) {
			return fail("The response to " + method + " " + body + " did not end within " + ENDS_WITHIN);
		}
	}

	private CompletableFuture<Reply> async(String method, String apiKey, String session, String body) {
		return async(method, apiKey, session, body, null);
	}

	private CompletableFuture<Reply> async(String method, String apiKey, String session, String body, String accept) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url("/mcp")))
			.header("X-API-Key", apiKey)
			.header("Accept", (accept != null) ? accept : "application/json, text/event-stream")
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (method.equals("GET")) {
			request.setHeader("Accept", "text/event-stream");
		}
		if (session != null) {
			request.header("Mcp-Session-Id", session);
		}
		return this.httpClient.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
			.thenApply((response) -> new Reply(response.statusCode(), response.headers(), response.body()));
	}

	/**
	 * A response of {@code /mcp}.
	 *
	 * @param status its status
	 * @param headers its headers
	 * @param body its whole body
	 */
	record Reply(int status, java.net.http.HttpHeaders headers, String body) {

		/**
		 * @return the JSON-RPC message: the body, or the data of its one SSE event
		 */
		JsonNode message() {
			String text = this.body;
			if (this.headers.firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
				text = this.body.lines()
					.filter((line) -> line.startsWith("data:"))
					.map((line) -> line.substring("data:".length()))
					.findFirst()
					.orElseThrow(() -> new AssertionError("No SSE data in " + this.body));
			}
			try {
				return json.readTree(text);
			}
			catch (Exception ex) {
				throw new AssertionError("Not JSON (" + this.status + "): " + this.body, ex);
			}
		}

		/**
		 * Asserts a JSON-RPC error of this code, without internals.
		 * @param code the expected code
		 * @return its message
		 */
		String error(int code) {
			assertThat(this.status).as(this.body).isLessThan(500);
			assertThat(this.body).doesNotContain("stackTrace")
				.doesNotContain("java.")
				.doesNotContain("Exception")
				.doesNotContain("modelcontextprotocol")
				.doesNotContain("\tat ");
			JsonNode message = message();
			assertThat(message.path("jsonrpc").asText()).as(this.body).isEqualTo("2.0");
			assertThat(message.path("error").path("code").asInt()).as(this.body).isEqualTo(code);
			assertThat(message.has("result")).isFalse();
			return message.path("error").path("message").asText();
		}

		/**
		 * Asserts a JSON-RPC result.
		 * @return it
		 */
		JsonNode result() {
			assertThat(this.status).as(this.body).isEqualTo(200);
			JsonNode message = message();
			assertThat(message.has("error")).as(this.body).isFalse();
			return message.get("result");
		}

	}

}
