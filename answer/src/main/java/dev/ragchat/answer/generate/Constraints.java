package dev.ragchat.answer.generate;

import java.util.List;
import java.util.regex.Pattern;

import dev.ragchat.answer.AnswerGenerator;
import dev.ragchat.answer.AnswerGenerator.Question;
import dev.ragchat.answer.Refusal;
import dev.ragchat.answer.text.Asks;

/**
 * The constraints a question asks, held against the sentences the extract may quote: a
 * follow-up on a subject a turn named is answered from its documents when they answer, a
 * question of a year is answered from sentences of that year ({@link AskedPeriods}), of a
 * version from sentences of that version ({@link AskedVersions}), one of how many or how
 * much by what it asks to be given ({@link Measures}: a figure, a price, a length with
 * its unit), one of why by a sentence that gives a reason when one does. When no sentence
 * near the question meets them, the answer says what the sources give.
 */
final class Constraints {

	/**
	 * How English gives a reason: a cause ("because", "due to", "caused by", "as a
	 * result"), a purpose ("in order to", "to prevent") or a finding or blame ("found
	 * that", "blamed").
	 */
	private static final Pattern REASON = Pattern.compile("\\b(?:because|due\\s+to|owing\\s+to|thanks\\s+to"
			+ "|on\\s+account\\s+of|caus(?:e|es|ed|ing)|as\\s+a\\s+result|result(?:s|ed)?\\s+(?:of|from|in)|le(?:d|ads?)\\s+to"
			+ "|reasons?|so\\s+that|therefore|hence|in\\s+order\\s+to|so\\s+as\\s+to|to\\s+(?:avoid|prevent|protect|reduce|stop)"
			+ "|found\\s+that|blam(?:e|ed|es))\\b", Pattern.CASE_INSENSITIVE);

	private Constraints() {
	}

	/**
	 * @param question the question and its sources
	 * @param candidates the sentences of the sources
	 * @param asks what the question asks
	 * @param minSimilarity how near the question a sentence must be to answer it
	 * @return the sentences that meet the constraints, or why none near the question does
	 */
	static Met met(Question question, List<Candidate> candidates, Question.Asked asks, double minSimilarity) {
		List<Candidate> met = candidates;
		if (!asks.periods().isEmpty()) {
			met = AskedPeriods.of(question, met, asks.periods());
			// a sentence of the year asked speaks of part of what is asked (the year), so
			// it need only be as near as a side of a comparison (a table row of the year
			// is rarely as near a long question as its prose)
			double near = minSimilarity * ExtractiveGenerator.NEAR_QUESTION;
			if (nearest(met) < near) {
				// what the sentences near the question give instead
				List<Candidate> nearQuestion = candidates.stream().filter((c) -> c.nearness >= near).toList();
				return new Met(met, Refusal.OTHER_PERIOD, AnswerGenerator.NOT_FOUND + " " + AskedPeriods
					.covered(question, nearQuestion.isEmpty() ? candidates : nearQuestion, asks.periods()));
			}
		}
		List<String> otherNumbers = AskedVersions.otherNumbers(question);
		if (!otherNumbers.isEmpty()) {
			// no sentence is of the numbered name asked ("Plan 3"): the sources give
			// others
			return new Met(List.of(), Refusal.OTHER_VERSION,
					AnswerGenerator.NOT_FOUND + " " + AskedVersions.coveredNumbers(question, otherNumbers));
		}
		List<String> versions = AskedVersions.asked(question.text());
		if (!versions.isEmpty()) {
			met = AskedVersions.of(question, met, versions);
			// as a year: a sentence of the version asked need only be as near as a side
			double near = minSimilarity * ExtractiveGenerator.NEAR_QUESTION;
			if (nearest(met) < near) {
				List<Candidate> nearQuestion = candidates.stream().filter((c) -> c.nearness >= near).toList();
				return new Met(met, Refusal.OTHER_VERSION, AnswerGenerator.NOT_FOUND + " " + AskedVersions
					.covered(question, nearQuestion.isEmpty() ? candidates : nearQuestion, versions));
			}
		}
		if (asks.operator() == Asks.QUANTITY) {
			Measures asked = Measures.asked(question.text());
			met = met.stream().filter((candidate) -> asked.givenBy(candidate.text)).toList();
			// a sentence that gives what is asked (a figure, a price, a length) speaks of
			// part of what is asked, so it need only be as near as a side of a comparison
			if (nearest(met) < minSimilarity * ExtractiveGenerator.NEAR_QUESTION) {
				return new Met(met, Refusal.NO_FIGURE, AnswerGenerator.NOT_FOUND
						+ " The passages found speak of it but give no " + asked.missing() + ".");
			}
		}
		if (asks.operator() == Asks.WHY) {
			// a sentence that gives a reason (a cause, a purpose, a finding) answers why
			// before one that only tells what happened, when it is near enough to answer
			List<Candidate> reasons = met.stream()
				.filter((candidate) -> REASON.matcher(candidate.text).find())
				.toList();
			met = (nearest(reasons) >= minSimilarity) ? reasons : met;
		}
		List<Candidate> subject = met.stream()
			.filter((candidate) -> asks.documents()
				.contains(question.sources().get(candidate.source - 1).chunk().documentId()))
			.toList();
		// the subject's own documents answer, unless another source's sentence is much
		// nearer what is asked: the search kept only sources about the subject (from its
		// documents or writing its name), so that is a page that names it, such as a
		// price list, never a page about something else
		double own = nearest(subject);
		return new Met(
				(own >= minSimilarity && own >= nearest(met) - ExtractiveGenerator.QUOTED_WITH_BEST) ? subject : met,
				null, null);
	}

	private static double nearest(List<Candidate> candidates) {
		return candidates.stream().mapToDouble((candidate) -> candidate.nearness).max().orElse(0);
	}

	/**
	 * @param candidates the sentences that meet the constraints
	 * @param refusal why none near the question does, or {@code null}
	 * @param said what the answer then says, or {@code null}
	 */
	record Met(List<Candidate> candidates, String refusal, String said) {

	}

}
