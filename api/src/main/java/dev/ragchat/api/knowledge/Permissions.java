package dev.ragchat.api.knowledge;

import dev.ragchat.api.access.Caller;
import dev.ragchat.errors.NotFoundException;

/**
 * Reading a knowledge base needs no particular scope, only that the key may use it.
 */
final class Permissions {

	private Permissions() {
	}

	static void see(Caller caller, String knowledgeBase) {
		if (caller.kind() == Caller.Kind.SESSION || !caller.mayUse(knowledgeBase)) {
			throw new NotFoundException("No knowledge base '" + knowledgeBase + "'");
		}
	}

}
