package dev.ragchat.api.web;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragchat.api.AbstractHttpsIntegrationTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bodies a route cannot read, on every route that reads JSON (and the JSON parts of
 * multipart requests), over the real HTTPS listener: each route's own well-formed body
 * broken in one way (cut short, nested past Jackson's limit, bytes that are not UTF-8,
 * the wrong JSON type) is refused with 400 in the route's error dialect (an RFC 9457
 * problem; OpenAI's error body under {@code /v1}; a JSON-RPC error on {@code /mcp}),
 * never a 2xx, an empty body or a 500.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnreadableBodyTests extends AbstractHttpsIntegrationTests {

	/** Deeper than Jackson's default limit of nesting (1000). */
	private static final int DEPTH = 1500;

	private static final String QUESTION = "When was the lighthouse on Kestrel Point automated?";

	private static final String BOUNDARY = "ragchat-unreadable";

	private String chatKey;

	private String uploadKey;

	private String sessionId;

	private String sessionToken;

	@BeforeEach
	void session() {
		if (this.sessionToken != null) {
			return;
		}
		this.chatKey = issueKey("{\"scopes\":[\"chat\"]}");
		this.uploadKey = issueKey("{\"scopes\":[\"upload\"]}");
		JsonNode session = postJson("/api/v1/sessions", "X-API-Key", this.chatKey, "{\"knowledgeBase\":\"default\"}")
			.json();
		this.sessionId = session.get("sessionId").asText();
		this.sessionToken = session.get("token").asText();
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("everyRouteWithEveryUnreadableBody")
	void refusesABodyItCannotReadWith400InItsOwnDialect(Route route, Unreadable unreadable) throws Exception {
		HttpResponse<String> response = send(route, unreadable.of(route.body()));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		String type = response.headers().firstValue("Content-Type").orElse("");
		JsonNode body = json.readTree(response.body());
		switch (route.dialect()) {
			case PROBLEM -> {
				assertThat(type).as(response.body()).startsWith("application/problem+json");
				assertThat(body.get("status").asInt()).isEqualTo(400);
				assertThat(body.get("detail").asText()).isNotBlank();
			}
			case OPENAI -> {
				assertThat(type).as(response.body()).startsWith("application/json");
				assertThat(body.at("/error/type").asText()).isEqualTo("invalid_request_error");
				assertThat(body.at("/error/message").asText()).isNotBlank();
			}
			case JSON_RPC -> {
				assertThat(type).as(response.body()).startsWith("application/json");
				assertThat(body.get("jsonrpc").asText()).isEqualTo("2.0");
				assertThat(body.at("/error/code").asInt()).as(response.body()).isEqualTo(unreadable.jsonRpcCode());
			}
		}
		// no internals: no exception names, stack frames or trace
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("\"trace\"");
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("everyJsonPartWithEveryUnreadableBody")
	void refusesAJsonPartItCannotReadWith400(String route, Unreadable unreadable) throws Exception {
		boolean extraction = route.equals("extraction schema");
		String json = extraction ? "{\"type\":\"object\",\"properties\":{\"year\":{\"type\":\"string\"}}}"
				: "{\"year\":\"2024\"}";
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(part(extraction ? "schema" : "metadata", null));
		body.writeBytes(unreadable.of(json));
		body.writeBytes(part("file", "harbour.txt"));
		body.writeBytes("The harbour has three piers and one lighthouse.".getBytes(StandardCharsets.UTF_8));
		body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest.Builder request = HttpRequest
			.newBuilder(
					URI.create(url(extraction ? "/api/v1/extractions" : "/api/v1/knowledge-bases/default/documents")))
			.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
			.header("X-API-Key", this.chatKey)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
		if (!extraction) {
			request.setHeader("X-API-Key", this.uploadKey);
		}
		HttpResponse<String> response = this.httpClient.send(request.build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).as(response.body()).startsWith("application/problem+json"));
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("questionsOfTheWrongShape")
	void refusesAQuestionOfTheWrongShapeAndStoresNothing(String accept, String body) throws Exception {
		Route ask = new Route("ask", "POST", "/api/v1/sessions/{session}/messages", Credential.SESSION, accept,
				Dialect.PROBLEM, "application/json", body);
		HttpResponse<String> response = send(ask, body.getBytes(StandardCharsets.UTF_8));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).as(response.body()).startsWith("application/problem+json"));
		assertThat(json.readTree(response.body()).get("detail").asText()).isNotBlank();
		JsonNode history = call("GET", "/api/v1/sessions/" + this.sessionId + "/messages", "Authorization",
				"Bearer " + this.sessionToken)
			.json();
		assertThat(history.get("total").asInt()).isZero();
	}

	Stream<Arguments> everyRouteWithEveryUnreadableBody() {
		return routes().stream()
			.flatMap((route) -> Stream.of(Unreadable.values()).map((unreadable) -> Arguments.of(route, unreadable)));
	}

	static Stream<Arguments> everyJsonPartWithEveryUnreadableBody() {
		return Stream.of("document metadata")
			.flatMap((route) -> Stream.of(Unreadable.values()).map((unreadable) -> Arguments.of(route, unreadable)));
	}

	/**
	 * @return the start of a part of {@link #BOUNDARY}'s multipart body (a file part when
	 * it has a file name), after the end of the part before it
	 */
	private static byte[] part(String name, String filename) {
		String start = (filename != null) ? "\r\n--" + BOUNDARY + "\r\n" : "--" + BOUNDARY + "\r\n";
		String disposition = "Content-Disposition: form-data; name=\"" + name + "\"" + ((filename != null)
				? "; filename=\"" + filename + "\"\r\nContent-Type: text/plain" : "\r\nContent-Type: application/json");
		return (start + disposition + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
	}

	static Stream<Arguments> questionsOfTheWrongShape() {
		List<String> bodies = List.of("{\"message\":\"" + QUESTION + "\",\"reading\":\"x\"}",
				"{\"message\":\"" + QUESTION + "\",\"attachments\":\"med_x\"}",
				"{\"attachments\":[{\"id\":\"med_x\"}]}", "{\"message\":{\"text\":\"" + QUESTION + "\"}}",
				"{\"message\":\"" + QUESTION + "\",\"trace\":\"sometimes\"}");
		return Stream.of("application/json", "text/event-stream")
			.flatMap((accept) -> bodies.stream().map((body) -> Arguments.of(accept, body)));
	}

	/**
	 * Every route that reads a JSON body, with a body it would take.
	 */
	private static List<Route> routes() {
		String initialize = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
				+ "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"unreadable\",\"version\":\"1\"}}}";
		return List.of(master("POST", "/api/v1/keys", "{\"name\":\"unreadable\",\"scopes\":[\"chat\"]}"),
				master("POST", "/api/v1/keys/key_unreadable/renew", "{\"ttlSeconds\":3600}"),
				master("POST", "/api/v1/knowledge-bases", "{\"name\":\"unreadable\"}"),
				master("POST", "/api/v1/knowledge-bases/default/search", "{\"query\":\"lighthouse\"}"),
				master("POST", "/api/v1/knowledge-bases/default/embedding-model", "{\"model\":\"minilm\"}"),
				master("PATCH", "/api/v1/knowledge-bases/default/documents/doc_unreadable",
						"{\"metadata\":{\"year\":\"2024\"}}"),
				master("PUT", "/api/v1/knowledge-bases/default/grants",
						"{\"grantee\":\"group:crew\",\"permission\":\"chat\"}"),
				master("POST", "/api/v1/knowledge-bases/default/sources", "{\"type\":\"folder\",\"path\":\"harbour\"}"),
				master("POST", "/api/v1/knowledge-bases/default/sources/src_unreadable/sync",
						"{\"deleteMissing\":false}"),
				new Route("evaluation", "POST", "/api/v1/knowledge-bases/default/evaluations", Credential.MASTER,
						"application/json", Dialect.PROBLEM, "application/x-ndjson",
						"{\"question\":\"" + QUESTION + "\"}"),
				master("POST", "/api/v1/chat-configs", "{\"title\":\"Unreadable\",\"knowledgeBase\":\"default\"}"),
				master("PUT", "/api/v1/chat-configs/cfg_unreadable",
						"{\"title\":\"Unreadable\",\"knowledgeBase\":\"default\"}"),
				master("POST", "/api/v1/admin/models/list",
						"{\"kind\":\"ollama\",\"baseUrl\":\"http://localhost:11434\"}"),
				master("PUT", "/api/v1/admin/models", "{\"kind\":\"extractive\"}"),
				master("PUT", "/api/v1/admin/models/personas/cfg_unreadable", "{\"kind\":\"extractive\"}"),
				master("PUT", "/api/v1/admin/models/offered", "{\"kind\":\"extractive\"}"),
				new Route("start", "POST", "/api/v1/sessions", Credential.CHAT_KEY, "application/json", Dialect.PROBLEM,
						"application/json", "{\"knowledgeBase\":\"default\"}"),
				session("PUT", "/api/v1/sessions/{session}/scope", "{\"knowledgeBases\":[]}"),
				session("PUT", "/api/v1/sessions/{session}", "{\"topK\":3}"),
				session("PUT", "/api/v1/sessions/{session}/title", "{\"title\":\"Unreadable\"}"),
				session("PATCH", "/api/v1/sessions/{session}", "{\"title\":\"Unreadable\"}"),
				session("POST", "/api/v1/sessions/{session}/messages", "{\"message\":\"" + QUESTION + "\"}"),
				new Route("ask streamed", "POST", "/api/v1/sessions/{session}/messages", Credential.SESSION,
						"text/event-stream", Dialect.PROBLEM, "application/json", "{\"message\":\"" + QUESTION + "\"}"),
				session("PUT", "/api/v1/sessions/{session}/messages/msg_unreadable/feedback", "{\"rating\":\"up\"}"),
				session("POST", "/api/chat", "{\"query\":\"" + QUESTION + "\"}"),
				session("POST", "/chat", "{\"query\":\"" + QUESTION + "\"}"),
				new Route("OpenAI", "POST", "/v1/chat/completions", Credential.CHAT_KEY_BEARER, "application/json",
						Dialect.OPENAI, "application/json",
						"{\"model\":\"kb:default\",\"messages\":[{\"role\":\"user\",\"content\":\"" + QUESTION
								+ "\"}]}"),
				new Route("MCP", "POST", "/mcp", Credential.CHAT_KEY_BEARER, "application/json, text/event-stream",
						Dialect.JSON_RPC, "application/json", initialize));
	}

	private static Route master(String method, String path, String body) {
		return new Route(method + " " + path, method, path, Credential.MASTER, "application/json", Dialect.PROBLEM,
				"application/json", body);
	}

	private static Route session(String method, String path, String body) {
		return new Route(method + " " + path, method, path, Credential.SESSION, "application/json", Dialect.PROBLEM,
				"application/json", body);
	}

	private HttpResponse<String> send(Route route, byte[] body) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create(url(route.path().replace("{session}", this.sessionId))))
			.header("Content-Type", route.contentType())
			.header("Accept", route.accept())
			.method(route.method(), HttpRequest.BodyPublishers.ofByteArray(body));
		switch (route.credential()) {
			case MASTER -> request.header("X-Master-Key", this.masterKey);
			case CHAT_KEY -> request.header("X-API-Key", this.chatKey);
			case CHAT_KEY_BEARER -> request.header("Authorization", "Bearer " + this.chatKey);
			case SESSION -> request.header("Authorization", "Bearer " + this.sessionToken);
		}
		return this.httpClient.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	enum Credential {

		MASTER, CHAT_KEY, CHAT_KEY_BEARER, SESSION

	}

	/**
	 * How a route answers errors.
	 */
	enum Dialect {

		PROBLEM, OPENAI, JSON_RPC

	}

	/**
	 * A route that reads JSON.
	 *
	 * @param name what the test's name calls it
	 * @param method its method
	 * @param path its path; {@code {session}} stands for the test's session
	 * @param credential what it is called with
	 * @param accept the {@code Accept} header
	 * @param dialect how it answers errors
	 * @param contentType the body's type
	 * @param body a body it takes
	 */
	record Route(String name, String method, String path, Credential credential, String accept, Dialect dialect,
			String contentType, String body) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	/**
	 * A well-formed body broken in one way.
	 */
	enum Unreadable {

		/** Cut inside its first name, as <code>{"mess</code>. */
		CUT_IN_ITS_FIRST_NAME(-32700, (body) -> body.substring(0, 6)),

		/** Cut before its last brace, as <code>{"message": "hi"</code>. */
		CUT_BEFORE_ITS_END(-32700, (body) -> body.substring(0, body.length() - 1)),

		/** An array nested deeper than Jackson reads, in a field of its own. */
		NESTED_PAST_THE_LIMIT(-32700,
				(body) -> body.substring(0, body.length() - 1) + ",\"nested\":" + "[".repeat(DEPTH) + "]".repeat(DEPTH)
						+ "}"),

		/**
		 * A byte that is not UTF-8 (0xC3 followed by no continuation byte) in its last
		 * string.
		 */
		NOT_UTF8(-32700, null),

		/** The object in an array. */
		AN_ARRAY(-32600, (body) -> "[" + body + "]"),

		/** The object as a JSON string. */
		A_STRING(-32600, (body) -> "\"" + body.replace("\"", "\\\"") + "\"");

		private final int jsonRpcCode;

		private final UnaryOperator<String> breaking;

		Unreadable(int jsonRpcCode, UnaryOperator<String> breaking) {
			this.jsonRpcCode = jsonRpcCode;
			this.breaking = breaking;
		}

		int jsonRpcCode() {
			return this.jsonRpcCode;
		}

		byte[] of(String body) {
			if (this.breaking != null) {
				return this.breaking.apply(body).getBytes(StandardCharsets.UTF_8);
			}
			int end = body.lastIndexOf('"');
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			bytes.writeBytes(body.substring(0, end).getBytes(StandardCharsets.UTF_8));
			bytes.writeBytes(new byte[] { (byte) 0xC3, '(' });
			bytes.writeBytes(body.substring(end).getBytes(StandardCharsets.UTF_8));
			return bytes.toByteArray();
		}

	}

}
