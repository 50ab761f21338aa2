package dev.ragchat.api.docs;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/configuration.md} is written from Spring Boot's configuration metadata of
 * the three modules (the configuration processor runs in each): this test fails when the
 * file is stale or a {@code ragchat.*} property has no description. To write it anew:
 * {@code ./mvnw -pl api -am test -Dtest=ConfigurationReferenceTests -Dsurefire.failIfNoSpecifiedTests=false -Dragchat.docs.write=true}.
 */
class ConfigurationReferenceTests {

	static final Path REFERENCE = Path.of("..", "docs", "configuration.md");

	private static final ObjectMapper json = new ObjectMapper();

	@Test
	void everyPropertyOfEveryModuleHasADescription() throws IOException {
		List<String> undescribed = properties().values()
			.stream()
			.filter((p) -> !p.hasNonNull("description") || p.get("description").asText().isBlank())
			.map((p) -> p.get("name").asText())
			.toList();
		assertThat(undescribed).as("properties without a description (a javadoc @param or field comment)").isEmpty();
	}

	@Test
	void theConfigurationReferenceIsWrittenFromTheMetadataOfAllModules() throws IOException {
		Map<String, JsonNode> properties = properties();
		assertThat(properties.keySet()).as("one property of each module")
			.contains("ragchat.retrieval.hybrid-k", "ragchat.ingestion.workers", "ragchat.chat.generator");
		String written = render(properties);
		if (Boolean.getBoolean("ragchat.docs.write")) {
			Files.writeString(REFERENCE, written);
		}
		assertThat(Files.exists(REFERENCE) ? Files.readString(REFERENCE) : "")
			.as("docs/configuration.md is stale; write it anew with ./mvnw -pl api -am test"
					+ " -Dtest=ConfigurationReferenceTests -Dsurefire.failIfNoSpecifiedTests=false"
					+ " -Dragchat.docs.write=true")
			.isEqualTo(written);
	}

	/**
	 * @return every {@code ragchat.*} property in the metadata on the class path (this
	 * module's and its dependencies'), by name
	 */
	static Map<String, JsonNode> properties() throws IOException {
		Map<String, JsonNode> properties = new TreeMap<>();
		for (URL url : Collections.list(ConfigurationReferenceTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream in = url.openStream()) {
				for (JsonNode property : json.readTree(in).path("properties")) {
					String name = property.get("name").asText();
					if (name.startsWith("ragchat.") && !property.has("deprecation")) {
						properties.put(name, property);
					}
				}
			}
		}
		return properties;
	}

	/**
	 * @param property a property's name
	 * @return the environment variable that sets it, in the form the README uses
	 */
	static String variable(String property) {
		return property.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
	}

	private static String render(Map<String, JsonNode> properties) {
		StringBuilder out = new StringBuilder();
		out.append("# Configuration reference\n\n")
			.append("Every `ragchat.*` setting, written from the configuration metadata of the three modules\n")
			.append("(`ConfigurationReferenceTests` fails the build when this file is stale). Set a property in\n")
			.append("`application.yml`, as a command-line argument (`--ragchat.chat.top-k=8`) or as the\n")
			.append("environment variable beside it. The settings most people change are in the README.\n");
		Map<String, List<JsonNode>> groups = new TreeMap<>();
		for (JsonNode property : properties.values()) {
			String name = property.get("name").asText();
			String[] parts = name.split("\\.");
			String group = (parts.length > 2) ? parts[0] + "." + parts[1] : "ragchat";
			groups.computeIfAbsent(group, (g) -> new ArrayList<>()).add(property);
		}
		for (Map.Entry<String, List<JsonNode>> group : groups.entrySet()) {
			out.append("\n## `").append(group.getKey()).append("`\n\n");
			out.append("| Property | Environment variable | Default | Description |\n|---|---|---|---|\n");
			for (JsonNode property : group.getValue()) {
				String name = property.get("name").asText();
				out.append("| `")
					.append(name)
					.append("` | `")
					.append(variable(name))
					.append("` | ")
					.append(defaultValue(property))
					.append(" | ")
					.append(cell(property.path("description").asText("")))
					.append(" |\n");
			}
		}
		return out.toString();
	}

	private static String defaultValue(JsonNode property) {
		JsonNode value = property.get("defaultValue");
		if (value == null || value.isNull()) {
			return "";
		}
		String text = value.asText();
		if (value.isArray()) {
			List<String> items = new ArrayList<>();
			value.forEach((item) -> items.add(item.asText()));
			text = String.join(",", items);
		}
		return text.isEmpty() ? "(empty)" : "`" + text + "`";
	}

	/**
	 * A description as a table cell: javadoc's {@code {@code x}} as code, {@code {@link
	 * X}} as its name, no line breaks or pipes that would end the cell.
	 */
	private static String cell(String description) {
		String text = description.replaceAll("\\{@code ([^}]*)}", "`$1`")
			.replaceAll("\\{@link(?:plain)? ([^}]*)}", "`$1`")
			.replaceAll("\\s+", " ")
			.replace("|", "\\|")
			.strip();
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

}
