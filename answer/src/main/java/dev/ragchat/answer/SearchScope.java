package dev.ragchat.answer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import dev.ragchat.errors.RejectedInputException;
import dev.ragchat.retrieval.Chunk;

/**
 * Where a question is searched and answered: one or several knowledge bases, and
 * optionally only some of their documents. One {@link Search} spans them all; nothing of
 * an answer comes from outside (the engine keeps only sources inside it). Whether the
 * caller may use each knowledge base is the surface's to check, on every request.
 *
 * @param knowledgeBases the knowledge bases, the first the one a conversation started on;
 * no two alike
 * @param documentIds only these documents (each of one of the knowledge bases), or empty
 * for all of them
 */
public record SearchScope(List<String> knowledgeBases, List<String> documentIds) {

	/** The most knowledge bases one scope spans. */
	public static final int MAX_KNOWLEDGE_BASES = 10;

	/** The most documents one scope names. */
	public static final int MAX_DOCUMENTS = 100;

	public SearchScope {
		if (knowledgeBases == null || knowledgeBases.isEmpty()) {
			throw new RejectedInputException("A scope names at least one knowledge base");
		}
		knowledgeBases = distinct(knowledgeBases, "knowledgeBases");
		documentIds = (documentIds != null) ? distinct(documentIds, "documents") : List.of();
		if (knowledgeBases.size() > MAX_KNOWLEDGE_BASES) {
			throw new RejectedInputException(
					"A scope spans at most " + MAX_KNOWLEDGE_BASES + " knowledge bases, got " + knowledgeBases.size());
		}
		if (documentIds.size() > MAX_DOCUMENTS) {
			throw new RejectedInputException(
					"A scope names at most " + MAX_DOCUMENTS + " documents, got " + documentIds.size());
		}
	}

	/**
	 * @param knowledgeBase a knowledge base
	 * @return all of it
	 */
	public static SearchScope of(String knowledgeBase) {
		return new SearchScope(List.of(knowledgeBase), List.of());
	}

	/**
	 * @param knowledgeBase the knowledge base a conversation starts on (first)
	 * @param others more knowledge bases, or {@code null}
	 * @param documentIds only these documents, or {@code null} for all
	 * @return the scope
	 */
	public static SearchScope of(String knowledgeBase, List<String> others, List<String> documentIds) {
		List<String> all = new ArrayList<>();
		all.add(knowledgeBase);
		if (others != null) {
			all.addAll(others);
		}
		return new SearchScope(all, documentIds);
	}

	/**
	 * @return the knowledge base a conversation started on
	 */
	public String knowledgeBase() {
		return this.knowledgeBases.get(0);
	}

	/**
	 * @return whether it is one whole knowledge base (as every search was before scopes)
	 */
	public boolean whole() {
		return this.knowledgeBases.size() == 1 && this.documentIds.isEmpty();
	}

	/**
	 * @param chunk a chunk
	 * @return whether it is inside the scope
	 */
	public boolean holds(Chunk chunk) {
		return this.knowledgeBases.contains(chunk.knowledgeBase())
				&& (this.documentIds.isEmpty() || this.documentIds.contains(chunk.documentId()));
	}

	private static List<String> distinct(List<String> values, String name) {
		LinkedHashSet<String> distinct = new LinkedHashSet<>();
		for (String value : values) {
			if (value == null || value.isBlank()) {
				throw new RejectedInputException(name + " must not hold an empty id");
			}
			distinct.add(value.strip());
		}
		return List.copyOf(distinct);
	}

}
