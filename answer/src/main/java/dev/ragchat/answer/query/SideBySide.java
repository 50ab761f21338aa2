package dev.ragchat.answer.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import dev.ragchat.answer.SearchRequest;
import dev.ragchat.answer.search.KnowledgeBaseSearch;
import dev.ragchat.answer.text.Asks;
import dev.ragchat.answer.text.Nouns;
import dev.ragchat.answer.text.Sentences;

/**
 * The parts of a text that a clause of its first sentence writes side by side, joined by
 * "and" or "or": "Two: one about a fixed deal, and one about a variable rate" holds "one
 * about a fixed deal" and "one about a variable rate". An answer that describes things
 * without naming them describes each in such a part; the documents the parts read most
 * like are the things it set side by side ({@link Mentions#found}). An answer that offers
 * things side by side leads with them; things written side by side further on are what it
 * says along the way ("check the battery, wipers and oil level"). A clause ends at a
 * colon or a semicolon ("There are two kinds: …"), a part of fewer than two words of its
 * own ("remortgage and overpay") describes nothing on its own, and only parts of the same
 * kind as the first are side by side with it.
 */
final class SideBySide {

	/** Where a clause ends: a colon or a semicolon. */
	private static final Pattern CLAUSE = Pattern.compile("[:;]\\s+");

	/** How English joins parts side by side. */
	private static final Pattern JOINED = Pattern.compile(",?\\s+(?:and|or)\\s+", Pattern.CASE_INSENSITIVE);

	/** The parts of speech that open things of a kind: verbs, nouns, proper nouns. */
	private static final Set<String> KINDS = Set.of("VERB", "NOUN", "PROPN");

	/** The parts of speech of what a phrase names: nouns and proper nouns. */
	private static final Set<String> NAMES = Set.of("NOUN", "PROPN");

	/** How many words of its own a part describes a thing with at least. */
	private static final int OWN_WORDS = 2;

	private SideBySide() {
	}

	/**
	 * @param text a text
	 * @return for each clause of its first sentence that joins two parts or more, those
	 * parts, in the text's order
	 */
	static List<List<String>> parts(String text) {
		List<List<String>> joined = new ArrayList<>();
		List<String> sentences = Sentences.of(text.replace('\n', ' '));
		for (String clause : sentences.isEmpty() ? new String[0] : CLAUSE.split(sentences.get(0))) {
			List<String> parts = Arrays.stream(JOINED.split(clause))
				.filter((part) -> Asks.own(part).size() >= OWN_WORDS)
				.toList();
			if (parts.size() < 2) {
				continue;
			}
			Nouns.Word first = Nouns.opening(parts.get(0));
			List<String> alike = new ArrayList<>(List.of(parts.get(0)));
			parts.stream().skip(1).filter((part) -> alike(first, part)).forEach(alike::add);
			if (alike.size() >= 2) {
				joined.add(alike);
			}
		}
		return joined;
	}

	/**
	 * The documents an answer describes side by side without naming them ("Two: one about
	 * a 2.4% fixed deal, and one about a 5.9% variable rate"): those the parts of a
	 * clause of its first sentence read most like, when they are several.
	 */
	static List<Subject> described(String text, SearchRequest scope, KnowledgeBaseSearch search,
			Function<String, String> title) {
		for (List<String> parts : parts(text)) {
			Set<String> documents = new LinkedHashSet<>();
			for (String part : parts) {
				search.search(scope.lookingUp(part, 1))
					.chunks()
					.forEach((found) -> documents.add(found.chunk().documentId()));
			}
			if (documents.size() >= 2) {
				return documents.stream()
					.map((document) -> new Subject(title.apply(document), List.of(document), Subject.DESCRIBED))
					.toList();
			}
		}
		return List.of();
	}

	/**
	 * Whether a part is of the same kind as the first, as English writes things side by
	 * side: past its articles and prepositions it opens with the same word ("one about …,
	 * and one about …", "Are these shares you bought, or shares from a scheme?"), or with
	 * a verb, a noun or a proper noun as the first does ("selling things …, and renting a
	 * room …", "Northgate, …, and Riverside, …"), or with a noun or a name after the
	 * preposition the first said ("at Birchwater, …, and at Cinder Flats, …"). Not a
	 * figure after what it measures ("taxed at 10% for basic-rate taxpayers and 20% for
	 * higher-rate ones"), a clause that goes on about the first ("Karl Nyholm, a crane
	 * driver and chairman of the union") nor a word's other half ("split it half and
	 * half").
	 */
	private static boolean alike(Nouns.Word first, String part) {
		Nouns.Word opening = Nouns.opening(part);
		if (opening == null || first == null) {
			return false;
		}
		// a preposition said again opens a phrase of the same kind as the first ("at
		// Birchwater, …, and at Cinder Flats, …"), whether a noun or a name follows it
		boolean again = opening.preposition() != null && opening.preposition().equals(first.preposition())
				&& NAMES.contains(opening.tag()) && NAMES.contains(first.tag());
		return opening.text().equals(first.text()) || again
				|| (KINDS.contains(opening.tag()) && opening.tag().equals(first.tag()));
	}

}
