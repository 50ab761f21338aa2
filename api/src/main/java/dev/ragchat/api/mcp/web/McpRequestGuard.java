package dev.ragchat.api.mcp.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ragchat.api.access.Caller;
import dev.ragchat.errors.TooLargeException;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.HttpHeaders;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ErrorCodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.function.EntityResponse;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * In front of the MCP SDK's Streamable HTTP transport: the body is parsed once, with
 * Jackson, and what the SDK would mishandle is answered here as a JSON-RPC error, the SDK
 * never seeing it. The SDK (0.17) answers a body it cannot read with its exception
 * object, stack trace and all; a malformed {@code tools/call} with a 500; an unknown
 * method with an error event on a response it never ends; and it lets any caller use, or
 * end, any session whose id it holds. So:
 * <ul>
 * <li>not JSON: -32700 Parse error (400); not one JSON-RPC 2.0 message object (an array,
 * a batch, {@code null}, {@code "jsonrpc": "1.0"}, a method that is no string, an id that
 * is neither a string nor an integer): -32600 Invalid Request (400);</li>
 * <li>a session belongs to the key that initialized it: a request without one is an
 * Invalid Request (400), with another key's or an unknown one a -32001 Session not found
 * (404, the code the reference TypeScript SDK answers with), the same answer for both;
 * </li>
 * <li>a method the server does not answer: -32601 Method not found; {@code params} that
 * are no object, an {@code initialize} without its params, a {@code tools/call} whose
 * arguments do not fit the tool's schema ({@link ToolArguments}): -32602 Invalid params
 * (both as the answer to the request: 200, {@code application/json});</li>
 * <li>no listening stream ({@code GET}): the server never sends a message of its own, so
 * it offers none (405, which MCP clients take as "request-response only") and no
 * {@code GET} holds a connection open;</li>
 * <li>what the SDK still refuses (a wrong {@code Accept}, a response to no request) is
 * answered as a JSON-RPC error too, its internals left out.</li>
 * </ul>
 * Written by hand because the SDK has no hook for any of it; the JSON Schema check is
 * networknt's.
 */
final class McpRequestGuard implements HandlerFilterFunction<ServerResponse, ServerResponse> {

	/** The code the reference TypeScript SDK answers an unknown session with. */
	static final int SESSION_NOT_FOUND = -32001;

	private static final Logger logger = LoggerFactory.getLogger(McpRequestGuard.class);

	/**
	 * The requests the SDK's server answers with the capabilities configured in
	 * {@link McpServerConfiguration} (tools, and logging, which the SDK always adds; the
	 * MCP Inspector sets its level first): for any other the SDK sends its Method not
	 * found error and never ends the response.
	 */
	private static final Set<String> METHODS = Set.of(McpSchema.METHOD_INITIALIZE, McpSchema.METHOD_PING,
			McpSchema.METHOD_TOOLS_LIST, McpSchema.METHOD_TOOLS_CALL, McpSchema.METHOD_LOGGING_SET_LEVEL);

	private static final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

	private final McpJsonMapper sdkJson;

	private final ToolArguments tools;

	/** The key that initialized each session, by session id. */
	private final Map<String, String> owners = new ConcurrentHashMap<>();

	/**
	 * @param sdkJson the SDK's mapper: {@code initialize} params are converted as the SDK
	 * will convert them
	 * @param tools the check of {@code tools/call} params
	 */
	McpRequestGuard(McpJsonMapper sdkJson, ToolArguments tools) {
		this.sdkJson = sdkJson;
		this.tools = tools;
	}

	@Override
	public ServerResponse filter(ServerRequest request, HandlerFunction<ServerResponse> next) throws Exception {
		String keyId = keyId();
		if (keyId == null) {
			// the security filter chain lets only API keys through; this is a second lock
			return error(HttpStatus.FORBIDDEN, null, ErrorCodes.INVALID_REQUEST, "MCP needs an API key");
		}
		if (HttpMethod.POST.equals(request.method())) {
			return post(request, next, keyId);
		}
		String session = request.headers().firstHeader(HttpHeaders.MCP_SESSION_ID);
		if (session == null) {
			return noSessionId(null);
		}
		if (!keyId.equals(this.owners.get(session))) {
			return sessionNotFound(null, session);
		}
		if (HttpMethod.GET.equals(request.method())) {
			return ServerResponse.status(HttpStatus.METHOD_NOT_ALLOWED)
				.allow(HttpMethod.POST, HttpMethod.DELETE)
				.contentType(MediaType.APPLICATION_JSON)
				.body(body(null, ErrorCodes.INVALID_REQUEST, "Invalid Request: this server sends no messages of its own"
						+ " and offers no listening stream; POST requests to it"));
		}
		ServerResponse response = answered(next.handle(request), null, false);
		if (response.statusCode().is2xxSuccessful()) {
			this.owners.remove(session, keyId);
		}
		return response;
	}

