package dev.ragchat.answer.whole;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import dev.ragchat.answer.Listing;
import dev.ragchat.retrieval.query.StopWords;

/**
 * Whether a sentence says what a question about the whole scope asks of each document: it
 * writes the words of what is asked (as the Porter stemmer writes them, the sentence's
 * heading counting too; all but one of three, two of five; either side of an "or"
 * ({@link Alternatives}); a permission by "may" ({@link Permission}); a name for the noun
 * "which" asks it of), and none of them stands under a negation of its clause ("no
 * termination fee applies", "neither party owes a termination fee": the words without the
 * fact). A figure asked of each document must be in the sentence ({@link Figures}).
 * Written here because the rule is the judge of this one question kind: the extract's
 * judge reads the nearness of a sentence to a question, which tells nothing of a
 * negation.
 */
final class Says {

	private static final Pattern SPACE = Pattern.compile("\\s+");

	private static final Pattern DIGIT = Pattern.compile("\\d");

	/** A word written as a name is, where a name stands for the noun asked. */
	private static final Pattern NAME = Pattern.compile("^\\W*\\p{Lu}\\p{Ll}+\\W*$");

	/** A noun in the possessive the question begins with: group 1. */
	private static final Pattern POSSESSIVE = Pattern.compile("^\\W*(\\p{L}+)['\u2019]s\\s");

	/** How many words before an asked word a negation reaches. */
	private static final int REACH = 6;

	/**
	 * How many words (not stop words) may stand between two words the question writes
	 * side by side: a term is said together ("a termination fee"), not by words of two
	 * things ("the termination of the supplier's staff … any fees").
	 */
	private static final int SLOP = 4;

	private final List<String> asked;

	private final List<String> names;

	/**
	 * The noun "which" asks a name of ("country" of "which country's law governs each
	 * contract?"): the possessive the question begins with, said by the name a sentence
	 * gives ("Danish law governs"), or {@code null}.
	 */
	private final String named;

	/** The asked words the question joins with "or", and their words. */
	private final List<Alternatives> alternatives;

	private final Set<String> alternated;

	/** The asked words the question writes side by side, as pairs of stems. */
	private final List<String[]> phrases;

	/**
	 * The first letters of the asked words written in letters, and of the places named.
	 */
	private final List<String> prefixes;

	private final boolean figure;

	/**
	 * Whether what is asked is itself negated ("state that no termination fee is
	 * payable").
	 */
	private final boolean negative;

	/** Whether what is asked is said of an earlier document ("the previous lease"). */
	private final boolean another;

	/** The bound the question sets on a figure, or {@code null}. */
	private final Figures.Bound bound;

	/**
	 * @param predicate what a document must say
	 * @param figure whether it must give a figure
	 */
	Says(String predicate, boolean figure) {
		this.bound = Figures.Bound.in(predicate);
		String said = (this.bound != null) ? predicate.replace(this.bound.written(), " ") : predicate;
		this.asked = Stems.of(said);
		Matcher possessive = POSSESSIVE.matcher(said);
		this.named = possessive.lookingAt() ? Stems.stem(possessive.group(1)) : null;
		this.alternatives = Alternatives.in(said);
		this.alternated = Alternatives.words(this.alternatives);
		this.phrases = new ArrayList<>();
		String[] tokens = Figures.withDigits(said).replaceAll("(?<=\\p{L})['\u2019]s\\b", "").split("\\s+");
		for (int i = 0; i + 1 < tokens.length; i++) {
			List<String> pair = Stems.of(tokens[i] + " " + tokens[i + 1]);
			if (pair.size() == 2 && !tokens[i].matches(".*[,;:]$")) {
				this.phrases.add(pair.toArray(String[]::new));
			}
		}
		this.names = new ArrayList<>();
		for (String word : said.split("[^\\p{L}\\p{N}]+")) {
			if (!word.isEmpty() && !StopWords.contains(word)
					&& (Character.isUpperCase(word.charAt(0)) || Character.isDigit(word.charAt(0)))) {
				this.names.add(Stems.stem(word));
			}
		}
		this.prefixes = new ArrayList<>();
		for (String word : this.asked) {
			if (word.matches("\\p{L}{2,}")) {
				this.prefixes.add(prefix(word));
				String place = Names.place(word);
				if (place != null) {
					this.prefixes.add(prefix(place));
				}
			}
		}
		this.figure = figure;
		String[] words = predicate.split("\\s+");
		this.negative = Arrays.stream(words).anyMatch(Clauses::negates);
		this.another = IntStream.range(0, words.length).anyMatch((i) -> Earlier.document(words, i));
	}

	/**
	 * @return the words asked, as stems (empty: the question asks nothing a sentence can
	 * say)
	 */
	List<String> asked() {
		return this.asked;
	}

	/**
	 * @return how many of the asked words a passage that says what is asked writes at
	 * least, of those written in letters that are no names (a name may be written in
	 * another form, "Danish" for Denmark, a number in words or digits, a currency by its
	 * sign, a permission by "may"): what a scan can require of its candidates
	 */
	int required() {
		long words = this.asked.stream()
			.filter((word) -> !this.names.contains(word) && word.matches("\\p{L}+") && !Figures.saidByASign(word)
					&& !Permission.word(word) && !this.alternated.contains(word) && !word.equals(this.named))
			.distinct()
			.count() + Alternatives.least(this.alternatives);
		return (int) Math.max(0, words - tolerated(this.figure));
	}

