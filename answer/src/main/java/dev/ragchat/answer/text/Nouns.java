package dev.ragchat.answer.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.tokenize.SimpleTokenizer;

/**
 * The nouns of a message, as Apache OpenNLP's part-of-speech tagger reads English (its
 * Universal Dependencies model, trained on the English Web Treebank): the things a
 * message speaks of ("boyfriend", "week" of "can my boyfriend stay over during the
 * week?"), not what it does with them ("can", "stay"). Only the tagger's nouns and proper
 * nouns are kept. The model is read once, on first use; a tagger is kept per thread, as
 * one is not safe to share.
 */
public final class Nouns {

	/** The model in {@code org.apache.opennlp:opennlp-models-pos-en}. */
	static final String MODEL = "/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";

	private static final ThreadLocal<POSTaggerME> TAGGER = ThreadLocal.withInitial(() -> new POSTaggerME(Model.POS));

	/** The parts of speech of words that only lead into what a phrase speaks of. */
	private static final Set<String> LEADING = Set.of("DET", "ADP", "AUX", "PRON", "CCONJ", "SCONJ", "PART", "PUNCT");

	/** The words after "how" that ask a measure. */
	private static final Set<String> MEASURES = Set.of("much", "many", "long", "far", "big", "large", "wide", "deep",
			"tall", "high", "heavy", "fast", "old", "often");

	/** The parts of speech of the words that say which thing a phrase speaks of. */
	private static final Set<String> THING = Set.of("NOUN", "PROPN", "ADJ");

	/** What an infinitive says a purpose of when it follows it: a thing or a figure. */
	private static final Set<String> BEFORE_PURPOSE = Set.of("NOUN", "PROPN", "NUM");

	/** The rest of a figure the tokenizer splits: its digit groups, "k" of "240k". */
	private static final Pattern DIGITS = Pattern.compile("\\p{N}+|[kKmM]|bn");

	/** What separates a figure's digit groups. */
	private static final Pattern SEPARATOR = Pattern.compile("[,.]");

	private Nouns() {
	}

	/**
	 * @param message a message
	 * @return its nouns as it writes them, each once, in order
	 */
	public static Set<String> of(String message) {
		String[] tokens = SimpleTokenizer.INSTANCE.tokenize(message);
		String[] tags = TAGGER.get().tag(tokens);
		Set<String> nouns = new LinkedHashSet<>();
		for (int i = 0; i < tokens.length; i++) {
			if ("NOUN".equals(tags[i]) || "PROPN".equals(tags[i])) {
				nouns.add(tokens[i]);
			}
		}
		return nouns;
	}

	/**
	 * @param sentence a sentence
	 * @return whether it says what something is done for with an infinitive after a noun
	 * ("chose a gauge of 750 millimetres to keep down the cost"): English's purpose
	 * clause, as the tagger reads "to" before a verb that goes on to what it does ("the
	 * time to start" only names a time)
	 */
	public static boolean givesPurpose(String sentence) {
		String[] tokens = SimpleTokenizer.INSTANCE.tokenize(sentence);
		String[] tags = TAGGER.get().tag(tokens);
		for (int i = 1; i + 2 < tokens.length; i++) {
			if ("to".equalsIgnoreCase(tokens[i]) && "PART".equals(tags[i]) && "VERB".equals(tags[i + 1])
					&& !"PUNCT".equals(tags[i + 2]) && BEFORE_PURPOSE.contains(tags[i - 1])) {
				return true;
			}
		}
		return false;
	}

	/**
	 * @param phrase a phrase
	 * @return its first word that is not an article, a preposition, a pronoun, an
	 * auxiliary or a conjunction, lower case, with its part of speech as the tagger reads
	 * the phrase ("renting" a VERB of "renting a spare room", "shares" a NOUN of "Are
	 * these shares you bought", a VERB of "shares from a scheme"), or {@code null} when
	 * it has none
	 */
	public static Word opening(String phrase) {
		String[] tokens = SimpleTokenizer.INSTANCE.tokenize(phrase);
		String[] tags = TAGGER.get().tag(tokens);
		String preposition = null;
		for (int i = 0; i < tokens.length; i++) {
			if (!LEADING.contains(tags[i])) {
				return new Word(tokens[i].toLowerCase(Locale.ROOT), tags[i], preposition);
			}
			if ("ADP".equals(tags[i])) {
				preposition = tokens[i].toLowerCase(Locale.ROOT);
			}
		}
		return null;
	}

