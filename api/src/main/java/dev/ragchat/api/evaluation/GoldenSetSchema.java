package dev.ragchat.api.evaluation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;

/**
 * The JSON Schema of a golden set's line ({@code golden-set-line.schema.json} beside this
 * class, Draft 2020-12), checked with networknt's json-schema-validator, and its first
 * violation as a field and a sentence. The wording is ragchat's: the library's messages
 * name JSON pointers and regular expressions.
 */
final class GoldenSetSchema {

	static final String RESOURCE = "golden-set-line.schema.json";

	private static final int MAX_SHOWN_NAME = 100;

	private static final JsonNode node = load();

	private static final Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
		.getSchema(node);

	private GoldenSetSchema() {
	}

	/**
	 * @param line a line, a JSON object
	 * @return its first violation: a field it must not have first (a benchmark's own
	 * layout, a misspelt field), then the others in the schema's order
	 */
	static Optional<Violation> check(JsonNode line) {
		List<Error> errors = new ArrayList<>(schema.validate(line));
		errors.sort(Comparator.comparing((Error error) -> !"additionalProperties".equals(error.getKeyword())));
		return errors.stream().findFirst().map(GoldenSetSchema::violation);
	}

	private static Violation violation(Error error) {
		String field = field(error.getInstanceLocation(), error.getProperty());
		String name = "\"" + field + "\"";
		JsonNode at = error.getSchemaNode();
		String reason = switch (error.getKeyword()) {
			case "required" -> name + " is missing";
			case "additionalProperties" -> name + " is not a field of " + object(error);
			case "type" -> name + " is " + types(at);
			case "pattern" -> name + " is empty";
			case "enum" -> name + " is " + values(at);
			case "minimum" -> name + " is at least " + at.asText();
			case "maximum" -> name + " is at most " + at.asText();
			case "maxLength" -> name + " is longer than " + at.asText() + " characters";
			case "maxItems" -> name + " holds more than " + at.asText() + " entries";
			default -> name + ": " + error.getMessage();
		};
		return new Violation(field, reason);
	}

	/** {@code /pages/0/page} as {@code pages[0].page}, the property of a required one. */
	private static String field(NodePath location, String property) {
		StringBuilder field = new StringBuilder();
		for (int i = 0; i < location.getNameCount(); i++) {
			Object element = location.getElement(i);
			if (element instanceof Integer index) {
				field.append('[').append(index).append(']');
			}
			else {
				field.append(field.isEmpty() ? "" : ".").append(element);
			}
		}
		if (property != null) {
			field.append(field.isEmpty() ? "" : ".").append(shown(property));
		}
		return field.toString();
	}

	private static String shown(String name) {
		return (name.length() > MAX_SHOWN_NAME) ? name.substring(0, MAX_SHOWN_NAME) + "…" : name;
	}

	/** The object whose fields the schema lists where a field is not allowed. */
	private static String object(Error error) {
		NodePath keyword = error.getSchemaLocation().getFragment();
		StringBuilder pointer = new StringBuilder();
		for (int i = 0; i < keyword.getNameCount() - 1; i++) {
			pointer.append('/').append(keyword.getName(i));
		}
		JsonNode properties = node.at(pointer.toString()).path("properties");
		String fields = properties.propertyStream()
			.map((property) -> property.getKey())
			.collect(Collectors.joining(", "));
		String what = (error.getInstanceLocation().getNameCount() == 0) ? "a golden set line"
				: "\"" + field(error.getInstanceLocation(), null) + "\"";
		return what + " (the fields: " + fields + ")";
	}

	private static String types(JsonNode types) {
		List<String> names = new ArrayList<>();
		(types.isArray() ? types.valueStream() : java.util.stream.Stream.of(types)).map(JsonNode::asText)
			.filter((type) -> !type.equals("null"))
			.forEach((type) -> names.add(switch (type) {
				case "string" -> "a text";
				case "array" -> "a list";
				case "object" -> "an object";
				case "integer" -> "a whole number";
				case "number" -> "a number";
				case "boolean" -> "true or false";
				default -> type;
			}));
		return String.join(" or ", names);
	}

	private static String values(JsonNode values) {
		return values.valueStream().map((value) -> value.toString()).collect(Collectors.joining(" or "));
	}

	private static JsonNode load() {
		try (InputStream in = GoldenSetSchema.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(RESOURCE + " is not on the class path");
			}
			return new ObjectMapper().readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A line's first violation of the schema.
	 *
	 * @param field the field, as {@code pages[0].page}
	 * @param reason what is wrong with it, a sentence that starts with the field's name
	 */
	record Violation(String field, String reason) {

	}

}
