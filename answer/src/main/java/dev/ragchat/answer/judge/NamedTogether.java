package dev.ragchat.answer.judge;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.ragchat.answer.Clarification;
import dev.ragchat.answer.text.Asks;
import dev.ragchat.answer.text.Nouns;
import dev.ragchat.answer.text.Overlap;
import dev.ragchat.answer.text.Pointed;
import dev.ragchat.answer.text.Qualifiers;
import dev.ragchat.answer.text.Sentences;
import dev.ragchat.retrieval.ScoredChunk;

/**
 * Asks back when a follow-up asks about one thing and the answer before named several
 * things of one kind: "Which trails can I take my dog on?", "The Fennick Falls Trail and
 * the Heronsway Trail.", "How long is it?". Both trails are in focus and both pages say
 * how long they are, so the answer would be a guess or both stitched into one. The things
 * of a kind are the names one sentence of the answer writes side by side that end in the
 * same word (the head of an English noun phrase: "… Trail", "… Kettle"); a code alone
 * ("F3") names no kind. So are the things an answer to "which …?", "where …?", "is there
 * …?" or "were there …?" picks, whatever their names: the names its sentence writes
 * first, joined by "and" or "or" ("Kestrel House, with a locked store, and Millrace, with
 * two sheds"; "the Ingrid, launched in 1887, and her sister ship the Hedda"), and those
 * an answer counts before a colon or a semicolon, whatever was asked ("Gastrel comes in
 * two forms: …").
 * <p>
 * It answers instead when the follow-up asks about them all (a comparison, a list,
 * "they", "both", "each", "which", but not "one of those", nor "they" after an answer
 * that asked which is meant: then they are the asker's own) or says which it means: a
 * word of it that one name the answer wrote holds and another does not ("the Heronsway
 * one"; a title of a thing described, never shown, says nothing), or a noun of it (a
 * thing it speaks of, not what it does: "what does it sell?" says not which) that the
 * passages found of one speak of and those of another do not ("What would he pay per
 * minute?" when only one page prices by the minute; each read with the passages of its
 * own documents nearest the message, {@link Judged.Named#said()}): the question fits that
 * one. A thing set against another after a colon or a semicolon ("Only a classic bike:
 * e-bikes are not allowed") is not named beside it. The same reading as {@link Readings},
 * with the conversation's names for the titles of the passages; the extract's judge (a
 * language model may ask back itself).
 */
public final class NamedTogether implements Judge {

	/** Its name in an answer's trace. */
	static final String NAME = "named-together";

	/** The words of {@link #EVERY}, as a pattern's alternatives. */
	private static final String EVERY_WORDS = "both|each|all|either|neither|which|every";

	/** Words by which a message asks about every one of several things, or which. */
	private static final Pattern EVERY = Pattern.compile("\\b(?:" + EVERY_WORDS + ")\\b", Pattern.CASE_INSENSITIVE);

	/**
	 * Words by which a message asks about several things at once, or which of them: those
	 * of {@link #EVERY}, and the pronouns that point back at several things.
	 */
	private static final Pattern SEVERAL = Pattern
		.compile("\\b(?:they|them|their|theirs|those|these|ones|" + EVERY_WORDS + ")\\b", Pattern.CASE_INSENSITIVE);

	/** How English joins things side by side. */
	private static final Pattern JOINED = Pattern.compile("\\b(?:and|or)\\b|^\\s*,\\s*$");

	/**
	 * How a message asks to pick things among others, or whether there are some ("were
	 * there steamers on the lake?", "is there a campsite?", answered "Yes, two: …"): the
	 * answer names them as choices.
	 */
	private static final Pattern CHOICE = Pattern.compile("\\b(?:which|where|(?:is|are|was|were)\\s+there)\\b",
			Pattern.CASE_INSENSITIVE);

	/**
	 * How an answer says how many things it goes on to name: a count ("comes in two
	 * forms", "Yes, two").
	 */
	private static final Pattern COUNTED = Pattern.compile("\\b(?:two|three|four|five|six|\\d+)\\b",
			Pattern.CASE_INSENSITIVE);

	/**
	 * A name written after a sentence's first word: a capital or a figure opening a word.
	 */
	private static final Pattern NAMED_BEFORE = Pattern.compile("\\s[\\p{Lu}\\p{N}]");

