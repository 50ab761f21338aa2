package dev.ragchat.api.analytics;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.ragchat.api.access.ApiKey;
import dev.ragchat.api.access.ApiKeyStore;
import dev.ragchat.api.access.KeyOwners;
import dev.ragchat.api.chatconfig.ChatConfig;
import dev.ragchat.api.chatconfig.ChatConfigStore;

/**
 * Names what usage figures count by id, for people to read: each API key by its name,
 * each chat config by its title. A key or chat config the catalog no longer has is called
 * {@code deleted key key_…} ({@code deleted persona cfg_…}: the figures say persona, as
 * the console does). A chat config of a knowledge base the reader may not read (a session
 * may ask one knowledge base with another's chat config) keeps its title to itself.
 */
public final class UsageNames {

	private final ApiKeyStore keys;

	private final ChatConfigStore chatConfigs;

	private final KeyOwners owners;

	public UsageNames(ApiKeyStore keys, ChatConfigStore chatConfigs) {
		this(keys, chatConfigs, KeyOwners.none());
	}

	/**
	 * @param keys names keys
	 * @param chatConfigs titles chat configs
	 * @param owners the people who hold keys, whose figures are added up per person
	 */
	public UsageNames(ApiKeyStore keys, ChatConfigStore chatConfigs, KeyOwners owners) {
		this.keys = keys;
		this.chatConfigs = chatConfigs;
		this.owners = owners;
	}

	/**
	 * @param usage figures as {@link Analytics} counts them
	 * @return the same figures, each key and chat config named for a reader limited to
	 * the report's knowledge bases ({@link Usage#knowledgeBases()}, {@code null} for all)
	 */
	public Usage name(Usage usage) {
		Set<String> readable = (usage.knowledgeBases() != null) ? Set.copyOf(usage.knowledgeBases()) : null;
		List<Usage.KeyFigures> byKey = usage.byKey().stream().map((k) -> k.named(keyName(k.keyId()))).toList();
		List<Usage.ChatConfigFigures> byChatConfig = usage.byChatConfig()
			.stream()
			.map((c) -> c.titled(chatConfigTitle(c.configId(), readable)))
			.toList();
		Map<String, Usage.PersonFigures> byPerson = new LinkedHashMap<>();
		for (Usage.KeyFigures key : byKey) {
			if (key.keyId() == null) {
				continue;
			}
			this.owners.ownerOf(key.keyId())
				.ifPresent((person) -> byPerson.merge(person.id(),
						new Usage.PersonFigures(person.id(), person.name(), 0, 0, 0, 0, new Usage.Ratings(0, 0))
							.plus(key),
						(a, b) -> a.plus(new Usage.KeyFigures(null, b.sessions(), b.questions(), b.grounded(),
								b.refused(), b.feedback()))));
		}
		return new Usage(usage.from(), usage.to(), usage.knowledgeBase(), usage.knowledgeBases(), usage.key(),
				usage.totals(), usage.days(), usage.topCitedDocuments(), byKey, byChatConfig,
				byPerson.values()
					.stream()
					.sorted(Comparator.comparingLong(Usage.PersonFigures::questions)
						.reversed()
						.thenComparing(Usage.PersonFigures::personId))
					.toList());
	}

	private String keyName(String id) {
		if (id == null) {
			return "the master key";
		}
		Optional<ApiKey> key = this.keys.findById(id);
		if (key.isEmpty()) {
			return "deleted key " + id;
		}
		String name = key.get().name();
		return (name != null && !name.isBlank()) ? name : "unnamed key " + id;
	}

	private String chatConfigTitle(String id, Set<String> readable) {
		if (id == null) {
			return "no persona";
		}
		return this.chatConfigs.findById(id)
			.map((config) -> (readable == null || readable.contains(config.knowledgeBase())) ? title(config)
					: "a persona of another knowledge base")
			.orElse("deleted persona " + id);
	}

	private static String title(ChatConfig config) {
		return (config.title() != null && !config.title().isBlank()) ? config.title() : "untitled persona";
	}

}
