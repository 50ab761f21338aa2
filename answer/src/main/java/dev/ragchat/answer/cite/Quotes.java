package dev.ragchat.answer.cite;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.ragchat.answer.text.CitationMarkers;
import dev.ragchat.answer.text.Sentences;
import dev.ragchat.retrieval.text.SentenceBreaks;

/**
 * Finds the sentence of a cited source that a sentence of an answer rests on: the source
 * sentence whose words the answer's sentence holds most of (an extract holds all of
 * them). Words are compared, not meanings, so this costs no model call and gives the same
 * quote for the same answer every time.
 */
public final class Quotes {

	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

	private static final Pattern MARKER = Pattern.compile("\\h*\\[\\d{1,6}]");

	private Quotes() {
	}

	/**
	 * @param answer the answer with its markers
	 * @param markerStart where the marker citing the source starts in it
	 * @return the sentence the marker follows, without markers
	 */
	public static String claim(String answer, int markerStart) {
		String before = MARKER.matcher(answer.substring(0, markerStart)).replaceAll("").strip();
		List<String> sentences = SentenceBreaks.of(before);
		return sentences.isEmpty() ? before : sentences.get(sentences.size() - 1).strip();
	}

	/**
	 * @param claim a sentence of an answer
	 * @param source the cited source's text
	 * @return the source's sentence that the claim rests on (the source's text when it
	 * has no sentence long enough)
	 */
	public static String best(String claim, String source) {
		String text = CitationMarkers.neutralise(source);
		List<String> sentences = Sentences.of(text);
		if (sentences.isEmpty()) {
			return text.replaceAll("\\s+", " ").strip();
		}
		Set<String> said = words(claim);
		String best = sentences.get(0);
		double bestScore = -1;
		for (String sentence : sentences) {
			Set<String> words = words(sentence);
			long shared = words.stream().filter(said::contains).count();
			// how much of the sentence the claim holds, then how much it shares
			double score = (words.isEmpty() ? 0 : (double) shared / words.size()) + shared / 1000.0;
			if (score > bestScore) {
				best = sentence;
				bestScore = score;
			}
		}
		return best;
	}

	private static Set<String> words(String text) {
		Set<String> words = new HashSet<>();
		Matcher matcher = WORD.matcher(text.toLowerCase(Locale.ROOT));
		while (matcher.find()) {
			words.add(matcher.group());
		}
		return words;
	}

}