	/** How a message picks one of several things it points at: "one of those". */
	private static final Pattern ONE_OF = Pattern.compile("\\bone of (?:those|these|them)\\b",
			Pattern.CASE_INSENSITIVE);

	/**
	 * How often, not which: "each time", "every day" ("how much do I take each time?").
	 */
	private static final Pattern HOW_OFTEN = Pattern.compile(
			"\\b(?:each|every)\\s+(?:other\\s+)?(?:time|day|week|month|year|night|morning|evening|hour|minute|dose|meal)s?\\b",
			Pattern.CASE_INSENSITIVE);

	@Override
	public Verdict judge(Judged judged) {
		String message = judged.message();
		// most messages follow no answer that named several things: read nothing more
		if (judged.media() || judged.named().size() < 2) {
			return Verdict.answerable(judged.sources());
		}
		// after an answer that asked which is meant ("Are these shares you bought, or
		// shares from a scheme?"), "them" is the asker's own, of one kind or the other
		java.util.regex.Matcher several = (askedWhich(judged.answered()) ? EVERY : SEVERAL)
			.matcher(HOW_OFTEN.matcher(ONE_OF.matcher(message).replaceAll("it")).replaceAll(" "));
		if (several.find()) {
			return letThrough(judged, "the message asks of them all (\"" + several.group() + "\")");
		}
		Asks operator = Asks.of(message);
		if (operator == Asks.COMPARISON || operator == Asks.LIST) {
			return letThrough(judged, "the message asks for a " + operator.name().toLowerCase(Locale.ROOT));
		}
		List<List<Judged.Named>> kinds = kinds(judged.named(), judged.answered(), judged.askedBefore());
		// what the message speaks of (its nouns) says which thing it means, not what it
		// does
		Set<String> spoken = kinds.isEmpty() ? Set.of() : Overlap.words(String.join(" ", Nouns.of(message)));
		List<String> why = new ArrayList<>();
		for (List<Judged.Named> kind : kinds) {
			Map<Judged.Named, List<ScoredChunk>> found = new LinkedHashMap<>();
			for (Judged.Named named : kind) {
				List<ScoredChunk> of = judged.sources()
					.stream()
					.filter((source) -> named.documentIds().contains(source.chunk().documentId()))
					.toList();
				// a thing the search found nothing of is read from its own pages
				if (!(of.isEmpty() ? named.said() : of).isEmpty()) {
					found.put(named, of.isEmpty() ? named.said() : of);
				}
			}
			String apart = (found.size() < 2) ? null : tellsApart(spoken, found, judged.answered());
			if (found.size() < 2 || apart != null) {
				why.add((apart != null) ? "\"" + apart + "\" says which of " + labels(found.keySet()) + " it means"
						: "of " + labels(kind) + " only one has passages near the message");
				continue;
			}
			// each reading cites its thing's first passage: one of its own pages' when
			// the search found none of it
			List<Clarification.Reading> offered = new ArrayList<>();
			List<ScoredChunk> cited = new ArrayList<>(judged.sources());
			found.forEach((named, sources) -> {
				if (offered.size() < Readings.MAX_READINGS) {
					if (!cited.contains(sources.get(0))) {
						cited.add(sources.get(0));
					}
					offered.add(new Clarification.Reading(named.label(), cited.indexOf(sources.get(0)) + 1));
				}
			});
			// things of a kind are asked back by it ("Which trail"), others as ones
			String head = (kind.stream().map((thing) -> head(thing.label())).distinct().count() == 1)
					? head(kind.get(0).label()) : "one";
			Verdict verdict = Verdict.clarify(cited, new Clarification(head, offered));
			if (judged.decisions().on()) {
				judged.decisions()
					.decided(NAME, verdict,
							"the answer before named " + offered.size() + " of a kind ("
									+ String.join("; ", offered.stream().map(Clarification.Reading::label).toList())
									+ "), the message asks of one, and nothing in it tells them apart");
			}
			return verdict;
		}
		return letThrough(judged, why.isEmpty()
				? "the answer before named " + judged.named().size() + " things, none side by side with one of a kind"
				: String.join("; ", why));
	}

	/**
	 * Lets the message through, saying why in the trace: the reason is asked as often as
	 * why a message was asked back.
	 */
	private static Verdict letThrough(Judged judged, String why) {
		Verdict verdict = Verdict.answerable(judged.sources());
		if (judged.decisions().on()) {
			judged.decisions().decided(NAME, verdict, why);
		}
		return verdict;
	}

