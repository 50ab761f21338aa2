package dev.ragchat.retrieval.text;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.ibm.icu.impl.ICUData;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import com.ibm.icu.util.UResourceBundle;
import dev.ragchat.retrieval.query.StopWords;

/**
 * The sentences of English text: Unicode's sentence rules (UAX #29, ICU4J's sentence
 * {@link BreakIterator}), except after an abbreviation that does not end a sentence ("Mr.
 * Smith", "Robert E. Lee", "the U.S. Army"). Thread-safe.
 * <p>
 * ICU4J rather than OpenNLP's sentence detector: rules rather than a trained model, so
 * the same text always splits the same way, there is no model file to ship, load or keep
 * in step, and the abbreviations are CLDR's English sentence-break suppressions, which
 * ICU ships and Unicode maintains.
 * <p>
 * A break is kept unless the word before it (brackets or quotes that open it aside) is
 * <ul>
 * <li>initials: a capital letter and a period, or a run of them ("E.", "M.", "U.S.",
 * "B.A.J."). A capital letter followed by a period is how English writes an initial (a
 * rule of typography, not a list of words); CLDR's list names only some capitals, and the
 * JDK's and ICU's rules break after every one;</li>
 * <li>one of CLDR's English suppressions ("Mr.", "Prof.", "Capt.", "Lt.", "vs."), as a
 * whole word;</li>
 * <li>one of the few abbreviations CLDR's list lacks that stand before a name or an
 * example and so never end a sentence: the titles "Dr.", "Gen." and "St." (beside its
 * "Mr.", "Prof." and "Capt."), "e.g." and "i.e.", "No." before a number, and the suffixes
 * of company names "Inc.", "Corp.", "Co." and "Ltd." (a filing writes "Foot Locker, Inc.
 * (NYSE: FL)"; when one does end a sentence, the next starts with a function word,
 * below).</li>
 * </ul>
 * and the word after it is not an English function word written with a capital ("The",
 * "It", "We", "Then": Lucene's copy of Snowball's general stop list, no subject's words),
 * which starts a sentence where a name would follow an initial or a title: "... moved to
 * the U.S. Then ..." and "Plan B. The ..." are two sentences each. The price: a sentence
 * that ends in a capital and a period and is followed by any other word runs on into the
 * next ("... of cyclin B. Overexpression ..."), a longer quote rather than one cut off at
 * a middle initial. A break at a line end is always kept.
 * <p>
 * The check of the word is written here rather than left to ICU4J's
 * {@code FilteredBreakIteratorBuilder}, which applies the same list, because that filter
 * matches an entry against the end of any word ("NATO." ends in the listed "O.", so
 * "joined NATO. Then" stayed one sentence), never applies an entry with a period inside
 * ("U.S.", "Ph.D.") nor one that begins a longer entry ("E." of "E.G.", "Lt." of
 * "Lt.Cdr."), and looks back past one space only.
 */
public final class SentenceBreaks {

	/** The prototype each call clones: an ICU break iterator is not thread-safe. */
	private static final BreakIterator RULES = BreakIterator.getSentenceInstance(ULocale.ENGLISH);

	private static final Set<String> ABBREVIATIONS = abbreviations();

	private static final Pattern INITIALS = Pattern.compile("(?:\\p{Lu}\\.)+");

	/** Brackets and quotes before a word's first letter: "(B. J.)". */
	private static final Pattern OPENING = Pattern.compile("^[\\p{Ps}\\p{Pi}\"']+");

	/** The word after a break: its letters, and a period right after them. */
	private static final Pattern NEXT_WORD = Pattern.compile("[\\p{Ps}\\p{Pi}\"']*(\\p{L}[\\p{L}'\u2019]*)(\\.?)");

	private static final String LINE_ENDS = "\n\r\u000B\u000C\u0085\u2028\u2029";

	private SentenceBreaks() {
	}

	/**
	 * @param text text in English
	 * @return its sentences in order, each as it stands in the text with the spaces that
	 * follow it (together they are the text); none for empty text
	 */
	public static List<String> of(String text) {
		BreakIterator iterator = (BreakIterator) RULES.clone();
		iterator.setText(text);
		List<String> sentences = new ArrayList<>();
		int start = 0;
		for (int end = iterator.next(); end != BreakIterator.DONE; end = iterator.next()) {
			if (end == text.length() || !afterAbbreviation(text, end)) {
				sentences.add(text.substring(start, end));
				start = end;
			}
		}
		return sentences;
	}

	/**
	 * Whether a sentence goes on past the end of a line: the line ends with an
	 * abbreviation or an initial that ends no sentence before the next line's first word
	 * ("Foot Locker, Inc." then "(NYSE: FL) …"), so the line break is the layout's (a
	 * PDF's line), not the sentence's.
	 * @param line a line
	 * @param next the line after it
	 * @return whether the sentence goes on into the next line
	 */
	public static boolean goesOn(String line, String next) {
		String end = line.stripTrailing();
		String next0 = next.stripLeading();
		if (end.isEmpty() || next0.isEmpty()) {
			return false;
		}
		return afterAbbreviation(end + " " + next0, end.length() + 1);
	}

	/**
	 * @param text the text
	 * @param boundary where the rules break it
	 * @return whether the word before the boundary, on the same line, is an abbreviation
	 * that does not end a sentence
	 */
	private static boolean afterAbbreviation(String text, int boundary) {
		int end = boundary;
		while (end > 0 && isSpace(text.charAt(end - 1))) {
			if (LINE_ENDS.indexOf(text.charAt(end - 1)) >= 0) {
				return false;
			}
			end--;
		}
		int start = end;
		while (start > 0 && !isSpace(text.charAt(start - 1))) {
			start--;
		}
		String word = OPENING.matcher(text.substring(start, end)).replaceFirst("");
		return (INITIALS.matcher(word).matches() || ABBREVIATIONS.contains(word)) && !startsSentence(text, boundary);
	}

	/**
	 * @param text the text
	 * @param start where a word starts, after an abbreviation
	 * @return whether the word is an English function word ("The", "It", "We", "Then";
	 * Snowball's stop list) and not an initial ("A."): a name follows an initial or a
	 * title, a function word written with a capital starts a sentence
	 */
	private static boolean startsSentence(String text, int start) {
		Matcher next = NEXT_WORD.matcher(text).region(start, text.length());
		return next.lookingAt() && !INITIALS.matcher(next.group(1) + next.group(2)).matches()
				&& StopWords.contains(next.group(1));
	}

	private static boolean isSpace(char c) {
		return Character.isWhitespace(c) || Character.isSpaceChar(c);
	}

	/**
	 * CLDR's English sentence-break suppressions as ICU4J ships them (the data its
	 * {@code FilteredBreakIteratorBuilder.getInstance(ULocale.ENGLISH)} reads), and the
	 * few this class adds (see above).
	 */
	private static Set<String> abbreviations() {
		UResourceBundle suppressions = UResourceBundle.getBundleInstance(ICUData.ICU_BRKITR_BASE_NAME, ULocale.ENGLISH)
			.get("exceptions")
			.get("SentenceBreak");
		Set<String> abbreviations = new HashSet<>();
		for (int i = 0; i < suppressions.getSize(); i++) {
			abbreviations.add(suppressions.getString(i));
		}
		abbreviations.addAll(List.of("Dr.", "Gen.", "St.", "e.g.", "i.e.", "No.", "Inc.", "Corp.", "Co.", "Ltd."));
		return Set.copyOf(abbreviations);
	}

}
