package dev.ragchat.api.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragchat.api.PrivateFiles;

/**
 * The append-only JSON-lines file. A writer of its own rather than a Logback appender:
 * Logback's configuration is one per JVM and is read before the data directory is known,
 * while each application context (several in one test run, each possibly with its own
 * data directory) must write where its own data directory says; and the file must be
 * owner-only like the rest of the data directory. Each event is one {@code write} of one
 * line in append mode, so concurrent writers never interleave within a line.
 */
final class AuditFile {

	private final Path file;

	private final ObjectMapper json;

	AuditFile(Path file, ObjectMapper json) {
		this.file = file;
		this.json = json;
	}

	Path path() {
		return this.file;
	}

	synchronized void append(AuditEvent event) {
		try {
			byte[] line = (this.json.writeValueAsString(event) + "\n").getBytes(StandardCharsets.UTF_8);
			if (!Files.exists(this.file)) {
				try {
					PrivateFiles.writeNew(this.file, new byte[0]);
				}
				catch (java.nio.file.FileAlreadyExistsException ex) {
					// another writer created it first
				}
			}
			Files.write(this.file, line, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the audit log " + this.file, ex);
		}
	}

	/**
	 * @param from the earliest time, inclusive ({@code null} for no bound)
	 * @param to the latest time, exclusive ({@code null} for no bound)
	 * @param action only this action ({@code null} for all)
	 * @param limit at most this many, the newest of those that match
	 * @return the matching events, oldest first
	 */
	List<AuditEvent> read(Instant from, Instant to, String action, int limit) {
		if (!Files.exists(this.file)) {
			return List.of();
		}
		Deque<AuditEvent> newest = new ArrayDeque<>();
		try (BufferedReader reader = Files.newBufferedReader(this.file, StandardCharsets.UTF_8)) {
			String line;
			while ((line = reader.readLine()) != null) {
				AuditEvent event = parse(line);
				if (event != null && matches(event, from, to, action)) {
					newest.addLast(event);
					if (newest.size() > limit) {
						newest.removeFirst();
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the audit log " + this.file, ex);
		}
		return List.copyOf(newest);
	}

	private AuditEvent parse(String line) {
		if (line.isBlank()) {
			return null;
		}
		try {
			return this.json.readValue(line, AuditEvent.class);
		}
		catch (JsonProcessingException ex) {
			// a line torn by a crash: skipped, the rest is still readable
			return null;
		}
	}

	private static boolean matches(AuditEvent event, Instant from, Instant to, String action) {
		return (from == null || !event.time().isBefore(from)) && (to == null || event.time().isBefore(to))
				&& (action == null || action.equals(event.action()));
	}

}
