package dev.ragchat.api.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit file as the tests read it: every line parsed as JSON.
 */
public final class AuditLog {

	private static final ObjectMapper json = new ObjectMapper();

	private AuditLog() {
	}

	public static List<JsonNode> events(Path file) throws IOException {
		List<JsonNode> events = new ArrayList<>();
		if (!Files.exists(file)) {
			return events;
		}
		for (String line : Files.readAllLines(file)) {
			if (!line.isBlank()) {
				events.add(json.readTree(line));
			}
		}
		return events;
	}

	/**
	 * @param file the audit file
	 * @param action the action
	 * @param target the target
	 * @return the one event with that action and target (fails unless there is exactly
	 * one)
	 * @throws IOException if the file cannot be read
	 */
	public static JsonNode single(Path file, String action, String target) throws IOException {
		return single(file,
				(e) -> action.equals(e.path("action").asText()) && target.equals(e.path("target").asText()));
	}

	public static JsonNode single(Path file, Predicate<JsonNode> which) throws IOException {
		List<JsonNode> matching = events(file).stream().filter(which).toList();
		assertThat(matching).hasSize(1);
		JsonNode event = matching.get(0);
		assertThat(event.has("time")).isTrue();
		java.time.Instant.parse(event.get("time").asText());
		return event;
	}

}
