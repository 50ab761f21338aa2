package dev.ragchat.api.mcp;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragchat.api.access.Caller;
import dev.ragchat.errors.ForbiddenException;
import dev.ragchat.errors.NotFoundException;
import dev.ragchat.errors.RejectedInputException;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;

/**
 * What every tool does with its call: finds who calls (what the transport put into the
 * call's context under {@link KnowledgeTools#CALLER}), checks what the caller may see,
 * and writes the answer as JSON text with the API's own mapper, as the REST answers are.
 */
final class ToolCalls {

	private final ObjectMapper objectMapper;

	ToolCalls(ObjectMapper objectMapper) {
		this.objectMapper = objectMapper;
	}

	/**
	 * @param answer what the tool answers
	 * @return it as the call's result: one text content, JSON
	 */
	CallToolResult json(Object answer) {
		try {
			return CallToolResult.builder().addTextContent(this.objectMapper.writeValueAsString(answer)).build();
		}
		catch (JsonProcessingException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * @param exchange the call's exchange
	 * @return the caller the transport put into the call's context
	 * @throws ForbiddenException when there is none
	 */
	static Caller caller(McpSyncServerExchange exchange) {
		if (!(exchange.transportContext().get(KnowledgeTools.CALLER) instanceof Caller caller)) {
			throw new ForbiddenException("This needs an API key");
		}
		return caller;
	}

	/**
	 * @param caller who calls
	 * @param knowledgeBase a knowledge base
	 * @return the knowledge base, when the caller is a key that may use it
	 * @throws NotFoundException otherwise, as for a knowledge base that does not exist
	 */
	static String see(Caller caller, String knowledgeBase) {
		if (caller.kind() != Caller.Kind.API_KEY || !caller.mayUse(knowledgeBase)) {
			throw new NotFoundException("No knowledge base '" + knowledgeBase + "'");
		}
		return knowledgeBase;
	}

	static String required(String name, String value) {
		if (value == null) {
			throw new RejectedInputException(name + " is required");
		}
		return value;
	}

	/**
	 * @param pairs names and values, in turn
	 * @return them as a map in that order (which, unlike {@link Map#of}, takes
	 * {@code null} values)
	 */
	static Map<String, Object> ordered(Object... pairs) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put((String) pairs[i], pairs[i + 1]);
		}
		return map;
	}

}
