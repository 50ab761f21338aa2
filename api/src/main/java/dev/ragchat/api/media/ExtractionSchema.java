package dev.ragchat.api.media;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import dev.ragchat.errors.RejectedInputException;
import dev.ragchat.errors.TooLargeException;

/**
 * The JSON Schema an extraction asks for, in the allowed subset: {@code object} (with
 * {@code properties}, {@code required}), {@code string} (with {@code enum}, or
 * {@code format: date}), {@code number}, {@code integer}, {@code boolean}, {@code array}
 * (with {@code items} of those), and {@code title}/{@code description} anywhere. The
 * subset keeps schemas the model can follow (Gemini's response schema is an OpenAPI
 * subset) and keeps out {@code $ref}, so nothing is ever loaded from elsewhere.
 * <p>
 * The model's answer is validated with networknt's json-schema-validator (Draft 2020-12,
 * format assertions on), a well-kept library already in Spring AI's dependency tree; only
 * the subset check and the translation to Gemini's schema are ragchat's own.
 */
final class ExtractionSchema {

	private static final ObjectMapper json = new ObjectMapper();

	private static final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
			(builder) -> builder
				.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

	private static final Set<String> TYPES = Set.of("object", "string", "number", "integer", "boolean", "array");

	private static final Map<String, Set<String>> KEYWORDS = Map.of("object",
			Set.of("type", "properties", "required", "title", "description"), "string",
			Set.of("type", "enum", "format", "title", "description"), "array",
			Set.of("type", "items", "title", "description"), "number", Set.of("type", "title", "description"),
			"integer", Set.of("type", "title", "description"), "boolean", Set.of("type", "title", "description"));

	private static final int MAX_DEPTH = 6;

	private static final int MAX_PROPERTIES = 200;

	/**
	 * The most characters a schema may hold, as sent and as stored (the catalog keeps
	 * 100,000): ample for 200 properties with descriptions and enums, and a bounded
	 * prompt.
	 */
	static final int MAX_CHARACTERS = 20_000;

	private final JsonNode schema;

	private final Schema validator;

	private ExtractionSchema(JsonNode schema) {
		this.schema = schema;
		this.validator = registry.getSchema(schema);
	}

	/**
	 * @param text a JSON Schema
	 * @return it, once it is found inside the allowed subset
	 * @throws RejectedInputException if it is not JSON or leaves the subset
	 * @throws TooLargeException if it holds more than {@link #MAX_CHARACTERS} characters
	 */
	static ExtractionSchema parse(String text) {
		if (text != null && text.length() > MAX_CHARACTERS) {
			throw tooLarge(text.length());
		}
		JsonNode schema;
		try {
			schema = json.readTree((text != null) ? text : "");
		}
		catch (JsonProcessingException ex) {
			throw new RejectedInputException("schema must be a JSON Schema object");
		}
		if (schema == null || !schema.isObject() || !"object".equals(schema.path("type").asText())) {
			throw new RejectedInputException("schema must be a JSON Schema of type object");
		}
		int[] properties = { 0 };
		check(schema, "schema", 0, properties);
		// as stored: the same JSON without the sender's white space (escapes may grow it)
		int stored = schema.toString().length();
		if (stored > MAX_CHARACTERS) {
			throw tooLarge(stored);
		}
		return new ExtractionSchema(schema);
	}

	private static TooLargeException tooLarge(int characters) {
		return new TooLargeException("The schema holds " + characters + " characters; at most " + MAX_CHARACTERS
				+ " characters are accepted");
	}

