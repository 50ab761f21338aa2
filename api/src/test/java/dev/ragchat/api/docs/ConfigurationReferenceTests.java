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
 * {@code docs/configuration.md} (the settings operators change, at most
 * {@value #MOST_OPERATOR_SETTINGS}, and the settings that were removed) and
 * {@code docs/configuration-advanced.md} (limits, timeouts, backends' details, and the
 * tuning chosen by measurement) are written from Spring Boot's configuration metadata of
 * the five modules (the configuration processor runs in each): this test fails when a
 * file is stale or a {@code ragchat.*} property has no description. To write them anew:
 * {@code ./mvnw -pl api -am test -Dtest=ConfigurationReferenceTests -Dsurefire.failIfNoSpecifiedTests=false -Dragchat.docs.write=true}.
 */
class ConfigurationReferenceTests {

	static final Path REFERENCE = Path.of("..", "docs", "configuration.md");

	static final Path ADVANCED = Path.of("..", "docs", "configuration-advanced.md");

	static final int MOST_OPERATOR_SETTINGS = 40;

	/**
	 * The settings operators change: where data and keys live, the certificate, which
	 * backends (catalog, index, blob store, generator, reranker, embedding model) and
	 * their addresses and keys, workers, token and key lifetimes, backups, sync roots,
	 * audit, the request budget, people's admin groups and the address they reach the
	 * server at. A backend's finer details (the S3 key prefix) are advanced.
	 */
	static final List<String> OPERATOR_SETTINGS = List.of("ragchat.data-dir", "ragchat.master-key", "ragchat.tls.cert",
			"ragchat.tls.key", "ragchat.catalog.store", "ragchat.retrieval.index", "ragchat.blobs.store",
			"ragchat.blobs.s3.bucket", "ragchat.blobs.s3.endpoint", "ragchat.blobs.s3.region", "ragchat.chat.generator",
			"ragchat.chat.ollama.base-url", "ragchat.chat.ollama.model", "ragchat.chat.openai.base-url",
			"ragchat.chat.openai.api-key", "ragchat.chat.openai.model", "ragchat.chat.gemini.api-key",
			"ragchat.chat.gemini.model", "ragchat.chat.gemini.project-id", "ragchat.chat.llama.model-path",
			"ragchat.rerank.url", "ragchat.rerank.api-key", "ragchat.rerank.model",
			"ragchat.retrieval.embedding.provider", "ragchat.retrieval.embedding.api-key",
			"ragchat.retrieval.embedding.model", "ragchat.ingestion.workers", "ragchat.ingestion.ocr-language",
			"ragchat.chat.top-k", "ragchat.jwt.ttl", "ragchat.keys.max-ttl", "ragchat.backup.target",
			"ragchat.backup.schedule", "ragchat.backup.keep", "ragchat.sync.folder-roots", "ragchat.audit.level",
			"ragchat.rate-limit.per-key-requests", "ragchat.sync.web.hosts", "ragchat.people.admin-groups",
			"ragchat.people.public-url");

	/**
	 * Settings whose defaults were chosen by measurement (the decision records in
	 * {@code docs/decisions/}): kept as settings so that an evaluation can try another
	 * value, documented apart.
	 */
	static final List<String> TUNING = List.of("ragchat.retrieval.hybrid-fusion", "ragchat.retrieval.hybrid-k",
			"ragchat.retrieval.vector-weight", "ragchat.retrieval.keyword-weight",
			"ragchat.retrieval.hybrid-candidates", "ragchat.retrieval.hybrid-one-per-page",
			"ragchat.retrieval.hybrid-period-weight", "ragchat.retrieval.hybrid-vector-spread",
			"ragchat.retrieval.query-context-weight", "ragchat.retrieval.keyword-statistics",
			"ragchat.retrieval.exact-vector-search-up-to", "ragchat.retrieval.vector-candidates",
			"ragchat.retrieval.hnsw-max-connections", "ragchat.retrieval.hnsw-beam-width",
			"ragchat.retrieval.vector-quantization", "ragchat.retrieval.index-ram-buffer-mb",
			"ragchat.retrieval.embedding-batch", "ragchat.retrieval.embedding-threads", "ragchat.chat.min-similarity",
			"ragchat.chat.names", "ragchat.chat.overlap-weight", "ragchat.chat.question-terms",
			"ragchat.chat.quote-first-source", "ragchat.chat.rank-weight", "ragchat.chat.max-sentences",
			"ragchat.chat.page-context", "ragchat.chat.sentence-cache", "ragchat.ingestion.chunk-tokens",
			"ragchat.ingestion.chunk-overlap-tokens", "ragchat.ingestion.quick-max-pages",
			"ragchat.ingestion.quick-max-text", "ragchat.ingestion.quick-workers", "ragchat.rerank.candidates",
			"ragchat.rerank.max-document-length", "ragchat.rerank.min-score");

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
	void operatorsHaveAtMostFortySettingsAndEachExists() throws IOException {
		assertThat(OPERATOR_SETTINGS).hasSizeLessThanOrEqualTo(MOST_OPERATOR_SETTINGS).doesNotHaveDuplicates();
		assertThat(properties().keySet()).as("settings named as operator settings or tuning must exist")
			.containsAll(OPERATOR_SETTINGS)
			.containsAll(TUNING);
		assertThat(TUNING).doesNotContainAnyElementsOf(OPERATOR_SETTINGS);
	}

	@Test
	void theConfigurationReferenceIsWrittenFromTheMetadataOfAllModules() throws IOException {
		Map<String, JsonNode> properties = properties();
		assertThat(properties.keySet()).as("one property of each module")
			.contains("ragchat.retrieval.hybrid-k", "ragchat.ingestion.workers", "ragchat.rerank.url",
					"ragchat.chat.generator", "ragchat.sync.folder-roots");
		check(REFERENCE, renderOperatorSettings(properties, removed()));
		check(ADVANCED, renderAdvanced(properties));
	}

	private static void check(Path file, String written) throws IOException {
		if (Boolean.getBoolean("ragchat.docs.write")) {
			Files.writeString(file, written);
		}
		assertThat(Files.exists(file) ? Files.readString(file) : "")
			.as("docs/" + file.getFileName() + " is stale; write it anew with ./mvnw -pl api -am test"
					+ " -Dtest=ConfigurationReferenceTests -Dsurefire.failIfNoSpecifiedTests=false"
					+ " -Dragchat.docs.write=true")
			.isEqualTo(written);
	}

	/**
	 * @return every {@code ragchat.*} property in the metadata on the class path (this
	 * module's and its dependencies'), by name
	 */
	static Map<String, JsonNode> properties() throws IOException {
		return metadata(false);
	}

	/**
	 * @return every {@code ragchat.*} property that was removed (deprecated in the
	 * metadata), by name
	 */
	static Map<String, JsonNode> removed() throws IOException {
		return metadata(true);
	}

	private static Map<String, JsonNode> metadata(boolean deprecated) throws IOException {
		Map<String, JsonNode> properties = new TreeMap<>();
		for (URL url : Collections.list(ConfigurationReferenceTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream in = url.openStream()) {
				for (JsonNode property : json.readTree(in).path("properties")) {
					String name = property.get("name").asText();
					if (name.startsWith("ragchat.") && property.has("deprecation") == deprecated) {
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

	private static String renderOperatorSettings(Map<String, JsonNode> properties, Map<String, JsonNode> removed) {
		StringBuilder out = new StringBuilder();
		out.append("# Configuration\n\n")
			.append("The settings operators change, written from the configuration metadata of the five modules\n")
			.append("(`ConfigurationReferenceTests` fails the build when this file is stale). Set a property in\n")
			.append("`application.yml`, as a command-line argument (`--ragchat.chat.top-k=8`) or as the\n")
			.append("environment variable beside it. Limits, timeouts, the details of each backend and the\n")
			.append("tuning chosen by measurement are in [configuration-advanced.md](configuration-advanced.md).\n");
		Map<String, JsonNode> operator = new TreeMap<>(properties);
		operator.keySet().retainAll(OPERATOR_SETTINGS);
		table(out, operator, 2);
		out.append("\n## Removed settings\n\n")
			.append("Setting one of these stops the start, with a message naming what took its place.\n\n")
			.append("| Property | Use instead | Why |\n|---|---|---|\n");
		for (JsonNode property : removed.values()) {
			JsonNode deprecation = property.path("deprecation");
			String replacement = deprecation.path("replacement").asText("");
			out.append("| `")
				.append(property.get("name").asText())
				.append("` | ")
				.append(replacement.isEmpty() ? "nothing" : "`" + replacement + "`")
				.append(" | ")
				.append(cell(deprecation.path("reason").asText("")))
				.append(" |\n");
		}
		return out.toString();
	}

	private static String renderAdvanced(Map<String, JsonNode> properties) {
		StringBuilder out = new StringBuilder();
		out.append("# Advanced configuration\n\n")
			.append("The settings beyond [configuration.md](configuration.md), written from the configuration\n")
			.append("metadata of the five modules like it.\n\n")
			.append("## Limits, timeouts and backends' details\n");
		Map<String, JsonNode> limits = new TreeMap<>(properties);
		limits.keySet().removeAll(OPERATOR_SETTINGS);
		limits.keySet().removeAll(TUNING);
		table(out, limits, 3);
		out.append("\n## Tuning\n\n")
			.append("Defaults chosen by measurement (the [decision records](decisions/) give the question, the\n")
			.append("options measured and the figures). The published figures hold for these defaults; change\n")
			.append("one to try another value in an evaluation of your own documents, not to fix one answer.\n");
		Map<String, JsonNode> tuning = new TreeMap<>(properties);
		tuning.keySet().retainAll(TUNING);
		table(out, tuning, 3);
		return out.toString();
	}

	/**
	 * Writes properties as tables, one per group ({@code ragchat.x}).
	 */
	private static void table(StringBuilder out, Map<String, JsonNode> properties, int level) {
		Map<String, List<JsonNode>> groups = new TreeMap<>();
		for (JsonNode property : properties.values()) {
			String name = property.get("name").asText();
			String[] parts = name.split("\\.");
			String group = (parts.length > 2) ? parts[0] + "." + parts[1] : "ragchat";
			groups.computeIfAbsent(group, (g) -> new ArrayList<>()).add(property);
		}
		for (Map.Entry<String, List<JsonNode>> group : groups.entrySet()) {
			out.append("\n").append("#".repeat(level)).append(" `").append(group.getKey()).append("`\n\n");
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
