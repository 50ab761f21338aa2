package dev.ragchat.retrieval.embedding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.util.Assert;

/**
 * The embedding models this server can index with: its own (new knowledge bases get it)
 * first, then the others a knowledge base may move to. Names are unique; a model named
 * twice counts once, as first named.
 */
public final class IndexEmbeddings {

	private final IndexEmbedding primary;

	private final Map<String, IndexEmbedding> all = new LinkedHashMap<>();

	/**
	 * @param primary the server's own model
	 * @param others the other models
	 */
	public IndexEmbeddings(IndexEmbedding primary, List<IndexEmbedding> others) {
		Assert.notNull(primary, "primary must not be null");
		this.primary = primary;
		this.all.put(primary.name(), primary);
		Map<String, String> slugs = new LinkedHashMap<>();
		slugs.put(slug(primary.name()), primary.name());
		for (IndexEmbedding other : others) {
			if (this.all.containsKey(other.name())) {
				continue;
			}
			String taken = slugs.putIfAbsent(slug(other.name()), other.name());
			if (taken != null) {
				throw new IllegalStateException("Embedding models " + taken + " and " + other.name()
						+ " would share an index name; rename one");
			}
			this.all.put(other.name(), other);
		}
	}

	/**
	 * @param only the server's one model
	 * @return the models: only that one
	 */
	public static IndexEmbeddings of(IndexEmbedding only) {
		return new IndexEmbeddings(only, List.of());
	}

	/**
	 * @return the server's own model
	 */
	public IndexEmbedding primary() {
		return this.primary;
	}

	/**
	 * @param name a model's name
	 * @return that model, if this server has it
	 */
	public Optional<IndexEmbedding> get(String name) {
		return Optional.ofNullable(this.all.get(name));
	}

	/**
	 * @return every model, the server's own first
	 */
	public List<IndexEmbedding> all() {
		return new ArrayList<>(this.all.values());
	}

	/**
	 * @param name a model's name
	 * @return a name for its index (a directory, a collection): lower case letters,
	 * digits, dots, dashes and underscores
	 */
	public static String slug(String name) {
		return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
	}

}
