package dev.ragchat.answer.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.ragchat.answer.AnswerGenerator.Question;
import dev.ragchat.answer.Turn;
import dev.ragchat.answer.text.Asks;
import dev.ragchat.answer.text.Kinds;
import dev.ragchat.answer.text.Overlap;
import dev.ragchat.answer.text.Qualifiers;
import dev.ragchat.retrieval.query.Periods;

/**
 * What a conversation is about and what its last message asks, read afresh at every turn
 * from every speaker's turns ({@link ConversationReader}): the state the query step hands
 * to search, the judges and the generator, and shows in the trace.
 *
 * @param focus what the conversation is about now, latest mention first: the subjects the
 * message names, or else those the conversation put in focus (empty: nothing named)
 * @param own whether the message names its own subject (it is then searched as asked)
 * @param operator what the message asks for, read from its words, never searched as text
 * @param periods the years asked, in the message or carried from the question it follows
 * up on
 * @param sides for a comparison that names neither side ("compare the two"), the two
 * earlier questions it compares, each as it stands on its own (empty otherwise)
 * @param why how the state was read, for the trace
 */
public record ConversationState(List<Subject> focus, boolean own, Asks operator, List<String> periods,
		List<String> sides, String why) {

	public ConversationState {
		focus = List.copyOf(focus);
		periods = List.copyOf(periods);
		sides = List.copyOf(sides);
	}

	/**
	 * @return what the generator is told the message asks
	 */
	public Question.Asked asked() {
		return new Question.Asked(this.operator, this.sides, this.periods,
				(this.own || this.focus.isEmpty()) ? null : String.join(" ", labels()), this.own ? List.of() : named(),
				documents());
	}

	/**
	 * @return what the message asks about that no document of the scope writes (empty:
	 * nothing)
	 */
	public List<String> unwritten() {
		return this.focus.stream()
			.filter((subject) -> Subject.UNWRITTEN.equals(subject.from()))
			.map(Subject::label)
			.toList();
	}

	/**
	 * @return the documents in focus, in the order of the subjects
	 */
	public List<String> documents() {
		return documentsOf(this.focus);
	}

	/**
	 * @return the documents of the subjects a turn named or an answer described (not
	 * those an answer only cited or read like): where a follow-up is searched and quoted
	 * first
	 */
	public List<String> named() {
		return namedOf(this.focus);
	}

	/**
	 * @param subjects subjects
	 * @return the documents of those a turn named (not those an answer only cited or read
	 * like)
	 */
	static List<String> namedOf(List<Subject> subjects) {
		return documentsOf(subjects.stream()
			.filter((subject) -> subject.documented()
					&& List.of(Subject.USER, Subject.ASSISTANT, Subject.DESCRIBED).contains(subject.from()))
			.toList());
	}

	/**
	 * @param subjects subjects
	 * @return their documents, in their order, each once
	 */
	static List<String> documentsOf(List<Subject> subjects) {
		Set<String> documents = new LinkedHashSet<>();
		subjects.forEach((subject) -> documents.addAll(subject.documentIds()));
		return List.copyOf(documents);
	}

	/**
	 * @return the subjects the answer before named (or described) in its text that have
	 * documents, when the message follows up on them (none when it names its own subject)
	 */
	public List<Subject> namedByAnswer() {
		return this.own ? List.of() : this.focus.stream()
			.filter((subject) -> (Subject.ASSISTANT.equals(subject.from()) || Subject.DESCRIBED.equals(subject.from()))
					&& subject.documented())
			.toList();
	}

	/**
	 * @return the names of the subjects in focus
	 */
	public List<String> labels() {
		List<String> labels = new ArrayList<>();
		this.focus.forEach((subject) -> labels.add(subject.label()));
		return labels;
	}

	/**
	 * The two questions a comparison that names neither side compares, each standing on
	 * its own: a question with no word of its own but its years ("and in 2022?") asks
	 * what the one before asked, of its own years.
	 */
	static List<String> compared(List<String> answered) {
		String first = answered.get(0);
		String second = answered.get(1);
		List<String> years = Periods.years(second);
		Set<String> own = Asks.own(second);
		if (!years.isEmpty() && own.stream().allMatch((word) -> Periods.isPeriodWord(word))) {
			Matcher year = Periods.YEAR.matcher(Periods.normalize(first));
			second = year.find() ? year.replaceAll(String.join(" and ", years)) : first + " " + String.join(" ", years);
		}
		return List.of(first, second);
	}

	/**
	 * A year told by the conversation's own: "the year before", "the previous year", "a
	 * year later", and "last year" or "next year" of a conversation that says which year
	 * it speaks of ("£12 in 2026" — "what was it last year?").
	 */
	private static final Pattern RELATIVE_YEAR = Pattern.compile(
			"\\b(?:(?:the|a)\\s+(?:year\\s+(before|earlier|prior|after|later)|(previous|prior|preceding|following|next)\\s+year)"
					+ "|(last|next)\\s+year)\\b",
			Pattern.CASE_INSENSITIVE);

	/**
	 * The message with a year it tells by the conversation's ("and the year before?")
	 * written as that year ("and in 2025?"): the year before or after the first year of
	 * the question before, or else of the answer to it. A constraint read like the years
	 * a message writes, never a subject.
	 * @param message the message
	 * @param history the turns before it, oldest first
	 * @return the message, its relative year written out when the conversation gives one
	 */
	static String dated(String message, List<Turn> history) {
		Matcher relative = RELATIVE_YEAR.matcher(message);
		if (!Periods.years(message).isEmpty() || !relative.find()) {
			return message;
		}
		int asked = history.size() - 1;
		while (asked >= 0 && !history.get(asked).byUser()) {
			asked--;
		}
		List<String> years = (asked >= 0) ? Periods.years(history.get(asked).content()) : List.of();
		if (years.isEmpty() && asked >= 0 && asked + 1 < history.size()) {
			years = Periods.years(history.get(asked + 1).content());
		}
		if (years.isEmpty()) {
			return message;
		}
		String told = ((relative.group(1) != null) ? relative.group(1)
				: (relative.group(2) != null) ? relative.group(2) : relative.group(3))
			.toLowerCase(Locale.ROOT);
		boolean before = List.of("before", "earlier", "prior", "previous", "preceding", "last").contains(told);
		int year = Integer.parseInt(years.get(0)) + (before ? -1 : 1);
		return message.substring(0, relative.start()) + "in " + year + message.substring(relative.end());
	}

	/**
	 * A message that asks no question of its own asks the user's question before again,
	 * with what it adds: a statement ({@link Asks#statement}: "How much is a season
	 * permit? I'm 67, if that makes any difference"), or a question with no word of its
	 * own but its years, which take the place of the question's ("and in 2022?": "What
	 * were net sales in 2022?").
	 * @param message the message
	 * @param history the turns before it
	 * @return the question it asks, as it stands on its own
	 */
	static String restated(String message, List<Turn> history) {
		boolean statement = Asks.statement(message);
		if (!statement && (Periods.years(message).isEmpty()
				|| !Asks.own(message).stream().allMatch((word) -> Periods.isPeriodWord(word)))) {
			return message;
		}
		for (int i = history.size() - 1; i >= 0; i--) {
			Turn turn = history.get(i);
			if (turn.byUser() && !Asks.statement(turn.content())) {
				Asks asks = Asks.of(message);
				if (!statement && asks != Asks.ANSWER && asks != Asks.of(turn.content())) {
					// it asks what the question before did not ("how much is it a
					// week for 2026/27?" after "which hall is nearest?"): its own
					return message;
				}
				// the question ends as a question, so that the message's first word is
				// read as the first of a sentence ("Great, we're planning …"), not a name
				String question = turn.content().strip().replaceFirst("(?<![.?!])$", "?");
				return statement ? question + " " + message.strip() : compared(List.of(turn.content(), message)).get(1);
			}
		}
		return message;
	}

	/**
	 * @param question a message that names its subjects, maybe in lower case ("how much
	 * did the ingrid cost to build?")
	 * @param named the subjects it names
	 * @return the message with each name written as its documents write it ("the
	 * Ingrid"), so that the sources are held to it as to a name written with capitals;
	 * not a name of English words only ("physical activity" may be just those words)
	 */
	static String capitalised(String question, List<Subject> named) {
		String written = question;
		for (String label : labelsOf(named)) {
			if (!Arrays.stream(label.split("[^\\p{L}]+")).filter((word) -> !word.isEmpty()).allMatch(Kinds::english)) {
				written = written.replaceAll("(?i)(?<![\\p{L}\\p{N}])" + Pattern.quote(label) + "(?![\\p{L}\\p{N}])",
						Matcher.quoteReplacement(label));
			}
		}
		return written;
	}

	/**
	 * A correction that names the thing the answer before spoke of and another ("That
	 * sounds like the Tax-Free Saver. I mean the Home Starter one.") means the other.
	 * @param named the subjects a correction names
	 * @param missed the documents the answer before was about
	 * @return those it means: the ones not about those documents, or all when none or
	 * every one is
	 */
	static List<Subject> meant(List<Subject> named, List<String> missed) {
		List<Subject> meant = named.stream()
			.filter((subject) -> subject.documentIds().stream().noneMatch(missed::contains))
			.toList();
		return (meant.isEmpty()) ? named : meant;
	}

	/**
	 * @param question a question
	 * @param named the subjects its message named
	 * @param meant those of them it means
	 * @return the question without the words of the names of those it does not mean
	 */
	static String without(String question, List<Subject> named, List<Subject> meant) {
		Set<String> words = new HashSet<>();
		named.stream()
			.filter((subject) -> !meant.contains(subject))
			.forEach((subject) -> words.addAll(Overlap.words(subject.label())));
		return words.isEmpty() ? question
				: Arrays.stream(question.split("\\s+"))
					.filter((word) -> Overlap.words(word).stream().noneMatch(words::contains))
					.collect(Collectors.joining(" "));
	}

	/**
	 * A message that says the answer before missed what was meant
	 * ({@link Asks#correction}) reads that answer as refused: it puts nothing in focus.
	 * @param message the message
	 * @param history the turns before it
	 * @return the turns as the message reads them
	 */
	static List<Turn> corrected(String message, List<Turn> history) {
		int last = history.size() - 1;
		if (last < 0 || history.get(last).byUser() || !Asks.correction(message)) {
			return history;
		}
		List<Turn> read = new ArrayList<>(history.subList(0, last));
		read.add(new Turn(history.get(last).role(), history.get(last).content(), List.of(), true));
		return read;
	}

	/**
	 * A preposition of place before a name, and its article ("over the"), or what names
	 * an example ("such as").
	 */
	private static final Pattern WHERE = Pattern.compile(
			"\\b(?:at|on|over|in|near|beside|under|across|along|off|inside|outside|behind|opposite|such as)\\s+(?:the\\s+)?$");

	/** A word written with its capital within a sentence: "for Growth customers". */
	private static final Pattern WITHIN_SENTENCE = Pattern
		.compile("(?<=[\\p{L}\\p{N},;]\\s{1,8})\\p{Lu}[\\p{L}\\p{N}]*(?![\\p{L}\\p{N}])");

	/**
	 * An answer that names one thing, and the others it names only as where that thing is
	 * ("the lost property office at Old Quay Terminal", "the Ossel Bridge, a road bridge
	 * over the River Tarn") or as an example of what it needs ("a compost such as
	 * Deeproot"), is about the first: the others are not what the conversation is about.
	 * Things named side by side ("the K2 and the K3") all stay.
	 * @param focus the subjects in focus
	 * @param said the answer before
	 * @return the focus, without the things the answer names only as where the first is
	 */
	static List<Subject> aboutFirst(List<Subject> focus, String said) {
		String answer = said.toLowerCase(Locale.ROOT);
		List<Subject> named = focus.stream()
			.filter((subject) -> Subject.ASSISTANT.equals(subject.from()) && at(answer, subject) >= 0)
			.sorted(java.util.Comparator.comparingInt((subject) -> at(answer, subject)))
			.toList();
		if (named.size() < 2 || WHERE.matcher(answer.substring(0, at(answer, named.get(0)))).find()
				|| !named.stream()
					.skip(1)
					.allMatch((other) -> WHERE.matcher(answer.substring(0, at(answer, other))).find())) {
			return focus;
		}
		return focus.stream().filter((subject) -> subject == named.get(0) || !named.contains(subject)).toList();
	}

	/**
	 * @param before what the question before the last was about, read only when the
	 * answer writes a name with its capital that no label in focus holds
	 * @param focus what the last answer put in focus
	 * @param said the last answer
	 * @return the subjects before that the answer still names (a word of the subject's
	 * label that no label in focus holds, written with its capital within a sentence:
	 * "for Growth customers" of "Ledgerly Growth"): what the answer named beside them is
	 * where it found the answer; else the focus
	 */
	static List<Subject> stillNamed(Supplier<List<Subject>> before, List<Subject> focus, String said) {
		Set<String> held = new HashSet<>();
		focus.forEach((subject) -> held
			.addAll(Arrays.asList(subject.label().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))));
		Set<String> written = new HashSet<>();
		Matcher capitalised = WITHIN_SENTENCE.matcher(said);
		while (capitalised.find()) {
			if (!held.contains(capitalised.group().toLowerCase(Locale.ROOT))) {
				written.add(capitalised.group());
			}
		}
		// most answers write no name beyond those in focus: the turn before is not read
		List<Subject> named = new ArrayList<>();
		for (Subject subject : written.isEmpty() ? List.<Subject>of() : before.get()) {
			if (!focus.contains(subject) && Arrays.stream(subject.label().split("[^\\p{L}\\p{N}]+"))
				.filter((word) -> word.length() > 2 && !held.contains(word.toLowerCase(Locale.ROOT)))
				.anyMatch((word) -> written.contains(Character.toUpperCase(word.charAt(0)) + word.substring(1)))) {
				named.add(subject);
			}
		}
		return named.isEmpty() ? focus : named;
	}

	/**
	 * The subjects of which a document was cited, each with all its documents (an answer
	 * from a company's 2018 filing keeps the company, and its other filings, in focus).
	 */
	static List<Subject> within(List<Subject> subjects, List<String> documents) {
		return subjects.stream()
			.filter((subject) -> subject.documentIds().stream().anyMatch(documents::contains))
			.toList();
	}

	/** Where the answer writes the subject: its label, or the name its label holds. */
	private static int at(String answer, Subject subject) {
		return answer.indexOf(Qualifiers.written(answer, subject.label()));
	}

	static List<String> labelsOf(List<Subject> subjects) {
		return subjects.stream().map(Subject::label).distinct().toList();
	}

	static String naming(List<Subject> subjects) {
		return subjects.isEmpty() ? "" : " (" + quoted(labelsOf(subjects)) + ")";
	}

	static String quoted(List<String> labels) {
		return "\"" + String.join("\", \"", labels) + "\"";
	}

	/**
	 * @return whether nothing in the message or the conversation names what it is about
	 */
	public boolean open() {
		return this.focus.isEmpty();
	}

}
