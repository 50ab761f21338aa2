package dev.ragchat.answer.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.ragchat.answer.SearchRequest;
import dev.ragchat.answer.Turn;
import dev.ragchat.answer.text.Overlap;
import dev.ragchat.retrieval.query.StopWords;

/**
 * A thing a message points back at by the common noun of its name: "the lake" for "Lake
 * Skarn", "the bridge" for "Ossel Bridge", named in one of the latest turns (the caller
 * says how many), not only the one the message follows. English refers to a named thing
 * again by its name's common noun with "the"; the latest thing so named that a turn named
 * is meant, as the latest mention is for a pronoun. Only a name (every word capitalised,
 * as a proper name is written) is referred to so: a title of ordinary words ("Concessions
 * and reduced fares") is not a name.
 */
record Described(String noun, Subject subject) {

	/**
	 * "the lake" as the whole of what names a thing: the sentence or its clause ends
	 * after it, or a verb or a conjunction follows. Not "the terminal entrance" (the noun
	 * says what kind of entrance), "the bridge at Brenna" (another bridge than one named
	 * before) or "the size of …" (what a thing has).
	 */
	private static final Pattern THE_NOUN = Pattern.compile("\\bthe\\s+(\\p{Ll}[\\p{Ll}-]{2,})(?=\\s*(?:[?.!,;:]|$)"
			+ "|\\s+(?:is|are|was|were|be|been|has|have|had|do|does|did|can|could|will|would|should|may|might|must"
			+ "|and|or|but|that|which|who)\\b)");

	/** A name: words each capitalised, "of" or "the" between them. */
	private static final Pattern NAME = Pattern
		.compile("\\p{Lu}[\\p{L}\\p{N}'’-]*(?:\\s+(?:(?:of|the|on|upon)\\s+)*\\p{Lu}[\\p{L}\\p{N}'’-]*)+");

	/**
	 * @param message the message
	 * @param history the turns before it, oldest first
	 * @param focus the subjects in focus
	 * @param mentions what turns name
	 * @param scope where the conversation searches
	 * @param turns how many of the latest turns are read at most
	 * @return the subject the message points back at by its name's common noun, when it
	 * is not in focus, with the noun, or {@code null}
	 */
	static Described of(String message, List<Turn> history, List<Subject> focus, Mentions mentions, SearchRequest scope,
			int turns) {
		List<String> nouns = new ArrayList<>();
		Matcher the = THE_NOUN.matcher(message);
		while (the.find()) {
			String noun = the.group(1).toLowerCase(Locale.ROOT);
			if (!StopWords.contains(noun) && focus.stream().noneMatch((subject) -> holds(subject.label(), noun))) {
				nouns.add(noun);
			}
		}
		if (nouns.isEmpty()) {
			return null;
		}
		for (int i = history.size() - 1; i >= Math.max(0, history.size() - turns); i--) {
			Turn turn = history.get(i);
			if (turn.refused()) {
				continue;
			}
			for (Subject subject : mentions.in(turn.content(), scope,
					turn.byUser() ? Subject.USER : Subject.ASSISTANT)) {
				for (String noun : nouns) {
					if (subject.documented() && NAME.matcher(subject.label()).matches()
							&& holds(subject.label(), noun)) {
						return new Described(noun, subject);
					}
				}
			}
		}
		return null;
	}

	/** Whether a name holds the noun as one of its words ("lakes" is "lake"). */
	private static boolean holds(String label, String noun) {
		Set<String> asked = Overlap.stems(Overlap.words(noun));
		return !asked.isEmpty() && Overlap.stems(Overlap.words(label)).containsAll(asked);
	}

}
