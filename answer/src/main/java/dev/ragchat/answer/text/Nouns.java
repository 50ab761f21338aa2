package dev.ragchat.answer.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

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

	/** The parts of speech of words that only lead into what a phrase speaks of. */
	private static final Set<String> LEADING = Set.of("DET", "ADP", "AUX", "PRON", "CCONJ", "SCONJ", "PART", "PUNCT");

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
