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
 * @param lineage the owner of what the key starts (its conversations, chat configs and
 * their feedback): its own id for a key issued afresh, the renewed key's lineage for a
 * renewal; {@code null} is taken as its own id (keys issued before lineages)
 */
public record ApiKey(String id, String name, Set<Scope> scopes, List<String> knowledgeBases, Instant createdAt,
		Instant expiresAt, Instant revokedAt, Instant lastUsedAt, String lineage) {

	static final String ALL_KNOWLEDGE_BASES = "*";

	public ApiKey {
		scopes = Set.copyOf(scopes);
		knowledgeBases = List.copyOf(knowledgeBases);
		lineage = (lineage != null) ? lineage : id;
	}

	/**
	 * A key issued afresh: its own lineage.
	 */
	public ApiKey(String id, String name, Set<Scope> scopes, List<String> knowledgeBases, Instant createdAt,
			Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {
		this(id, name, scopes, knowledgeBases, createdAt, expiresAt, revokedAt, lastUsedAt, id);
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
