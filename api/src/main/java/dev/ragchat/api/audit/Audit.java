package dev.ragchat.api.audit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragchat.api.audit.AuditTrail.Outcome;
import dev.ragchat.errors.RagChatException;

/**
 * Records security-relevant actions, one event each, called at the edges (controllers and
 * security filters): what each action records, written to the {@link AuditTrail}. Takes
 * key ids, never keys; a question's text only at the {@code request} level.
 */
public final class Audit {

	/**
	 * The request attribute that names the person behind the caller (their id), set where
	 * the caller is authenticated.
	 */
	public static final String PERSON_ATTRIBUTE = Audit.class.getName() + ".person";

	/** The key id recorded for the master key. */
	public static final String MASTER = "master";

	private static final int MAX_REASON = 300;

	private final AuditProperties properties;

	private final AuditTrail trail;

	/**
	 * @param properties the level
	 * @param dataDir the data directory; the log is {@code audit/audit.jsonl} in it
	 * @param clock the time of each event
	 * @param json writes and reads the lines
	 * @param address the current caller's address, {@code null} when there is none
	 */
	public Audit(AuditProperties properties, Path dataDir, Clock clock, ObjectMapper json, Supplier<String> address) {
		this(properties, dataDir, clock, json, address, () -> null);
	}

	/**
	 * @param properties the level
	 * @param dataDir the data directory; the log is {@code audit/audit.jsonl} in it
	 * @param clock the time of each event
	 * @param json writes and reads the lines
	 * @param address the current caller's address, {@code null} when there is none
	 * @param person the person behind the current caller (their id), {@code null} when
	 * there is none
	 */
	public Audit(AuditProperties properties, Path dataDir, Clock clock, ObjectMapper json, Supplier<String> address,
			Supplier<String> person) {
		this.properties = properties;
		this.trail = new AuditTrail(dataDir.resolve("audit").resolve("audit.jsonl"), json, clock, address, person);
	}

	/**
	 * @return where the log is
	 */
	public Path file() {
		return this.trail.path();
	}

	public void keyIssued(String actor, String keyId) {
		write(actor(actor), "key.issued", "key:" + keyId, Outcome.SUCCESS, null);
	}

	public void keyRevoked(String actor, String keyId) {
		write(actor(actor), "key.revoked", "key:" + keyId, Outcome.SUCCESS, null);
	}

	/**
	 * A known key presented after it expired: refused.
	 * @param keyId its id
	 */
	public void expiredKeyUsed(String keyId) {
		write(keyId, "key.expired-used", "key:" + keyId, Outcome.REFUSED, null);
	}

	/**
	 * A credential that did not authenticate.
	 * @param credential what kind it was: {@code master-key}, {@code api-key} or
	 * {@code session-token}
	 */
	public void signInFailed(String credential) {
		write(null, "sign-in.failed", "credential:" + credential, Outcome.FAILED, null);
	}

	/**
	 * A credential refused because its address has used up its failed-authentication
	 * budget.
	 * @param credential what kind it was
	 */
	public void lockedOut(String credential) {
		write(null, "sign-in.locked-out", "credential:" + credential, Outcome.REFUSED, null);
	}

	public void knowledgeBaseCreated(String actor, String knowledgeBase) {
		write(actor(actor), "knowledge-base.created", "knowledge-base:" + knowledgeBase, Outcome.SUCCESS, null);
	}

	public void knowledgeBaseDeleted(String actor, String knowledgeBase) {
		write(actor(actor), "knowledge-base.deleted", "knowledge-base:" + knowledgeBase, Outcome.SUCCESS, null);
	}

	public void documentCreated(String actor, String knowledgeBase, String document) {
		write(actor(actor), "document.created", "document:" + knowledgeBase + "/" + document, Outcome.SUCCESS, null);
	}

	/**
	 * @param actor the key that replaced it
	 * @param knowledgeBase its knowledge base
	 * @param document the document
	 * @param version the version it now has (queued)
	 */
	public void documentReplaced(String actor, String knowledgeBase, String document, int version) {
		write(actor(actor), "document.replaced", "document:" + knowledgeBase + "/" + document, Outcome.SUCCESS,
				Map.of("version", version));
	}

