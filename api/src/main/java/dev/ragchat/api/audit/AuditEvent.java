package dev.ragchat.api.audit;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One line of the audit trail.
 *
 * @param time when it happened
 * @param keyId the id of the API key that acted ({@code master} for the master key,
 * {@code null} when the caller is not known), never a key
 * @param person the person who acted, signed in with an identity provider (their id), or
 * {@code null} for a key issued with the master key
 * @param address the client's address, {@code null} when unknown
 * @param action what was done, e.g. {@code key.issued}
 * @param target what it was done to, e.g. {@code knowledge-base:kb_123}
 * @param outcome {@code success}, {@code refused} or {@code failed}
 * @param detail what else the action records (a question's hash, the sources cited),
 * {@code null} for none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEvent(Instant time, String keyId, String person, String address, String action, String target,
		String outcome, Map<String, Object> detail) {

}
