package dev.ragchat.api.access;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a temporary API key may do.
 */
public enum Scope {

	/** Start chat sessions and search. */
	CHAT,

	/** Upload and delete documents. */
	UPLOAD,

	/** Manage knowledge bases. */
	ADMIN;

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public String authority() {
		return "SCOPE_" + value();
	}

	public static Scope parse(String value) {
		for (Scope scope : values()) {
			if (scope.value().equals(value)) {
				return scope;
			}
		}
		throw new IllegalArgumentException("Unknown scope '" + value + "'; use one of "
				+ Arrays.stream(values()).map(Scope::value).collect(Collectors.joining(", ")));
	}

}
