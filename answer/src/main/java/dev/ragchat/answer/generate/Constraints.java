package dev.ragchat.answer.generate;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.ragchat.answer.AnswerGenerator;
import dev.ragchat.answer.AnswerGenerator.Question;
import dev.ragchat.answer.Refusal;
import dev.ragchat.answer.Turn;
import dev.ragchat.answer.text.Asks;
import dev.ragchat.answer.text.Nouns;
import dev.ragchat.answer.text.Overlap;
import dev.ragchat.retrieval.Chunk;

/**
 * The constraints a question asks, held against the sentences the extract may quote: a
 * follow-up on a subject a turn named is answered from its documents when they answer, a
 * question of a year is answered from sentences of that year ({@link AskedPeriods}), of a
 * version from sentences of that version ({@link AskedVersions}), one of how many or how
 * much by what it asks to be given ({@link Measures}: a figure, a price, a length with
 * its unit) of the thing it measures, one of why by a sentence that gives a reason when
 * one does, one of who did something by a sentence that names the doer
 * ({@link AskedAgent}), and never by saying again what the answer before said. When no
 * sentence near the question meets them, the answer says what the sources give.
 */
final class Constraints {

	/**
	 * How English gives a reason: a cause ("because", "due to", "caused by", "as a
	 * result"), a purpose ("in order to", "to prevent", "on purpose", "designed to") or a
	 * finding or blame ("found that", "blamed").
	 */
	private static final Pattern REASON = Pattern.compile("\\b(?:because|due\\s+to|owing\\s+to|thanks\\s+to"
			+ "|on\\s+account\\s+of|caus(?:e|es|ed|ing)|as\\s+a\\s+result|result(?:s|ed)?\\s+(?:of|from|in)|le(?:d|ads?)\\s+to"
			+ "|reasons?|so\\s+that|therefore|hence|in\\s+order\\s+to|so\\s+as\\s+to|to\\s+(?:avoid|prevent|protect|reduce|stop)"
			+ "|on\\s+purpose|deliberately|(?:designed|intended|meant)\\s+to|found\\s+that|blam(?:e|ed|es))\\b",
			Pattern.CASE_INSENSITIVE);

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
			List<Measures> asked = Measures.allAsked(question.text());
			// a length, a distance or a size is written beside what it measures ("each
			// lesson lasts 30 minutes"); a count or a sum is often written of what the
			// sentence calls otherwise ("62 deaths" for people, a fee for agents)
			Set<String> measured = asked.stream().allMatch(Measures::countOrSum) ? Set.of()
					: Overlap.stems(new HashSet<>(Nouns.measured(question.text())));
			met = met.stream()
				.filter((candidate) -> asked.stream()
					.anyMatch((measure) -> measure.givenBy(candidate.text)
							&& (measure.countOrSum() || measured.isEmpty() || writes(question, candidate, measured))))
				.toList();
			// a sentence that gives what is asked (a figure, a price, a length) speaks of
			// part of what is asked, so it need only be as near as a side of a comparison
			if (nearest(met) < minSimilarity * ExtractiveGenerator.NEAR_QUESTION) {
				return new Met(met, Refusal.NO_FIGURE,
						AnswerGenerator.NOT_FOUND + " The passages found speak of it but give no "
								+ asked.stream().map(Measures::missing).collect(Collectors.joining(" or ")) + ".");
			}
		}
		// a why is answered by a reason, a who by the doer's name
		Met answers = (asks.operator() == Asks.WHY) ? why(question, met, minSimilarity)
				: named(question, met, minSimilarity);
		if (answers.refusal() != null) {
			return answers;
		}
		met = answers.candidates();
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

	/**
	 * Who did something is answered by a sentence that names the doer; one near enough to
	 * be a side of a comparison, as it speaks of part of what is asked (as a figure
	 * does).
	 */
	private static Met named(Question question, List<Candidate> met, double minSimilarity) {
		Optional<AskedAgent> agent = AskedAgent.asked(question.text());
		if (agent.isEmpty()) {
			return new Met(met, null, null);
		}
		List<Candidate> named = met.stream().filter((candidate) -> agent.get().namedBy(candidate.text)).toList();
		return (nearest(named) < minSimilarity * ExtractiveGenerator.NEAR_QUESTION)
				? new Met(named, Refusal.NO_AGENT,
						AnswerGenerator.NOT_FOUND + " The passages found speak of it but name no one who did it.")
				: new Met(named, null, null);
	}

	/**
	 * A why is answered by a reason: a sentence that gives one (a cause, a purpose, a
	 * finding) near enough to answer, or one that stands in the passage nearest the
	 * question, next to what it explains, near enough to be a side of a comparison.
	 * Without one, a why that follows an answer is answered only by what the passage of
	 * what it said adds next to it of what the message asks about (when the sentence
	 * nearest the question is what it said), never by saying it again nor by what the
	 * passages say of its subject besides: a page that gives no reason does not answer
	 * why.
	 */
	private static Met why(Question question, List<Candidate> met, double minSimilarity) {
		Candidate first = met.stream().max(Comparator.comparingDouble((c) -> c.nearness)).orElse(null);
		if (first == null) {
			return new Met(met, null, null);
		}
		double side = minSimilarity * ExtractiveGenerator.NEAR_QUESTION;
		List<Candidate> reasons = met.stream()
			.filter((candidate) -> (REASON.matcher(candidate.text).find() || Nouns.givesPurpose(candidate.text))
					&& (candidate.nearness >= minSimilarity
							|| (candidate.source == first.source && candidate.nearness >= side)))
			.toList();
		Set<String> said = answerBefore(question);
		if (!reasons.isEmpty() || said.isEmpty()) {
			return new Met(reasons.isEmpty() ? met : reasons, null, null);
		}
		if (said.containsAll(Overlap.words(first.text))) {
			// the sentence nearest the question is what the answer before said: what its
			// passage says next to it of what the message asks about (a word of its own)
			// is what it adds
			Set<String> own = Asks.own(question.text());
			List<Candidate> next = met.stream()
				.filter((candidate) -> candidate.source == first.source && candidate.nearness >= side
						&& !said.containsAll(Overlap.words(candidate.text))
						&& Overlap.words(candidate.text).stream().anyMatch(own::contains))
				.toList();
			return next.isEmpty()
					? new Met(List.of(), Refusal.NO_REASON,
							AnswerGenerator.NOT_FOUND
									+ " The passages found say what the answer before said, but give no reason for it.")
					: new Met(next, null, null);
		}
		return new Met(List.of(), Refusal.NO_REASON,
				AnswerGenerator.NOT_FOUND + " The passages found speak of it but give no reason for it.");
	}

	/**
	 * Whether a sentence, its table row's label, or its passage's title or heading writes
	 * a word of the thing a question measures ("how long is each session": a sentence of
	 * five days to a first appointment measures something else).
	 */
	private static boolean writes(Question question, Candidate candidate, Set<String> thing) {
		Chunk chunk = question.sources().get(candidate.source - 1).chunk();
		Set<String> words = Overlap.stems(Overlap.words(candidate.text + "\n" + Objects.toString(candidate.rowLabel, "")
				+ "\n" + chunk.title() + "\n" + chunk.headingPath()));
		return thing.stream().anyMatch(words::contains);
	}

	/**
	 * The words of the answer before the question, empty when there is none or it was
	 * refused.
	 */
	private static Set<String> answerBefore(Question question) {
		List<Turn> history = question.history();
		for (int i = history.size() - 1; i >= 0; i--) {
			if (!history.get(i).byUser()) {
				return history.get(i).refused() ? Set.of() : Overlap.words(history.get(i).content());
			}
		}
		return Set.of();
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