	private ServerResponse post(ServerRequest request, HandlerFunction<ServerResponse> next, String keyId)
			throws Exception {
		byte[] bytes;
		try {
			bytes = Objects.requireNonNullElse(request.body(byte[].class), new byte[0]);
		}
		catch (TooLargeException ex) {
			return error(HttpStatus.PAYLOAD_TOO_LARGE, null, ErrorCodes.INVALID_REQUEST, ex.getMessage());
		}
		catch (IOException | HttpMessageNotReadableException ex) {
			return error(HttpStatus.BAD_REQUEST, null, ErrorCodes.PARSE_ERROR,
					"Parse error: the body could not be read");
		}
		String text;
		try {
			// strictly: bytes that are not text in the charset are not read as U+FFFD
			text = charset(request).newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
		}
		catch (CharacterCodingException ex) {
			return error(HttpStatus.BAD_REQUEST, null, ErrorCodes.PARSE_ERROR,
					"Parse error: the body is not " + charset(request).name() + " text");
		}
		JsonNode message;
		try {
			message = json.readTree(text);
		}
		catch (JsonProcessingException ex) {
			return error(HttpStatus.BAD_REQUEST, null, ErrorCodes.PARSE_ERROR, "Parse error: the body is not JSON");
		}
		ServerResponse invalid = invalid(message);
		if (invalid != null) {
			return invalid;
		}
		Rpc rpc = Rpc.of(message);
		ServerRequest forwarded = ServerRequest.from(request).body(bytes).build();
		if (rpc.isRequest() && McpSchema.METHOD_INITIALIZE.equals(rpc.method())) {
			return initialize(forwarded, next, keyId, rpc);
		}
		String session = request.headers().firstHeader(HttpHeaders.MCP_SESSION_ID);
		if (session == null) {
			return noSessionId(rpc.replyId());
		}
		if (!keyId.equals(this.owners.get(session))) {
			return sessionNotFound(rpc.replyId(), session);
		}
		return inSession(forwarded, next, rpc);
	}

	/**
	 * @param message the body, as JSON
	 * @return the error that answers it when it is not one JSON-RPC 2.0 message object,
	 * or {@code null} when it is one
	 */
	private static ServerResponse invalid(JsonNode message) {
		if (message == null || message.isMissingNode()) {
			return error(HttpStatus.BAD_REQUEST, null, ErrorCodes.PARSE_ERROR,
					"Parse error: the body is empty; send one JSON-RPC 2.0 message");
		}
		if (message.isArray()) {
			return invalidRequest(null, "batches are not supported; send one JSON-RPC 2.0 message per request");
		}
		if (!message.isObject()) {
			return invalidRequest(null, "the body must be one JSON-RPC 2.0 message, a JSON object");
		}
		JsonNode id = message.get("id");
		JsonNode replyId = Rpc.replyId(id);
		if (!"2.0".equals(message.path("jsonrpc").textValue())) {
			return invalidRequest(replyId, "jsonrpc must be \"2.0\"");
		}
		if (id != null && replyId == null) {
			return invalidRequest(null, "id must be a string or an integer");
		}
		JsonNode method = message.get("method");
		if (method != null && !method.isTextual()) {
			return invalidRequest(replyId, "method must be a string");
		}
		if (method == null && (id == null || !(message.has("result") || message.has("error")))) {
			return invalidRequest(replyId, "a request has a method and an id, a notification a method, a response"
					+ " an id and a result or an error");
		}
		JsonNode params = message.get("params");
		if (params != null && !params.isNull() && !params.isObject()) {
			return (method != null && id != null) ? invalidParams(replyId, "params must be an object")
					: invalidRequest(null, "params must be an object");
		}
		return null;
	}

	/**
	 * An {@code initialize} with its params checked, forwarded; a session it opens
	 * belongs to the key that sent it.
	 */
	private ServerResponse initialize(ServerRequest forwarded, HandlerFunction<ServerResponse> next, String keyId,
			Rpc rpc) throws Exception {
		String problem = initializeProblem(rpc.params());
		if (problem != null) {
			return invalidParams(rpc.replyId(), problem);
		}
		ServerResponse response = answered(next.handle(forwarded), rpc.replyId(), false);
		String session = response.headers().getFirst(HttpHeaders.MCP_SESSION_ID);
		if (response.statusCode().is2xxSuccessful() && session != null) {
			this.owners.put(session, keyId);
		}
		return response;
	}

	/**
	 * A message in a session of its key: a request for a method the server answers (a
	 * {@code tools/call} with its arguments checked), a notification or a response,
	 * forwarded.
	 */
	private ServerResponse inSession(ServerRequest forwarded, HandlerFunction<ServerResponse> next, Rpc rpc)
			throws Exception {
		if (rpc.isRequest()) {
			if (!METHODS.contains(rpc.method())) {
				return answer(rpc.replyId(), ErrorCodes.METHOD_NOT_FOUND, "Method not found: " + rpc.method());
			}
			if (McpSchema.METHOD_TOOLS_CALL.equals(rpc.method())) {
				String problem = this.tools.problem(rpc.params());
				if (problem != null) {
					return invalidParams(rpc.replyId(), problem);
				}
			}
		}
		else if (McpSchema.METHOD_NOTIFICATION_ROOTS_LIST_CHANGED.equals(rpc.method())) {
			// the SDK would ask the client for its roots and wait for the answer; ragchat
			// uses no roots
			return ServerResponse.accepted().build();
		}
		return answered(next.handle(forwarded), rpc.replyId(), rpc.method() == null);
	}

