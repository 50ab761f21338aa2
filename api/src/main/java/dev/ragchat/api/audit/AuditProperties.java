package dev.ragchat.api.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much the audit trail records of a question.
 *
 * @param level {@code metadata} (the default: a SHA-256 hash of each question) or
 * {@code request} (the question's text too); {@code RAGCHAT_AUDIT_LEVEL}
 */
@ConfigurationProperties("ragchat.audit")
public record AuditProperties(@DefaultValue("metadata") Level level) {

	/**
	 * What a {@code question.asked} event holds of the question.
	 */
	public enum Level {

		/** The hash of the question only. */
		METADATA,

		/** The question's text as well. */
		REQUEST

	}

}
