package dev.ragchat.answer.query;

import java.util.List;
import java.util.Set;

/**
 * The title words of the documents a turn's look-up found.
 *
 * @param documentIds the documents
 * @param words the words of each one's title, in the same order
 */
record Titles(List<String> documentIds, List<Set<String>> words) {

	/** Adds a document not yet found, with its title's words. */
	void add(String documentId, Set<String> title) {
		this.documentIds.add(documentId);
		this.words.add(title);
	}

	/** The words of a document's title (none for one not found). */
	Set<String> of(String documentId) {
		int i = this.documentIds.indexOf(documentId);
		return (i >= 0) ? this.words.get(i) : Set.of();
	}

	/** How many of the documents' titles hold every one of the words. */
	int shared(Set<String> held) {
		return (int) this.words.stream().filter((title) -> title.containsAll(held)).count();
	}

	/** Whether the document's title holds every one of the words. */
	boolean holds(String documentId, Set<String> held) {
		Set<String> title = of(documentId);
		return !title.isEmpty() && title.containsAll(held);
	}

}