	/**
	 * Checks a node of the schema and what it holds: its type and keywords in the subset,
	 * no deeper than {@value #MAX_DEPTH} levels.
	 * @param properties the properties counted so far, over the whole schema
	 */
	private static void check(JsonNode node, String path, int depth, int[] properties) {
		if (depth > MAX_DEPTH) {
			throw new RejectedInputException(path + " nests deeper than " + MAX_DEPTH + " levels");
		}
		if (!node.isObject() || !node.path("type").isTextual() || !TYPES.contains(node.get("type").asText())) {
			throw new RejectedInputException(
					path + ".type must be one of " + String.join(", ", TYPES.stream().sorted().toList()));
		}
		String type = node.get("type").asText();
		node.fieldNames().forEachRemaining((keyword) -> {
			if (!KEYWORDS.get(type).contains(keyword)) {
				throw new RejectedInputException(path + ": '" + keyword + "' is not in the allowed subset for " + type
						+ " (allowed: " + String.join(", ", KEYWORDS.get(type).stream().sorted().toList()) + ")");
			}
		});
		for (String text : List.of("title", "description")) {
			if (node.has(text) && !node.get(text).isTextual()) {
				throw new RejectedInputException(path + "." + text + " must be a string");
			}
		}
		switch (type) {
			case "object" -> checkObject(node, path, depth, properties);
			case "string" -> checkString(node, path);
			case "array" -> {
				if (!node.has("items")) {
					throw new RejectedInputException(path + ".items is required for an array");
				}
				check(node.get("items"), path + ".items", depth + 1, properties);
			}
			default -> {
			}
		}
	}

	/** An object's properties (at least one) and its required ones (among them). */
	private static void checkObject(JsonNode node, String path, int depth, int[] properties) {
		JsonNode props = node.path("properties");
		if (!props.isObject() || props.isEmpty()) {
			throw new RejectedInputException(path + ".properties must name at least one field");
		}
		props.properties().forEach((property) -> {
			if (++properties[0] > MAX_PROPERTIES) {
				throw new RejectedInputException("schema has more than " + MAX_PROPERTIES + " properties");
			}
			check(property.getValue(), path + ".properties." + property.getKey(), depth + 1, properties);
		});
		if (node.has("required")) {
			JsonNode required = node.get("required");
			if (!required.isArray()) {
				throw new RejectedInputException(path + ".required must be an array of property names");
			}
			required.forEach((name) -> {
				if (!name.isTextual() || !props.has(name.asText())) {
					throw new RejectedInputException(path + ".required names " + name + ", not a property");
				}
			});
		}
	}

	/** A string's format (only a date) and enum (strings, at least one). */
	private static void checkString(JsonNode node, String path) {
		if (node.has("format") && !"date".equals(node.get("format").asText())) {
			throw new RejectedInputException(path + ".format may only be 'date' (YYYY-MM-DD)");
		}
		if (node.has("enum")) {
			JsonNode values = node.get("enum");
			if (!values.isArray() || values.isEmpty()) {
				throw new RejectedInputException(path + ".enum must be a non-empty array of strings");
			}
			values.forEach((value) -> {
				if (!value.isTextual()) {
					throw new RejectedInputException(path + ".enum must be a non-empty array of strings");
				}
			});
		}
	}

	/**
	 * @return the schema as sent
	 */
	String text() {
		return this.schema.toString();
	}

	/**
	 * @return the same schema in Gemini's response-schema form (OpenAPI types in upper
	 * case, a date as a described string, property order kept)
	 */
	String forGemini() {
		return gemini(this.schema).toString();
	}

	private static ObjectNode gemini(JsonNode node) {
		ObjectNode out = json.createObjectNode();
		String type = node.get("type").asText();
		out.put("type", type.toUpperCase(java.util.Locale.ROOT));
		String description = node.path("description").asText(node.path("title").asText(""));
		if ("date".equals(node.path("format").asText())) {
			description = (description.isEmpty() ? "" : description + " ") + "(a date as YYYY-MM-DD)";
		}
		if (!description.isEmpty()) {
			out.put("description", description);
		}
		if (node.has("enum")) {
			out.put("format", "enum");
			out.set("enum", node.get("enum").deepCopy());
		}
		if (node.has("properties")) {
			ObjectNode properties = out.putObject("properties");
			ArrayNode order = json.createArrayNode();
			node.get("properties").properties().forEach((property) -> {
				properties.set(property.getKey(), gemini(property.getValue()));
				order.add(property.getKey());
			});
			out.set("propertyOrdering", order);
		}
		if (node.has("required")) {
			out.set("required", node.get("required").deepCopy());
		}
		if (node.has("items")) {
			out.set("items", gemini(node.get("items")));
		}
		return out;
	}

	/**
	 * @param fields what the model answered
	 * @return why it breaks the schema (empty when it does not)
	 */
	List<String> violations(JsonNode fields) {
		return this.validator.validate(fields).stream().map(Error::toString).limit(10).toList();
	}

}
