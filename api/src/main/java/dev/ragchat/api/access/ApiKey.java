package dev.ragchat.api.access;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A temporary API key as the catalog keeps it: never the key itself, only its hash.
 *
 * @param id public identifier
 * @param name optional label
 * @param scopes what it may do
 * @param knowledgeBases which knowledge bases it may touch ({@code *} for all)
 * @param createdAt when it was issued
 * @param expiresAt when it stops working
 * @param revokedAt when it was revoked, or {@code null}
 * @param lastUsedAt when it last authenticated a request, or {@code null}
 */
public record ApiKey(String id, String name, Set<Scope> scopes, List<String> knowledgeBases, Instant createdAt,
		Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {

	static final String ALL_KNOWLEDGE_BASES = "*";

	public ApiKey {
		scopes = Set.copyOf(scopes);
		knowledgeBases = List.copyOf(knowledgeBases);
	}

	public boolean isActive(Instant now) {
		return this.revokedAt == null && now.isBefore(this.expiresAt);
	}

	public String status(Instant now) {
		if (this.revokedAt != null) {
			return "revoked";
		}
		return now.isBefore(this.expiresAt) ? "active" : "expired";
	}

}