	/**
	 * How many asked words (no names) a sentence may leave out: one of three, two of
	 * five, a figure asked standing, near the asked words, for the value it names ("120
	 * days' notice" gives the notice period), a bound for the figure and unit it asks, as
	 * "90 days" does.
	 */
	private int tolerated(boolean figured) {
		int counted = (int) this.asked.stream().filter((word) -> !this.alternated.contains(word)).count()
				+ Alternatives.least(this.alternatives) + ((this.bound != null) ? 2 : 0) + (figured ? 1 : 0);
		return (counted >= 5) ? 2 : (counted >= 3) ? 1 : 0;
	}

	/**
	 * @param sentence a sentence of a document
	 * @param heading the headings above it
	 * @return whether it says what is asked
	 */
	boolean says(String sentence, String heading) {
		return written(sentence, Heading.of(heading), null) >= 0;
	}

	/**
	 * @param sentence a sentence of a document
	 * @param heading the headings above it
	 * @param kind the kind of figure ({@link Figures#kind}) that may stand for an asked
	 * word the sentence leaves out, near the others ("120 days' notice" for the notice
	 * period), or {@code null} for none
	 * @return how many of the asked words it writes itself when it says what is asked
	 * (its heading aside), else -1
	 */
	int written(String sentence, Heading heading, String kind) {
		Listing.Value value = (this.figure || kind != null) ? Figures.value(sentence, heading.text()) : null;
		if (this.asked.isEmpty() || !mayHold(sentence, heading.text()) || (this.figure && value == null)
				|| (this.bound != null && !this.bound.writtenIn(sentence)
						&& Figures.of(sentence).stream().noneMatch(this.bound::holds))) {
			return -1;
		}
		List<String> words = Stems.of(sentence);
		List<String> headed = heading.stems();
		boolean permits = Permission.granted(sentence, words);
		int missing = 0;
		for (String word : this.asked) {
			if ((Permission.word(word) && permits) || this.alternated.contains(word)
					|| (word.equals(this.named) && Names.name(sentence, this.asked) != null)) {
				continue;
			}
			if (!words.contains(word) && !headed.contains(word)) {
				// a name, or a currency asked in small letters ("in euros"), narrows what
				// is asked
				if ((this.names.contains(word) && !Names.named(word, words, sentence) && !Names.named(word, headed))
						|| (Figures.saidByASign(word) && !this.names.contains(word))) {
					return -1;
				}
				missing += this.names.contains(word) ? 0 : 1;
			}
		}
		for (Alternatives joined : this.alternatives) {
			missing += joined
				.missing((word) -> words.contains(word) || headed.contains(word) || (this.names.contains(word)
						&& (Names.named(word, words, sentence) || Names.named(word, headed))));
		}
		// a term written apart ("a break fee … the termination date") is not written
		missing += apart(words);
		// a figure is looked for near the asked words only where a word is missing, or
		// under a heading that writes them ("Term and termination": "an early exit
		// charge of EUR 4,000 applies …")
		boolean standsFor = missing > tolerated(false) && kind != null && kind.equals(Figures.kind(value))
				&& (markedNear(Figures.withDigits(sentence), Says::digits)
						|| this.asked.stream().anyMatch(headed::contains));
		// an asked word a prefix turns is denied ("Catering | self-catered")
		if (missing > tolerated(standsFor) || (negated(sentence) || Stems.turns(sentence, this.asked)) != this.negative
				|| (!this.another && ofAnother(sentence))) {
			// (the sentence says it, or says that it is not, as the question asks)
			return -1;
		}
		return (int) this.asked.stream()
			.filter((word) -> words.contains(word) || Permission.word(word) && permits)
			.count();
	}

	/**
	 * @param sentence a sentence that says what is asked
	 * @return the name it gives ({@link Names#name})
	 */
	String name(String sentence) {
		return Names.name(sentence, this.asked);
	}

	/**
	 * @return whether the question bounds a figure or writes one: it is asked already
	 */
	boolean bounded() {
		return this.bound != null || this.asked.stream().anyMatch((word) -> DIGIT.matcher(word).lookingAt());
	}

	/**
	 * @return the first words of the terms the question writes ("termination" of
	 * "termination fee"), as stems
	 */
	List<String> modifiers() {
		return this.phrases.stream().map((pair) -> pair[0]).distinct().toList();
	}

	/**
	 * @param sentence a sentence
	 * @param heading the headings above it
	 * @return whether each asked word it leaves out is the head of a term the question
	 * writes whose modifier it or its heading writes: the same thing by another head ("an
	 * Early Termination Payment" of "termination fee", "a cancellation charge" under
	 * "Term and termination"; "a service fee" is another)
	 */
	boolean headsLeftOut(String sentence, Heading heading) {
		List<String> words = new ArrayList<>(Stems.of(sentence));
		words.addAll(heading.stems());
		return this.asked.stream()
			.filter((word) -> !words.contains(word) && !Permission.word(word) && !this.names.contains(word))
			.allMatch((word) -> this.phrases.stream()
				.anyMatch((pair) -> pair[1].equals(word) && words.contains(pair[0])));
	}

