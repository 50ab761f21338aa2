package dev.ragchat.answer.query;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.ragchat.answer.generate.AnswerGenerator;
import dev.ragchat.answer.generate.Turn;
import dev.ragchat.answer.search.Found;
import dev.ragchat.answer.search.Search;
import dev.ragchat.answer.text.Overlap;
import dev.ragchat.retrieval.ScoredChunk;
import dev.ragchat.retrieval.query.StopWords;

/**
 * Without a language model: whether a message needs its conversation is decided by what
 * the knowledge base says. The conversation supplies a subject, the words of the last
 * question before (and of the one before that when the last is short) that the message
 * does not already hold, never the whole earlier question; then
 * <ol>
 * <li>a subject the previous answer refused is not carried into a message that names its
 * own (a new question after "not in the documents" is a new question);</li>
 * <li>otherwise the message is searched alone and with the subject, and the best passages
 * of each search are read for the message's own words, weighted by rank;</li>
 * <li>the subject is carried unless the search with it holds markedly less of the
 * message's own words than the search alone: its first passages are about the old
 * subject, not about what is asked now ("Summarize the travel policy" after a question
 * about the office Wi-Fi). A message that points back ("it", "those", "and …") or has one
 * word of its own keeps the subject unless it loses a third of them.</li>
 * </ol>
 * Measured on multi-turn conversations (benchmarks/eval/mtrag.py), the conversation's
 * subject helps a follow-up's search far more often than it leads it away, hence the
 * subject by default and the evidence to drop it. Two searches a follow-up (none for a
 * first message); the one taken is handed on, so the answer does not search it again. The
 * decision and its reason go to the trace.
 */
public final class ConversationRewriter implements QueryRewriter {

	/** How many of a search's best passages are read for the words. */
	static final int READ = 3;

	/** The most words a subject carries. */
	static final int SUBJECT_WORDS = 12;

	/**
	 * The share of the message's own words a search with the subject may lose before the
	 * subject is judged to lead away from the message.
	 */
	static final double LOST = 0.34;

	/**
	 * How much less of a message's own words a search with the subject may hold before
	 * the subject is judged to lead away from a message that does not point back.
	 */
	static final double AWAY = 0.1;

	/** A question of fewer words of its own than this also carries the one before. */
	static final int SHORT = 3;

	private final Search search;

	/**
	 * @param search the one search
	 */
	public ConversationRewriter(Search search) {
		this.search = search;
	}

	@Override
	public Rewrite rewrite(Conversation conversation) {
		String question = conversation.question();
		Set<String> own = Overlap.words(question);
		Subject subject = Subject.of(conversation.history(), own);
		if (subject == null) {
			return Rewrite.asked(question, "the first message of the conversation");
		}
		if (subject.words().isEmpty()) {
			return Rewrite.asked(question, "the conversation adds no word the message does not hold");
		}
		boolean pointsByWord = POINTS_BACK.matcher(question).find();
		boolean pointsBack = pointsByWord || own.size() <= 1;
		if (subject.refused() && !pointsBack) {
			return Rewrite.asked(question,
					"the previous answer was refused and the message names a subject of its own: searched alone");
		}
		// the subject after the message: the message's first word stays the first of a
		// sentence (a capital there names nothing), the subject's names stay names
		String joined = question + " " + subject.text();
		// a message that points back is about the subject: the names of the questions it
		// points to count, as they were written; otherwise only the message's own. A name
		// alone ("MKSYSB") after an answered question names its own subject: the subject
		// is
		// context for the search, its names were found in the documents before
		boolean nameAlone = !pointsByWord && !subject.refused() && !this.search.shape(question).names().isEmpty();
		String named = (pointsBack && !nameAlone) ? question + " " + String.join(" ", subject.questions()) : question;
		if (subject.refused()) {
			// "its", "that year" after a refusal still mean the refused subject: the
			// answer stays on it rather than drifting to what the documents do hold
			return new Rewrite(joined,
					"it points back to a subject the previous answer refused: searched with \"" + subject.text() + "\"",
					null, named);
		}
		Found alone = this.search.search(conversation.asked());
		Found with = this.search.search(conversation.searching(joined));
		double ownAlone = coverage(own, alone);
		double ownWith = coverage(own, with);
		double aboutAlone = coverage(subject.words(), alone);
		double aboutWith = coverage(subject.words(), with);
		String read = String.format(java.util.Locale.ROOT,
				"alone, the best passages hold %.2f of its words and %.2f of the subject's; with the subject, %.2f and %.2f",
				ownAlone, aboutAlone, ownWith, aboutWith);
		if (ownWith < ownAlone - (pointsBack ? LOST : AWAY)) {
			return new Rewrite(question, "the subject \"" + subject.text() + "\" leads away from its own words (" + read
					+ "): searched alone", alone);
		}
		return new Rewrite(joined,
				(pointsBack ? "it points back or names little of its own" : "it follows on (the subject is context)")
						+ ": searched with the subject \"" + subject.text() + "\" (" + read + ")",
				with, named);
	}

	/**
	 * How much of the words the best passages found hold: each passage's share, weighted
	 * by its rank (1, 1/2, 1/3), so that a search whose first passage is about something
	 * else holds less than one whose first passage holds them (1 when there are none to
	 * hold).
	 */
	private static double coverage(Set<String> words, Found found) {
		if (words.isEmpty()) {
			return 1;
		}
		double held = 0;
		double weights = 0;
		List<ScoredChunk> chunks = found.chunks();
		for (int i = 0; i < READ; i++) {
			double weight = 1.0 / (i + 1);
			weights += weight;
			if (i < chunks.size()) {
				Set<String> passage = Overlap
					.words(chunks.get(i).chunk().title() + "\n" + chunks.get(i).chunk().text());
				held += weight * words.stream().filter(passage::contains).count() / words.size();
			}
		}
		return held / weights;
	}

	/**
	 * What the conversation is about, as far as the last questions say.
	 *
	 * @param text its words, in the order the user wrote them
	 * @param words the same as {@link Overlap#words}
	 * @param refused whether the answer to the last question was a refusal
	 * @param questions the questions it was read from, as written, oldest first
	 */
	record Subject(String text, Set<String> words, boolean refused, List<String> questions) {

		/**
		 * @param history the turns before the message
		 * @param own the message's own words ({@link Overlap#words})
		 * @return the subject, or {@code null} when no question came before
		 */
		static Subject of(List<Turn> history, Set<String> own) {
			List<String> questions = new ArrayList<>();
			boolean refused = false;
			boolean answered = false;
			for (int i = history.size() - 1; i >= 0 && questions.size() < 2; i--) {
				Turn turn = history.get(i);
				if (!turn.byUser()) {
					if (questions.isEmpty() && !answered) {
						answered = true;
						refused = turn.content().contains(AnswerGenerator.NOT_FOUND);
					}
					continue;
				}
				questions.add(0, turn.content());
				if (Overlap.words(turn.content()).size() >= SHORT) {
					break;
				}
			}
			if (questions.isEmpty()) {
				return null;
			}
			List<String> kept = new ArrayList<>();
			Set<String> seen = new HashSet<>(own);
			for (String token : String.join(" ", questions).split("\\s+")) {
				String word = token.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", "");
				if (word.isEmpty() || StopWords.contains(word) || kept.size() >= SUBJECT_WORDS) {
					continue;
				}
				Set<String> stem = Overlap.words(word);
				if (!stem.isEmpty() && seen.addAll(stem)) {
					kept.add(word);
				}
			}
			String text = String.join(" ", kept);
			return new Subject(text, Overlap.words(text), refused, List.copyOf(questions));
		}

	}

}