	private String initializeProblem(JsonNode params) {
		if (params == null) {
			return "params is required: {protocolVersion, capabilities, clientInfo}";
		}
		if (!params.path("protocolVersion").isTextual()) {
			return "params.protocolVersion must be a string, e.g. \"2025-06-18\"";
		}
		try {
			this.sdkJson.convertValue(params, McpSchema.InitializeRequest.class);
			return null;
		}
		catch (IllegalArgumentException ex) {
			return "params are not those of initialize: {protocolVersion, capabilities, clientInfo}";
		}
	}

	/**
	 * The SDK's answer, or for one of its refusals, whose body is its exception object
	 * (with its stack trace), a JSON-RPC error instead.
	 */
	private static ServerResponse answered(ServerResponse response, JsonNode replyId, boolean toAResponse) {
		HttpStatusCode status = response.statusCode();
		if (!status.isError()) {
			return response;
		}
		Object entity = (response instanceof EntityResponse<?> answer) ? answer.entity() : null;
		String said = (entity instanceof McpError refusal) ? refusal.getMessage()
				: (entity instanceof String text) ? text : null;
		if (status.value() == HttpStatus.NOT_FOUND.value()) {
			return error(status, replyId, SESSION_NOT_FOUND, "Session not found: initialize a new session");
		}
		if (toAResponse) {
			return invalidRequest(replyId, "this server awaits no response with this id");
		}
		if (status.is4xxClientError()) {
			return error(status, replyId, ErrorCodes.INVALID_REQUEST, (said != null) ? said : "Invalid Request");
		}
		logger.warn("The MCP transport answered {}: {}", status.value(), said);
		return error(status, replyId, ErrorCodes.INTERNAL_ERROR,
				(status.value() == HttpStatus.SERVICE_UNAVAILABLE.value()) ? "The server is shutting down"
						: "Internal error: something went wrong on our side; the error was logged");
	}

	private static Charset charset(ServerRequest request) {
		return request.headers()
			.contentType()
			.map(MediaType::getCharset)
			.filter(Objects::nonNull)
			.orElse(StandardCharsets.UTF_8);
	}

	private static String keyId() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.getPrincipal() instanceof Caller caller) ? caller.keyId()
				: null;
	}

	private static ServerResponse noSessionId(JsonNode replyId) {
		return invalidRequest(replyId,
				"send the Mcp-Session-Id header with the session id that the answer to initialize carried");
	}

	private static ServerResponse sessionNotFound(JsonNode replyId, String session) {
		return error(HttpStatus.NOT_FOUND, replyId, SESSION_NOT_FOUND,
				"Session not found: no MCP session '" + session + "'; initialize a new session");
	}

	private static ServerResponse invalidRequest(JsonNode replyId, String detail) {
		return error(HttpStatus.BAD_REQUEST, replyId, ErrorCodes.INVALID_REQUEST, "Invalid Request: " + detail);
	}

	private static ServerResponse invalidParams(JsonNode replyId, String detail) {
		return answer(replyId, ErrorCodes.INVALID_PARAMS, "Invalid params: " + detail);
	}

	/** The answer to a request that is an error: 200, as the SDK answers its own. */
	private static ServerResponse answer(JsonNode replyId, int code, String message) {
		return error(HttpStatus.OK, replyId, code, message);
	}

	private static ServerResponse error(HttpStatusCode status, JsonNode replyId, int code, String message) {
		return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON).body(body(replyId, code, message));
	}

	private static String body(JsonNode replyId, int code, String message) {
		ObjectNode body = json.createObjectNode();
		body.put("jsonrpc", McpSchema.JSONRPC_VERSION);
		body.set("id", (replyId != null) ? replyId : NullNode.instance);
		body.putObject("error").put("code", code).put("message", message);
		return body.toString();
	}

	/**
	 * A JSON-RPC 2.0 message object, once {@link #invalid} found nothing wrong with it.
	 *
	 * @param replyId the id to answer with: the message's, when it is a string or an
	 * integer
	 * @param method its method, or {@code null} for a response
	 * @param params its params, an object, or {@code null} for none
	 * @param isRequest whether it is a request (a method and an id), which is answered
	 */
	private record Rpc(JsonNode replyId, String method, JsonNode params, boolean isRequest) {

		static Rpc of(JsonNode message) {
			JsonNode id = message.get("id");
			JsonNode method = message.get("method");
			JsonNode params = message.get("params");
			return new Rpc(replyId(id), (method != null) ? method.textValue() : null,
					(params != null && !params.isNull()) ? params : null, method != null && id != null);
		}

		static JsonNode replyId(JsonNode id) {
			return (id != null && (id.isTextual() || id.isIntegralNumber())) ? id : null;
		}

	}

}
