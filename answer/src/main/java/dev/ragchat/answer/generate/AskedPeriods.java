package dev.ragchat.answer.generate;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.ragchat.answer.AnswerGenerator.Question;
import dev.ragchat.retrieval.Chunk;
import dev.ragchat.retrieval.query.Periods;

/**
 * The years a question asks, held against what the extract may quote: a sentence is of a
 * year when it writes it, or its table row's header, its heading, its document's title or
 * file name does ("FY18" is 2018). A question of 2018 over a filing that gives 2022 and
 * 2021 is not answered with their figures: the answer says which years the sources give.
 */
final class AskedPeriods {

	/** How many of the years the sources give an answer names at most. */
	static final int NAMED = 3;

	private AskedPeriods() {
	}

	/**
	 * @param question the question and its sources
	 * @param candidates the sentences of the sources
	 * @param periods the years asked
	 * @return the sentences of one of those years, in their order
	 */
	static List<Candidate> of(Question question, List<Candidate> candidates, List<String> periods) {
		return candidates.stream().filter((candidate) -> {
			String written = written(question, candidate);
			return periods.stream().anyMatch((year) -> Periods.writes(written, year));
		}).toList();
	}

	/**
	 * @param question the question and its sources
	 * @param candidates the sentences of the sources
	 * @param periods the years asked
	 * @return what the answer says of the years: those the sources give other than those
	 * asked, most written first, and those asked
	 */
	static String covered(Question question, List<Candidate> candidates, List<String> periods) {
		Map<String, Integer> counted = new HashMap<>();
		candidates.forEach(
				(candidate) -> Periods.years(candidate.text).forEach((year) -> counted.merge(year, 1, Integer::sum)));
		// a year asked is never named as another: a sentence that writes it, far from the
		// question, does not give it
		List<String> given = counted.entrySet()
			.stream()
			.filter((entry) -> !periods.contains(entry.getKey()))
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.map(Map.Entry::getKey)
			.limit(NAMED)
			.sorted(Comparator.reverseOrder())
			.toList();
		String asked = String.join(" or ", periods);
		return given.isEmpty() ? "The passages found do not say which year they are of, and none is of " + asked + "."
				: "The passages found give " + and(given) + ", not " + asked + ".";
	}

	private static String and(List<String> years) {
		return (years.size() == 1) ? years.get(0)
				: String.join(", ", years.subList(0, years.size() - 1)) + " and " + years.get(years.size() - 1);
	}

	/**
	 * What says which years a sentence is of: the sentence, and its chunk's heading,
	 * title and file name.
	 */
	private static String written(Question question, Candidate candidate) {
		Chunk chunk = question.sources().get(candidate.source - 1).chunk();
		return candidate.text + "\n" + chunk.headingPath() + "\n" + chunk.title() + "\n"
				+ chunk.filename().replaceAll("[_.]+", " ");
	}

}
