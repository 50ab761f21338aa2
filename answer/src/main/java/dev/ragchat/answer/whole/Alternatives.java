package dev.ragchat.answer.whole;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Words a question joins with "or": a document says it with either ("mice or mouse
 * cells", "systematic reviews or meta-analyses", "monkeys or other non-human primates").
 * Each alternative is the run of words next to the "or" up to a stop word or a comma, as
 * English joins two nouns or noun phrases: what stands beside the "or" is what it joins.
 *
 * @param each the alternatives, each its words as stems
 */
record Alternatives(List<List<String>> each) {

	Alternatives {
		each = List.copyOf(each);
	}

	/**
	 * @param said what is asked
	 * @return the alternatives it joins with "or", each "or" once
	 */
	static List<Alternatives> in(String said) {
		String[] tokens = Figures.withDigits(said).split("\\s+");
		List<Alternatives> joined = new ArrayList<>();
		for (int i = 1; i + 1 < tokens.length; i++) {
			if (!tokens[i].equalsIgnoreCase("or") || tokens[i - 1].matches(".*[,;:]$")) {
				continue;
			}
			List<String> left = new ArrayList<>();
			for (int j = i - 1; j >= 0 && !Stems.of(tokens[j]).isEmpty(); j--) {
				left.addAll(0, Stems.of(tokens[j]));
				if (j > 0 && tokens[j - 1].matches(".*[,;:]$")) {
					break;
				}
			}
			List<String> right = new ArrayList<>();
			for (int k = i + 1; k < tokens.length; k++) {
				List<String> stems = Stems.of(tokens[k]);
				if (stems.isEmpty() && !right.isEmpty()) {
					break;
				}
				right.addAll(stems);
				if (!right.isEmpty() && tokens[k].matches(".*[,;:]$")) {
					break;
				}
			}
			if (!left.isEmpty() && !right.isEmpty()) {
				joined.add(new Alternatives(List.of(left, right)));
			}
		}
		return joined;
	}

	/**
	 * @param alternatives alternatives
	 * @return the words of any of them
	 */
	static Set<String> words(List<Alternatives> alternatives) {
		Set<String> words = new HashSet<>();
		alternatives.forEach((joined) -> joined.each().forEach(words::addAll));
		return words;
	}

	/**
	 * @param alternatives alternatives
	 * @return how many words a document must write of them: of each, its shortest
	 */
	static int least(List<Alternatives> alternatives) {
		return alternatives.stream().mapToInt(Alternatives::least).sum();
	}

	/**
	 * @param written whether a sentence writes a word
	 * @return how many words the alternative it writes most of leaves out (0: it writes
	 * one whole)
	 */
	int missing(Predicate<String> written) {
		return this.each.stream()
			.mapToInt((words) -> (int) words.stream().filter(written.negate()).count())
			.min()
			.orElse(0);
	}

	/**
	 * @return how many words the shortest alternative has: how many a document must write
	 */
	int least() {
		return this.each.stream().mapToInt(List::size).min().orElse(0);
	}

}
