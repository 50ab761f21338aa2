package dev.ragchat.api.chat.answer;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The sentences of retrieved text that are long enough to answer something, and how near
 * a query they are: shared by the extractive answer and the relevance check before a
 * language model is asked.
 */
final class Sentences {

	private static final int MIN_WORDS = 4;

	private Sentences() {
	}

	static List<String> of(String text) {
		BreakIterator iterator = BreakIterator.getSentenceInstance(Locale.ENGLISH);
		iterator.setText(text);
		List<String> sentences = new ArrayList<>();
		for (int start = iterator.first(),
				end = iterator.next(); end != BreakIterator.DONE; start = end, end = iterator.next()) {
			String sentence = text.substring(start, end).replaceAll("\\s+", " ").strip();
			if (sentence.split(" ").length >= MIN_WORDS) {
				sentences.add(sentence);
			}
		}
		return sentences;
	}

	static double similarity(float[] query, float[] sentence) {
		double sum = 0;
		for (int i = 0; i < query.length; i++) {
			sum += query[i] * sentence[i];
		}
		return sum;
	}

}
