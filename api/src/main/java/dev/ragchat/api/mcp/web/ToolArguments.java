package dev.ragchat.api.mcp.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * The {@code params} of a {@code tools/call} checked before the SDK sees them: a tool
 * named by a string, arguments an object, and the arguments valid against the tool's
 * input schema (JSON Schema, Draft 2020-12, with networknt's json-schema-validator, as
 * {@code ExtractionSchema} does). What fails is an Invalid params error naming the
 * argument, and for an integer its allowed range, so that {@code top_k: 4294967301} never
 * reaches a tool.
 * <p>
 * A gap of the SDK and of mcp-annotations, which are left to do the rest: the SDK (0.17)
 * calls a tool with whatever arguments come (its schema validator checks only a tool's
 * structured output), and mcp-annotations (0.8) converts them to the method's parameter
 * types leniently, not checking them against the schema it generated: a number where a
 * string belongs becomes its digits, {@code "yes"} for a boolean {@code false}, a bound
 * is not looked at, and a required argument left out arrives as {@code null}. The schemas
 * checked here are the ones the tools list ({@code tools/list}), generated from the tool
 * methods' typed parameters.
 */
final class ToolArguments {

	private static final SchemaRegistry registry = SchemaRegistry
		.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

	private static final ObjectMapper json = new ObjectMapper();

	private final Map<String, Tool> tools = new HashMap<>();

	/**
	 * @param tools the server's tools, with their input schemas
	 */
	ToolArguments(List<McpSchema.Tool> tools) {
		for (McpSchema.Tool tool : tools) {
			JsonNode schema = json.valueToTree(tool.inputSchema());
			this.tools.put(tool.name(), new Tool(schema, registry.getSchema(schema)));
		}
	}

	/**
	 * @param params the {@code params} of a {@code tools/call}: an object or {@code null}
	 * @return what is wrong with them, or {@code null} when the SDK and the tool may take
	 * them
	 */
	String problem(JsonNode params) {
		if (params == null) {
			return "params is required: {\"name\": a tool of tools/list, \"arguments\": {...}}";
		}
		JsonNode name = params.get("name");
		if (name == null || name.isNull()) {
			return "params.name is required: the name of a tool of tools/list";
		}
		if (!name.isTextual()) {
			return "params.name must be a string: the name of a tool of tools/list";
		}
		Tool tool = this.tools.get(name.asText());
		if (tool == null) {
			return "Unknown tool '" + name.asText() + "': tools/list names the tools";
		}
		JsonNode meta = params.get("_meta");
		if (meta != null && !meta.isNull() && !meta.isObject()) {
			return "params._meta must be an object";
		}
		JsonNode arguments = params.get("arguments");
		if (arguments == null || arguments.isNull()) {
			arguments = json.createObjectNode();
		}
		else if (!arguments.isObject()) {
			return "params.arguments must be an object: the tool's arguments by name";
		}
		List<Error> errors = tool.validator().validate(arguments);
		return errors.isEmpty() ? null : describe(tool.schema(), errors.get(0));
	}

	private static String describe(JsonNode schema, Error error) {
		if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
			return error.getProperty() + " is required";
		}
		if (error.getInstanceLocation().getNameCount() == 0) {
			return "arguments: " + error.getMessage();
		}
		String argument = String.valueOf(error.getInstanceLocation().getElement(0));
		JsonNode property = schema.path("properties").path(argument);
		String type = property.path("type").asText();
		if (type.equals("integer") || type.equals("number")) {
			return argument + " must be " + (type.equals("integer") ? "an integer" : "a number") + range(property);
		}
		return argument + ": " + error.getMessage();
	}

	private static String range(JsonNode property) {
		JsonNode minimum = property.get("minimum");
		JsonNode maximum = property.get("maximum");
		if (minimum != null && maximum != null) {
			return " from " + minimum.asText() + " to " + maximum.asText();
		}
		if (minimum != null) {
			return " of at least " + minimum.asText();
		}
		return (maximum != null) ? " of at most " + maximum.asText() : "";
	}

	private record Tool(JsonNode schema, Schema validator) {
	}

}
