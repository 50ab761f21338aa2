package dev.ragchat.api.audit;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragchat.errors.BadUpstreamException;
import dev.ragchat.errors.BusyException;
import dev.ragchat.errors.RagChatException;
import dev.ragchat.errors.UnavailableException;

/**
 * The trail the actions are written to: each event stamped with its time, the person
 * behind the caller and the client's address (those of the request being served, unless
 * taken on its thread before), appended to the file and read back.
 */
final class AuditTrail {

	private final AuditFile file;

	private final Clock clock;

	private final Supplier<String> address;

	private final Supplier<String> person;

	/**
	 * @param file the log
	 * @param json writes and reads the lines
	 * @param clock the time of each event
	 * @param address the current caller's address, {@code null} when there is none
	 * @param person the person behind the current caller (their id), {@code null} when
	 * there is none
	 */
	AuditTrail(Path file, ObjectMapper json, Clock clock, Supplier<String> address, Supplier<String> person) {
		this.file = new AuditFile(file, json);
		this.clock = clock;
		this.address = address;
		this.person = person;
	}

	Path path() {
		return this.file.path();
	}

	/**
	 * @return the current caller's address, {@code null} outside a request
	 */
	String address() {
		return this.address.get();
	}

	/**
	 * Writes an event from the current caller's address.
	 * @param keyId the key that acted
	 * @param action what was done
	 * @param target what it was done to
	 * @param outcome how it went
	 * @param detail what else the action records, or {@code null}
	 */
	void write(String keyId, String action, String target, Outcome outcome, Map<String, Object> detail) {
		write(keyId, this.address.get(), action, target, outcome, detail);
	}

	/**
	 * Writes an event from an address taken before (on the request's thread).
	 * @param keyId the key that acted
	 * @param address the client's address
	 * @param action what was done
	 * @param target what it was done to
	 * @param outcome how it went
	 * @param detail what else the action records, or {@code null}
	 */
	void write(String keyId, String address, String action, String target, Outcome outcome,
			Map<String, Object> detail) {
		this.file.append(new AuditEvent(this.clock.instant(), keyId, this.person.get(), address, action, target,
				outcome.value, detail));
	}

	/**
	 * @param from the earliest time, inclusive ({@code null} for no bound)
	 * @param to the latest time, exclusive ({@code null} for no bound)
	 * @param action only this action ({@code null} for all)
	 * @param limit at most this many, the newest of those that match
	 * @return the matching events, oldest first
	 */
	List<AuditEvent> read(Instant from, Instant to, String action, int limit) {
		return this.file.read(from, to, action, limit);
	}

	/**
	 * How an action went: done, refused (no permission, no such thing, a conflict, bad
	 * input) or failed (the service busy or unavailable, a model server's bad answer).
	 */
	enum Outcome {

		SUCCESS("success"), REFUSED("refused"), FAILED("failed");

		private final String value;

		Outcome(String value) {
			this.value = value;
		}

		/**
		 * @param reason what the caller was told
		 * @return whether the action was refused or failed
		 */
		static Outcome of(RagChatException reason) {
			return switch (reason) {
				case BusyException busy -> FAILED;
				case UnavailableException unavailable -> FAILED;
				case BadUpstreamException upstream -> FAILED;
				default -> REFUSED;
			};
		}

	}

}