	/**
	 * @param phrase a phrase
	 * @return the words that say which thing it speaks of (its nouns, proper nouns and
	 * adjectives: "harrier" and "house" of "harrier house", as the tagger reads them),
	 * lower case, in order; none when the phrase is no thing but a clause or an action
	 * ("if I'm sick", "controlling the number of intents")
	 */
	public static List<String> things(String phrase) {
		String[] tokens = SimpleTokenizer.INSTANCE.tokenize(phrase);
		String[] tags = TAGGER.get().tag(tokens);
		List<String> things = new ArrayList<>();
		for (int i = 0; i < tokens.length; i++) {
			if (things.isEmpty() && !"DET".equals(tags[i]) && !THING.contains(tags[i])) {
				return List.of();
			}
			if (THING.contains(tags[i])) {
				things.add(tokens[i].toLowerCase(Locale.ROOT));
			}
		}
		return things;
	}

	/**
	 * @param question a question of how much, how many, how long …
	 * @return the words that name the thing it measures, its nouns and proper nouns lower
	 * case: "session" of "how long is each session", "jar" of "How much is a spare jar
	 * for it?", "passengers" of "how many passengers could she carry?"; none when a
	 * pronoun stands for it ("how much does it cost", "how long have I got") or it asks
	 * no measure
	 */
	public static List<String> measured(String question) {
		String[] tokens = SimpleTokenizer.INSTANCE.tokenize(question);
		String[] tags = TAGGER.get().tag(tokens);
		for (int i = 0; i + 2 < tokens.length; i++) {
			if (!"how".equalsIgnoreCase(tokens[i]) || !MEASURES.contains(tokens[i + 1].toLowerCase(Locale.ROOT))) {
				continue;
			}
			// "how many passengers": the thing follows; "how long is each session": an
			// auxiliary, then what it measures
			int at = i + 2;
			if ("AUX".equals(tags[at])) {
				at++;
			}
			while (at < tokens.length && "DET".equals(tags[at])) {
				at++;
			}
			List<String> names = new ArrayList<>();
			for (; at < tokens.length && THING.contains(tags[at]); at++) {
				if (!"ADJ".equals(tags[at])) {
					names.add(tokens[at].toLowerCase(Locale.ROOT));
				}
			}
			return names;
		}
		return List.of();
	}

	/**
	 * @param sentence a sentence
	 * @return the words that follow each figure of it (a number the tagger reads as one,
	 * its digit groups and separators taken together: "1,200 crowns"), lower case, with
	 * their part of speech; a figure that ends the sentence is followed by {@code null}.
	 * What follows tells a count ("310 passengers": a noun) or a date ("2 May": a proper
	 * noun) from an amount ("400 a month", "35 and the lid").
	 */
	public static List<Word> afterFigures(String sentence) {
		String[] tokens = SimpleTokenizer.INSTANCE.tokenize(sentence);
		List<Word> after = new ArrayList<>();
		for (int i = 0; i < tokens.length; i++) {
			if (!Character.isDigit(tokens[i].charAt(0))) {
				continue;
			}
			int next = i + 1;
			while (next < tokens.length
					&& (DIGITS.matcher(tokens[next]).matches() || (SEPARATOR.matcher(tokens[next]).matches()
							&& next + 1 < tokens.length && Character.isDigit(tokens[next + 1].charAt(0))))) {
				next++;
			}
			if (next == tokens.length) {
				after.add(null);
			}
			else if (!Character.isLetter(tokens[next].charAt(0))) {
				after.add(new Word(tokens[next], "PUNCT", null));
			}
			else {
				// the word after the figure, tagged with the few words around it (the
				// tagger reads two words either side), not the whole sentence: the
				// extract asks this of hundreds of sentences
				int from = Math.max(0, i - 2);
				String[] window = Arrays.copyOfRange(tokens, from, Math.min(tokens.length, next + 3));
				String tag = TAGGER.get().tag(window)[next - from];
				after.add(new Word(tokens[next].toLowerCase(Locale.ROOT), tag, null));
			}
			i = next - 1;
		}
		return after;
	}

	/**
	 * A word as the tagger read it.
	 *
	 * @param text the word, lower case
	 * @param tag its part of speech (a Universal Dependencies tag: "NOUN", "VERB", …)
	 * @param preposition the preposition before it in its phrase ("at" of "at Cinder
	 * Flats"), lower case, or {@code null}
	 */
	public record Word(String text, String tag, String preposition) {

	}

	/** The model, read when first asked for. */
	private static final class Model {

		static final POSModel POS = load();

		private static POSModel load() {
			try (InputStream in = Nouns.class.getResourceAsStream(MODEL)) {
				if (in == null) {
					throw new IllegalStateException("The part-of-speech model " + MODEL + " is not on the class path");
				}
				return new POSModel(in);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