	/**
	 * @param sentence a sentence
	 * @return whether it defines what is asked as a term ({@link Names#defines})
	 */
	boolean defines(String sentence) {
		return Names.defines(sentence, this.asked);
	}

	/**
	 * The first letters of a stem that any form of its word writes: the stemmer rewrites
	 * a word's end only ("days": "dai").
	 */
	private static String prefix(String stem) {
		return stem.substring(0, Math.min(Names.NAME_STEM, stem.length() - 1));
	}

	/**
	 * Whether the sentence or its heading writes the first letters of an asked word: most
	 * sentences of a passage write none, and are passed over before their words are read.
	 */
	private boolean mayHold(String sentence, String heading) {
		if (this.prefixes.isEmpty()) {
			return true;
		}
		String text = (sentence + "\n" + heading).toLowerCase(Locale.ROOT);
		return this.prefixes.stream().anyMatch(text::contains);
	}

	/**
	 * How many pairs of words the question writes side by side ("termination fee") the
	 * sentence writes, but not within {@value #SLOP} words: each a word not written.
	 */
	private int apart(List<String> words) {
		int apart = 0;
		for (String[] phrase : this.phrases) {
			int nearest = Integer.MAX_VALUE;
			for (int i = 0; i < words.size(); i++) {
				if (!words.get(i).equals(phrase[0])) {
					continue;
				}
				for (int j = 0; j < words.size(); j++) {
					if (words.get(j).equals(phrase[1])) {
						nearest = Math.min(nearest, Math.abs(i - j));
					}
				}
			}
			if (nearest != Integer.MAX_VALUE && nearest > SLOP + 1) {
				apart++;
			}
		}
		return apart;
	}

	/**
	 * Whether a negation stands within {@value #REACH} words of one of the asked words
	 * the sentence writes, in the same clause, one of those that write most of them ("no
	 * termination fee applies", "the termination fee does not apply"; not "no cap
	 * applies, and a termination fee of EUR 5,000 is owed").
	 */
	private boolean negated(String sentence) {
		return Clauses.anyNegation(sentence) && markedNear(sentence, Clauses::negation);
	}

	private static boolean digits(String[] tokens, int i) {
		return DIGIT.matcher(tokens[i]).find();
	}

	/**
	 * Whether the sentence says it of another document than its own, one that came
	 * before, as near the asked words as a negation would stand ("the termination fee
	 * under that earlier agreement was settled").
	 */
	private boolean ofAnother(String sentence) {
		return Earlier.mentioned(sentence) && markedNear(sentence, Earlier::document);
	}

	/**
	 * Whether a word the marker marks stands within {@value #REACH} words of one of the
	 * asked words the sentence writes, in the same clause, one of those that write most
	 * of them.
	 */
	private boolean markedNear(String sentence, BiPredicate<String[], Integer> marker) {
		String[] tokens = SPACE.split(sentence);
		String[] stems = Arrays.stream(tokens).map(Stems::stem).toArray(String[]::new);
		// the modal stands where a permission asked is said ("no animals may be kept")
		boolean permission = this.asked.stream().anyMatch(Permission::word);
		List<int[]> marks = new ArrayList<>();
		List<int[]> asked = new ArrayList<>();
		int clause = 0;
		for (int i = 0; i < tokens.length; i++) {
			String stem = stems[i];
			// (an "or" between two words asked as alternatives joins them: "no cats or
			// dogs")
			boolean joins = i > 0 && i + 1 < tokens.length && this.alternated.contains(stems[i - 1])
					&& this.alternated.contains(stems[i + 1]);
			clause += (Clauses.begins(tokens, i) && !joins) ? 1 : 0;
			if (marker.test(tokens, i)) {
				marks.add(new int[] { i, clause });
			}
			else if (this.asked.contains(stem) || (permission && Permission.modal(tokens[i]))
					|| (!stem.isEmpty() && this.names.stream().anyMatch((name) -> Names.named(name, List.of(stem))))
					|| (this.named != null && i > 0 && NAME.matcher(tokens[i]).matches())) {
				asked.add(new int[] { i, clause });
			}
			if (Clauses.ends(tokens[i])) {
				clause++;
			}
		}
		// what is said is said in the clause that writes the most of the asked words: a
		// negation in another ("The laws of Norway apply, without regard to their
		// conflict of laws rules") is not of it
		int[] held = new int[clause + 1];
		Set<String> counted = new HashSet<>();
		for (int[] word : asked) {
			if (counted.add(word[1] + " " + stems[word[0]])) {
				held[word[1]]++;
			}
		}
		int most = Arrays.stream(held).max().orElse(0);
		return marks.stream()
			.anyMatch((mark) -> held[mark[1]] == most
					&& asked.stream().anyMatch((word) -> word[1] == mark[1] && Math.abs(word[0] - mark[0]) <= REACH));
	}

}
