package dev.ragchat.api.people;

import java.time.Instant;
import java.util.List;

/**
 * A person as stored: who the identity provider says they are, as of their last sign-in.
 *
 * @param id their id in ragchat
 * @param issuer the provider's issuer URL
 * @param subject the provider's {@code sub}
 * @param name their name
 * @param email their e-mail address, or {@code null}
 * @param groups the groups of their last sign-in
 * @param consoleKeyId the API key their console acts with, or {@code null}
 * @param createdAt their first sign-in
 * @param signedInAt their last sign-in
 * @param removedAt when an operator removed them (their keys revoked), or {@code null}
 */
public record PersonRecord(String id, String issuer, String subject, String name, String email, List<String> groups,
		String consoleKeyId, Instant createdAt, Instant signedInAt, Instant removedAt) {

	public PersonRecord {
		groups = (groups != null) ? List.copyOf(groups) : List.of();
	}

}