	/**
	 * A knowledge-base or document operation that was refused (no permission, no such
	 * knowledge base or document, a conflict, bad input) or failed: the same action as
	 * its success, with the outcome {@code refused} or {@code failed} and the reason the
	 * caller was told (refusals carry no secret).
	 * @param actor the key that asked
	 * @param action the action it asked for, e.g. {@code knowledge-base.deleted}
	 * @param target what it asked it of; {@code knowledge-bases} or
	 * {@code documents:<kb>} when there was no id yet
	 * @param reason the refusal
	 */
	public void refused(String actor, String action, String target, RagChatException reason) {
		String message = String.valueOf(reason.getMessage());
		write(actor(actor), action, target, Outcome.of(reason),
				Map.of("reason", (message.length() > MAX_REASON) ? message.substring(0, MAX_REASON) + "…" : message));
	}

	public void documentDeleted(String actor, String knowledgeBase, String document) {
		write(actor(actor), "document.deleted", "document:" + knowledgeBase + "/" + document, Outcome.SUCCESS, null);
	}

	public void sourceCreated(String actor, String knowledgeBase, String source, String location) {
		write(actor(actor), "source.created", "source:" + knowledgeBase + "/" + source, Outcome.SUCCESS,
				Map.of("location", location));
	}

	/**
	 * @param actor who chose
	 * @param kind the kind of model chosen in the console
	 * @param model its model, or {@code null}
	 */
	public void modelChosen(String actor, String kind, String model) {
		Map<String, Object> detail = new java.util.LinkedHashMap<>();
		detail.put("kind", kind);
		if (model != null) {
			detail.put("model", model);
		}
		write(actor(actor), "model.chosen", "generator", Outcome.SUCCESS, detail);
	}

	public void modelReset(String actor) {
		write(actor(actor), "model.reset", "generator", Outcome.SUCCESS, null);
	}

	/**
	 * @param actor who chose
	 * @param configId the chat config given a model of its own
	 * @param kind its kind
	 * @param model its model, or {@code null}
	 */
	public void chatConfigModelChosen(String actor, String configId, String kind, String model) {
		Map<String, Object> detail = new java.util.LinkedHashMap<>();
		detail.put("kind", kind);
		if (model != null) {
			detail.put("model", model);
		}
		write(actor(actor), "model.chosen", "generator:" + configId, Outcome.SUCCESS, detail);
	}

	public void chatConfigModelReset(String actor, String configId) {
		write(actor(actor), "model.reset", "generator:" + configId, Outcome.SUCCESS, null);
	}

	/**
	 * @param actor who offered it
	 * @param name the name people pick the model by
	 * @param kind its kind
	 */
	public void modelOffered(String actor, String name, String kind) {
		write(actor(actor), "model.offered", "model:" + name, Outcome.SUCCESS, Map.of("kind", kind));
	}

	/**
	 * @param actor who withdrew it
	 * @param name the name people picked the model by
	 */
	public void modelWithdrawn(String actor, String name) {
		write(actor(actor), "model.withdrawn", "model:" + name, Outcome.SUCCESS, null);
	}

	/**
	 * @param actor who granted or withdrew
	 * @param knowledgeBase the knowledge base
	 * @param grantee {@code group:…} or {@code person:…}
	 * @param permission what was granted, or {@code null} when the grant was withdrawn
	 */
	public void granted(String actor, String knowledgeBase, String grantee, String permission) {
		write(actor(actor), (permission != null) ? "grant.given" : "grant.withdrawn", "knowledge-base:" + knowledgeBase,
				Outcome.SUCCESS, (permission != null) ? Map.of("grantee", grantee, "permission", permission)
						: Map.of("grantee", grantee));
	}

	/**
	 * @param actor who removed them
	 * @param person the person removed (their keys revoked)
	 */
	public void personRemoved(String actor, String person) {
		write(actor(actor), "person.removed", "person:" + person, Outcome.SUCCESS, null);
	}

	/**
	 * @param keyId the key their console acts with
	 * @param person who signed in
	 */
	public void personSignedIn(String keyId, String person) {
		write(keyId, "person.signed-in", "person:" + person, Outcome.SUCCESS, null);
	}

	public void sourceDeleted(String actor, String knowledgeBase, String source) {
		write(actor(actor), "source.deleted", "source:" + knowledgeBase + "/" + source, Outcome.SUCCESS, null);
	}

