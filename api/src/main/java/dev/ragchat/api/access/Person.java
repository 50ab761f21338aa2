package dev.ragchat.api.access;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A person who signed in with an identity provider, with what their grants give them now
 * (read again for every request, so a grant withdrawn ends access at the next one).
 *
 * @param id their id in ragchat
 * @param name their name, as the provider gave it
 * @param email their e-mail address, or {@code null}
 * @param groups the groups the provider named
 * @param rights what they may do in each knowledge base ({@code *}: in all)
 */
public record Person(String id, String name, String email, List<String> groups, Map<String, Set<Scope>> rights) {

	public Person {
		groups = (groups != null) ? List.copyOf(groups) : List.of();
		rights = (rights != null) ? Map.copyOf(rights) : Map.of();
	}

	/**
	 * @param knowledgeBase a knowledge base
	 * @return what they may do in it
	 */
	public Set<Scope> scopesIn(String knowledgeBase) {
		Set<Scope> all = this.rights.get(ApiKey.ALL_KNOWLEDGE_BASES);
		return (all != null) ? all : this.rights.getOrDefault(knowledgeBase, Set.of());
	}

	/**
	 * @return what they may do in at least one knowledge base
	 */
	public Set<Scope> anyScopes() {
		return this.rights.values()
			.stream()
			.flatMap(Set::stream)
			.collect(java.util.stream.Collectors.toUnmodifiableSet());
	}

}