	/** Whether the answer before opened with a question: it asked which is meant. */
	private static boolean askedWhich(String answered) {
		return first(answered).strip().endsWith("?");
	}

	/** The first sentence of the answer before: empty when there was none. */
	private static String first(String answered) {
		List<String> sentences = (answered != null) ? Sentences.of(answered) : List.of();
		return sentences.isEmpty() ? "" : sentences.get(0);
	}

	private static String labels(java.util.Collection<Judged.Named> things) {
		return String.join("; ", things.stream().map(Judged.Named::label).toList());
	}

	/**
	 * The names of several words that one sentence of the answer writes, grouped by their
	 * last word, each group of at least two things with documents of their own: things
	 * named side by side ("the Fennick Falls Trail and the Heronsway Trail both allow
	 * dogs"), not one named and another set against it in a sentence of its own ("At 16
	 * he can hire the classic bikes. The e-bikes need riders aged 18 or over.").
	 */
	private static List<List<Judged.Named>> kinds(List<Judged.Named> named, String answered, String askedBefore) {
		List<List<Judged.Named>> several = new ArrayList<>();
		if (answered == null) {
			return several;
		}
		// things the answer described side by side without naming them are a choice
		List<Judged.Named> described = named.stream().filter(Judged.Named::described).toList();
		if (described.size() >= 2) {
			several.add(described);
		}
		// a colon or a semicolon opens a clause of its own: "Only a classic bike: e-bikes
		// are not allowed" sets the e-bikes against the bike it picked
		boolean asksChoice = askedBefore != null && CHOICE.matcher(askedBefore).find();
		for (String whole : Sentences.of(answered)) {
			String[] parts = whole.split("[:;]\\s+");
			for (int part = 0; part < parts.length; part++) {
				// what follows "two forms:", "Yes, two:" (or a count before a semicolon)
				// is the things it counts, a choice
				boolean counted = part > 0 && COUNTED.matcher(parts[part - 1]).find();
				kinds(several, named, parts[part], counted || asksChoice);
			}
		}
		// an answer that picks none first, then speaks of each in turn, offers them all
		addOwn(several, InTurn.offered(named, first(answered), answered));
		return several;
	}

	/**
	 * Adds the things of one kind a sentence (or a clause of it) names, and those it
	 * joins from the first when it gives a choice.
	 */
	private static void kinds(List<List<Judged.Named>> several, List<Judged.Named> named, String sentence,
			boolean choice) {
		String written = sentence.toLowerCase(Locale.ROOT);
		Map<String, List<Judged.Named>> kinds = new LinkedHashMap<>();
		for (Judged.Named thing : named) {
			if (thing.label().strip().split("[\\s-]+").length > 1 && writes(written, thing.label())) {
				kinds.computeIfAbsent(Pointed.stem(head(thing.label())), (kind) -> new ArrayList<>()).add(thing);
			}
		}
		List<List<Judged.Named>> groups = new ArrayList<>(kinds.values());
		if (choice) {
			groups.add(coordinated(sentence, named));
		}
		addOwn(several, groups);
	}

	/** Adds each group of at least two things with documents of their own, once. */
	private static void addOwn(List<List<Judged.Named>> several, List<List<Judged.Named>> groups) {
		for (List<Judged.Named> kind : groups) {
			Set<String> documents = new HashSet<>();
			long own = kind.stream().filter((thing) -> thing.documentIds().stream().allMatch(documents::add)).count();
			if (own >= 2 && !several.contains(kind)) {
				several.add(kind);
			}
		}
	}

	/**
	 * The names a sentence joins with "and" or "or" from the first it writes, in their
	 * order: the answer to "which halls have a bike store?", "Kestrel House, with a
	 * locked store, and Millrace, with two sheds", whatever words the names end in.
	 */
	private static List<Judged.Named> coordinated(String written, List<Judged.Named> named) {
		String sentence = written.toLowerCase(Locale.ROOT);
		List<Judged.Named> things = named.stream()
			.filter((thing) -> at(sentence, thing.label()) >= 0)
			.sorted(java.util.Comparator.comparingInt((thing) -> at(sentence, thing.label())))
			.toList();
		// the things picked are the first the sentence names: "between Old Quay and
		// Gullhaven" after the ferry that calls there is where it runs, not a choice
		List<Judged.Named> chain = new ArrayList<>();
		int end = 0;
		for (Judged.Named thing : things) {
			int at = at(sentence, thing.label());
			if ((chain.isEmpty() && NAMED_BEFORE.matcher(written.substring(0, at)).find())
					|| (!chain.isEmpty() && (at < end || !JOINED.matcher(sentence.substring(end, at)).find()))) {
				break;
			}
			chain.add(thing);
			end = Math.max(end, at + Qualifiers.written(sentence, thing.label()).length());
		}
		return (chain.size() >= 2) ? chain : List.of();
	}