	/**
	 * @param actor who asked for the sync
	 * @param knowledgeBase the source's knowledge base
	 * @param source the source
	 * @param run the run it started
	 * @param deleteMissing whether the run deletes the documents whose file is gone
	 */
	public void sourceSynced(String actor, String knowledgeBase, String source, String run, boolean deleteMissing) {
		write(actor(actor), "source.synced", "source:" + knowledgeBase + "/" + source, Outcome.SUCCESS,
				Map.of("run", run, "deleteMissing", deleteMissing));
	}

	/**
	 * @param actor who started it
	 * @param knowledgeBase the knowledge base it asks
	 * @param evaluation the run
	 * @param questions how many questions its golden set holds
	 */
	public void evaluationStarted(String actor, String knowledgeBase, String evaluation, int questions) {
		write(actor(actor), "evaluation.started", "evaluation:" + knowledgeBase + "/" + evaluation, Outcome.SUCCESS,
				Map.of("questions", questions));
	}

	public void evaluationCancelled(String actor, String knowledgeBase, String evaluation) {
		write(actor(actor), "evaluation.cancelled", "evaluation:" + knowledgeBase + "/" + evaluation, Outcome.SUCCESS,
				null);
	}

	/**
	 * @param actor the key (or master) that asked
	 * @param knowledgeBase the knowledge base
	 * @param migration the migration
	 * @param model the model it moves to
	 */
	public void embeddingModelChangeStarted(String actor, String knowledgeBase, String migration, String model) {
		write(actor(actor), "embedding-model.change-started", "knowledge-base:" + knowledgeBase, Outcome.SUCCESS,
				Map.of("migration", migration, "model", model));
	}

	public void embeddingModelChangeCancelled(String actor, String knowledgeBase, String migration) {
		write(actor(actor), "embedding-model.change-cancelled", "knowledge-base:" + knowledgeBase, Outcome.SUCCESS,
				Map.of("migration", migration));
	}

	public void sessionStarted(String actor, String knowledgeBase, String session) {
		write(actor(actor), "session.started", "session:" + session, Outcome.SUCCESS,
				Map.of("knowledgeBase", knowledgeBase));
	}

	/**
	 * @param actor the key behind the session
	 * @param session the session
	 * @param question the question: its SHA-256 hash is recorded, its text only at the
	 * {@code request} level
	 */
	public void questionAsked(String actor, String session, String question) {
		Map<String, Object> detail = new LinkedHashMap<>();
		String text = (question != null) ? question : "";
		detail.put("questionSha256", sha256(text));
		if (this.properties.level() == AuditProperties.Level.REQUEST) {
			detail.put("question", text);
		}
		write(actor(actor), "question.asked", "session:" + session, Outcome.SUCCESS, detail);
	}

	/**
	 * @param actor the key behind the session
	 * @param session the session
	 * @param sources the documents and pages the answer cites
	 */
	public void sourcesCited(String actor, String session, List<Source> sources) {
		sourcesCited(actor, session, sources, this.trail.address());
	}

	/**
	 * The sources an answer cites, recorded after the request's thread let go of it (a
	 * streamed answer).
	 * @param actor the key behind the session
	 * @param session the session
	 * @param sources the documents and pages the answer cites
	 * @param address the client address, taken with {@link #address()} on the request's
	 * thread
	 */
	public void sourcesCited(String actor, String session, List<Source> sources, String address) {
		this.trail.write(actor(actor), address, "sources.cited", "session:" + session, Outcome.SUCCESS,
				Map.of("sources", List.copyOf(sources)));
	}

	/**
	 * @return the current caller's address, {@code null} outside a request
	 */
	public String address() {
		return this.trail.address();
	}

	/**
	 * @param from the earliest time, inclusive ({@code null} for no bound)
	 * @param to the latest time, exclusive ({@code null} for no bound)
	 * @param action only this action ({@code null} for all)
	 * @param limit at most this many, the newest of those that match
	 * @return the matching events, oldest first
	 */
	public List<AuditEvent> read(Instant from, Instant to, String action, int limit) {
		return this.trail.read(from, to, action, limit);
	}

	private void write(String keyId, String action, String target, Outcome outcome, Map<String, Object> detail) {
		this.trail.write(keyId, action, target, outcome, detail);
	}

	private static String actor(String keyId) {
		return (keyId != null) ? keyId : MASTER;
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A source an answer cites.
	 *
	 * @param documentId the document
	 * @param page its page
	 */
	public record Source(String documentId, int page) {

	}

}
