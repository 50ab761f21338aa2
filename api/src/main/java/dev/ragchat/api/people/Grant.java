package dev.ragchat.api.people;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import dev.ragchat.api.access.Scope;

import org.springframework.util.Assert;

/**
 * What a knowledge base grants a group or a person.
 *
 * @param knowledgeBase the knowledge base
 * @param grantee {@code group:<name>} or {@code person:<id>}
 * @param permission what it grants
 * @param grantedAt when
 */
public record Grant(String knowledgeBase, String grantee, Permission permission, Instant grantedAt) {

	/** A grantee that names a group. */
	public static final String GROUP = "group:";

	/** A grantee that names a person. */
	public static final String PERSON = "person:";

	public Grant {
		Assert.hasText(knowledgeBase, "knowledgeBase must not be empty");
		Assert.isTrue(grantee != null && (grantee.startsWith(GROUP) || grantee.startsWith(PERSON))
				&& grantee.indexOf(':') < grantee.length() - 1, "grantee must be group:<name> or person:<id>");
		Assert.notNull(permission, "permission must not be null");
	}

	/**
	 * What a grant allows; each includes the ones before it.
	 */
	public enum Permission {

		/** Read, search and chat. */
		CHAT(EnumSet.of(Scope.CHAT)),

		/** Also upload, replace and delete documents. */
		UPLOAD(EnumSet.of(Scope.CHAT, Scope.UPLOAD)),

		/** Also manage: grants, sync sources, deleting the knowledge base. */
		MANAGE(EnumSet.of(Scope.CHAT, Scope.UPLOAD, Scope.ADMIN));

		private final Set<Scope> scopes;

		Permission(Set<Scope> scopes) {
			this.scopes = Set.copyOf(scopes);
		}

		/**
		 * @return the scopes it gives
		 */
		public Set<Scope> scopes() {
			return this.scopes;
		}

		/**
		 * @return its name in requests
		 */
		public String value() {
			return name().toLowerCase(Locale.ROOT);
		}

		/**
		 * @param value {@code chat}, {@code upload} or {@code manage}
		 * @return the permission
		 * @throws IllegalArgumentException for another value
		 */
		public static Permission parse(String value) {
			for (Permission permission : values()) {
				if (permission.value().equals(value)) {
					return permission;
				}
			}
			throw new IllegalArgumentException("Unknown permission '" + value + "'; use chat, upload or manage");
		}

	}

}