	/**
	 * Whether the sentence writes the name: as it is, or its words in their order with at
	 * most two others between each ("the Martinmas Gale of November 1879" for "Martinmas
	 * Gale of 1879").
	 */
	private static boolean writes(String sentence, String label) {
		if (at(sentence, label) >= 0) {
			return true;
		}
		List<String> words = java.util.Arrays.asList(sentence.split("[^\\p{L}\\p{N}]+"));
		int at = 0;
		for (String word : label.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
			if (!word.isEmpty()) {
				int found = words.subList(at, words.size()).indexOf(word);
				if (found < 0 || (at > 0 && found > 2)) {
					return false;
				}
				at += found + 1;
			}
		}
		return true;
	}

	/**
	 * Where the sentence (lower case) writes the name: as it is, or its name alone, the
	 * capitalised words before the common words of its kind ("Frostmoor Red" of
	 * "Frostmoor Red tomato", "Playfield" of "Playfield lawn seed"), as an answer calls a
	 * thing of a kind it has said; -1 when it does not.
	 */
	private static int at(String sentence, String label) {
		return phraseAt(sentence, Qualifiers.written(sentence, label));
	}

	/**
	 * Where the text writes the words as a phrase of their own (not inside a longer
	 * word); -1 when it does not.
	 */
	static int phraseAt(String text, String words) {
		Matcher found = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(words) + "(?![\\p{L}\\p{N}])")
			.matcher(text);
		return found.find() ? found.start() : -1;
	}

	/**
	 * The head of a name, lower case: what kind of thing it names. The last word, or the
	 * word before "of" ("Martinmas Gale of 1879", "County of Alameda").
	 */
	static String head(String label) {
		List<String> words = List.of(label.strip().split("[\\s-]+"));
		int of = words.indexOf("of");
		return Pointed.bare(words.get((of > 0) ? of - 1 : words.size() - 1)).toLowerCase(Locale.ROOT);
	}

	/**
	 * A word of the message, other than the kind's, that is in the names of some of the
	 * things and not of all ("the Heronsway one"; of things described, only the words of
	 * the sentence that described them), or is spoken of by the names and passages of
	 * some and not of all; {@code null} when none is.
	 */
	private static String tellsApart(Set<String> asked, Map<Judged.Named, List<ScoredChunk>> found, String answered) {
		// things described are described side by side in the answer's first sentence
		Set<String> shown = Overlap.words(first(answered));
		List<Set<String>> labels = new ArrayList<>();
		List<Set<String>> spoken = new ArrayList<>();
		Set<String> heads = new HashSet<>();
		found.forEach((named, sources) -> {
			StringBuilder text = new StringBuilder(named.label());
			// what its own documents say nearest the message counts as much as what the
			// search found of it
			Stream.concat(sources.stream(), named.said().stream())
				.distinct()
				.forEach((source) -> text.append('\n').append(source.chunk().text()));
			// a thing described, not named, was shown by the words of the sentence that
			// described it, not its title: another word of its title says which only
			// when its passages speak of it and another's do not
			Set<String> label = Overlap.words(named.label());
			if (named.described()) {
				label.retainAll(shown);
			}
			labels.add(label);
			spoken.add(Overlap.words(text.toString()));
			heads.addAll(Overlap.words(head(named.label())));
		});
		for (String word : asked) {
			if (!heads.contains(word) && (some(labels, word) || some(spoken, word))) {
				return word;
			}
		}
		return null;
	}

	/** Whether some of the sets hold the word, and not all. */
	private static boolean some(List<Set<String>> sets, String word) {
		long holding = sets.stream().filter((words) -> words.contains(word)).count();
		return holding > 0 && holding < sets.size();
	}

}
