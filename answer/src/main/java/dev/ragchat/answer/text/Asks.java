package dev.ragchat.answer.text;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a message asks for, read from the verbs and nouns English uses to ask it (a rule
 * of the language, the same for every subject): a summary, a comparison, a piece of
 * writing, or an answer. The extract quotes for the first two and says plainly that
 * writing needs a language model.
 */
public enum Asks {

	/** "Summarize the travel policy", "an overview of …", "the key points of …". */
	SUMMARY,

	/** "Compare A and B", "the difference between A and B", "A versus B". */
	COMPARISON,

	/** "Write an e-mail …", "draft a letter", "translate …", "rephrase …". */
	WRITING,

	/** "Why?", "why did sales fall?", "what is the reason …": the reasons. */
	WHY,

	/** "List the risks", "name every …", "what are all the …": several items. */
	LIST,

	/**
	 * "How much …", "how many …", "how long …", "what is the fee …": a quantity (a
	 * figure, a price, a length).
	 */
	QUANTITY,

	/** "Is it …?", "Does the router have …?": yes or no. */
	YES_NO,

	/** Anything else: a question the sources' sentences answer. */
	ANSWER;

	private static final Pattern WHY_WORDS = Pattern.compile(
			"^\\W*(?:and\\s+|but\\s+|so\\s+)?(?:why|how come)\\b|\\b(?:what|which) (?:is|was|are|were) the (?:reasons?|causes?) (?:for|of|why)\\b",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern LIST_WORDS = Pattern.compile(
			"^\\W*(?:please\\s+|can you\\s+|could you\\s+)?(?:list|enumerate|name)\\b|\\b(?:what|which) are all\\b|\\bevery one of\\b",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern QUANTITY_WORDS = Pattern
		.compile("\\bhow (?:much|many|long|often|frequently|far|big|large|wide|deep|tall|high|heavy|fast|old|soon)\\b"
				+ "|\\bwhat(?:'s|’s|\\s+(?:is|was|are|were))\\s+the\\s+(?:[\\p{L}-]+\\s+)?(?:costs?|prices?|fees?|charges?)\\b"
				+ "|\\bwhat\\s+(?:does|did|do|would|will|might)\\b[^?.!]{0,40}\\b(?:cost|charge)\\b",
				Pattern.CASE_INSENSITIVE);

	private static final Pattern YES_NO_WORDS = Pattern.compile(
			"^\\W*(?:and\\s+)?(?:is|are|was|were|do|does|did|can|could|will|would|should|has|have|had|may|must)\\b",
			Pattern.CASE_INSENSITIVE);

	/**
	 * The words that ask rather than name: a request's verbs and courtesies ("can you
	 * tell me", "please explain"), the words of each operator above, and the words that
	 * count or point at what was said ("the two", "both", "it"). Never a subject.
	 */
	private static final Pattern ASKING_WORDS = Pattern.compile("\\b(?:please|tell|give|show|explain|describe|elaborate"
			+ "|more|detail|details|summari[sz]e|summari[sz]ing|summary|sum up|overview|outline|gist|compare|comparison"
			+ "|compared|differences?|differ|versus|vs|list|enumerate|why|reasons?|how come|how much|how many"
			+ "|how (?:long|far|big|large|wide|deep|tall|high|heavy|fast|old|soon|often)|two|both"
			+ "|either|former|latter|ones?|same|thing|things)\\b", Pattern.CASE_INSENSITIVE);

	/** A word's clitic ("what's", "I'm", "isn't"), which is no word of its own. */
	private static final Pattern CLITIC = Pattern.compile("n['’]t\\b|['’](?:s|m|re|ve|ll|d)\\b",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern SUMMARY_WORDS = Pattern
		.compile("\\b(summari[sz]e|summari[sz]ing|summary|sum up|overview|outline|gist|tl;?dr"
				+ "|(key|main|important) (points|takeaways|ideas|facts))\\b", Pattern.CASE_INSENSITIVE);

	/**
	 * "What does the travel policy say?", "What is the handbook about?": what a document
	 * says as a whole, asked in so many words (not "what does it say about fees?").
	 */
	private static final Pattern WHAT_IT_SAYS = Pattern
		.compile("^\\s*what\\s+(?:does|do|did)\\s+(.+?)\\s+(?:say|cover|contain)\\s*[?.!]*\\s*$"
				+ "|^\\s*what\\s+(?:is|are)\\s+(.+?)\\s+about\\s*[?.!]*\\s*$", Pattern.CASE_INSENSITIVE);

	private static final Pattern COMPARISON_WORDS = Pattern
		.compile("\\b(compare|comparison|compared|differences?|differ|versus|vs\\.?)\\b", Pattern.CASE_INSENSITIVE);

	private static final Pattern WRITING_WORDS = Pattern.compile(
			"^\\s*(please\\s+|can you\\s+|could you\\s+)?(write|draft|compose|translate|rephrase|rewrite|paraphrase)\\b",
			Pattern.CASE_INSENSITIVE);

	/**
	 * @param message what was asked
	 * @return what it asks for
	 */
	public static Asks of(String message) {
		if (WRITING_WORDS.matcher(message).find()) {
			return WRITING;
		}
		if (SUMMARY_WORDS.matcher(message).find() || WHAT_IT_SAYS.matcher(message).matches()) {
			return SUMMARY;
		}
		if (COMPARISON_WORDS.matcher(message).find()) {
			return COMPARISON;
		}
		if (WHY_WORDS.matcher(message).find()) {
			return WHY;
		}
		if (LIST_WORDS.matcher(message).find()) {
			return LIST;
		}
		if (QUANTITY_WORDS.matcher(message).find()) {
			return QUANTITY;
		}
		return YES_NO_WORDS.matcher(message).find() ? YES_NO : ANSWER;
	}

	/**
	 * How a question or a request opens, the message or a clause of it ("I'm not a strong
	 * swimmer, is that a problem"): a question word, a request's verb, or a verb before
	 * its subject, as English asks ("is that …", "do they …"; "should have said" asks
	 * nothing).
	 */
	private static final String QUESTION_WORD = "(?:who|what|when|where|why|how|which|whose|whom|tell|give|show|list"
			+ "|explain|describe|summari[sz]e|compare|find|name|provide|help|let|please|write|draft|translate)\\b";

	private static final String AUXILIARY = "(?:is|are|was|were|do|does|did|can|could|will|would|should|has|have|had"
			+ "|may|might|must|shall)(?:n?['’]t)?\\b";

	private static final Pattern OPENS_ASKING = Pattern.compile(
			"^\\W*(?:(?:and|but|so|ok|okay|oh|well|then|also)\\W+)*(?:" + QUESTION_WORD + "|" + AUXILIARY
					+ ")|[.!;:,]\\s+(?:(?:and|but|so|then)\\s+)?(?:" + QUESTION_WORD + "|" + AUXILIARY
					+ "\\s+(?:i|you|we|they|he|she|it|that|this|there|these|those|the|a|an|my|your|our|their)\\b)",
			Pattern.CASE_INSENSITIVE);

	/**
	 * The words by which a statement speaks of the conversation rather than name a topic:
	 * the persons, theirs and what points ("I", "we", "she", "mine", "that one"), and the
	 * words that correct ("no", "not", "sorry", "meant").
	 */
	private static final Pattern SPEAKS = Pattern.compile("\\b(?:i|i'm|i’m|im|i've|i'd|me|my|mine"
			+ "|we|we're|we’re|our|ours|us|she|she's|he|he's|her|hers|his|they|they're|their|theirs|it|it's|it’s|its"
			+ "|that|that's|that’s|this|those|these|no|not|sorry|meant|mean)\\b", Pattern.CASE_INSENSITIVE);

	/**
	 * What asks inside a statement: a question put indirectly ("I'm not sure I understand
	 * what a handshake is") or a wish ("I want to explore …", "I'd like to …").
	 */
	private static final Pattern ASKS_WITHIN = Pattern.compile(
			"\\b(?:what|how|which|where|when|why|who|whether|want|wants|wanted|like to|need|needs|wonder)\\b",
			Pattern.CASE_INSENSITIVE);

	/**
	 * A message that asks no question of its own but says something of the question
	 * before: what it meant ("No, I meant the electric ones", "not that one, the 1911
	 * one") or what it adds ("I'm 67, if that makes any difference"). It has no question
	 * mark, opens as no question or request does and asks nothing within, and it speaks
	 * of the conversation: a bare topic ("Virtualization") is a question of its own,
	 * about that topic.
	 * @param message what was said
	 * @return whether it states rather than asks
	 */
	public static boolean statement(String message) {
		return message.indexOf('?') < 0 && !OPENS_ASKING.matcher(message).find() && !ASKS_WITHIN.matcher(message).find()
				&& SPEAKS.matcher(message).find();
	}

	/**
	 * The words that say an answer missed what was meant: "no", "not that one", "I
	 * meant".
	 */
	private static final Pattern CORRECTING = Pattern.compile("\\b(?:no|not|meant|mean|instead|rather|wrong)\\b",
			Pattern.CASE_INSENSITIVE);

	/**
	 * @param message what was said
	 * @return whether it is a {@link #statement} that says the answer before missed what
	 * was meant ("No, I meant the electric ones", "no not that one, the 1911 one")
	 */
	public static boolean correction(String message) {
		return statement(message) && CORRECTING.matcher(message).find();
	}

	/**
	 * How English says a message leaves what was spoken of: "different question", "a
	 * different thing", "unrelated, but", "by the way", "on another note", "changing the
	 * subject", said in its first words and set off from what it goes on to ask.
	 */
	private static final Pattern MOVES_ON = Pattern.compile("^(?:\\W*[\\p{L}']+){0,4}?\\W*\\b(?:(?:completely|totally"
			+ "|quite|a|another|one)\\s+)?(?:different\\s+(?:thing|question|topic|subject)|unrelated|by\\s+the\\s+way"
			+ "|on\\s+(?:another|a\\s+different|a\\s+separate)\\s+note|chang(?:e|ing)\\s+(?:of\\s+|the\\s+)?subject"
			+ "|new\\s+(?:topic|subject))\\s*(?:[,:;.!\\u2013\\u2014-]+\\s*(?:but\\b)?|(?:but|question)\\b)\\s*",
			Pattern.CASE_INSENSITIVE);

	/**
	 * @param message what was sent
	 * @return whether it says it leaves what was spoken of ("ok, different question: how
	 * long …", "Unrelated, but is there …"): nothing said before is its subject
	 */
	public static boolean movesOn(String message) {
		return MOVES_ON.matcher(message).find();
	}

	/**
	 * @param message what was sent
	 * @return what it asks after saying it moves on ("how long …" of "fine. different
	 * thing, how long …"), the message itself when it does not say so
	 */
	public static String afterMovingOn(String message) {
		Matcher moves = MOVES_ON.matcher(message);
		return (moves.find() && moves.end() < message.length()) ? message.substring(moves.end()) : message;
	}

	/**
	 * The words by which English points back at something said before: the third person's
	 * pronouns ("it", "they", "her"), "this", "that", "one" ("the other one") and "there"
	 * when it is a place ("getting off there", not "is there a …").
	 */
	private static final Pattern POINTS_BACK = Pattern.compile(
			"\\b(?:it|its|it's|it’s|they|them|their|theirs|he|him"
					+ "|his|she|her|hers|this|that|these|those|one|ones)\\b"
					+ "|(?<!\\b(?:is|are|was|were|be)\\s)\\bthere\\b(?!\\s+(?:is|are|was|were|be|'s|’s)\\b)",
			Pattern.CASE_INSENSITIVE);

	/**
	 * @param message what was asked
	 * @return whether it points back at something said before ("how much does it cost",
	 * "can my boyfriend stay there?"); "How many days after a trip may expenses be
	 * claimed?" stands on its own
	 */
	public static boolean pointsBack(String message) {
		return POINTS_BACK.matcher(message).find();
	}

	/**
	 * @param message what was sent
	 * @return the message from its first sentence that asks (ends in a question mark) on,
	 * the message itself when none does: what comes before a question sets it up ("OK,
	 * I'll order one. How much is delivery?" asks of delivery), what comes after it says
	 * more of what it asks ("Can my dog come? She's a strong hiker.")
	 */
	public static String asking(String message) {
		List<String> sentences = Sentences.of(message);
		for (int i = 0; i < sentences.size(); i++) {
			if (Sentences.isQuestion(sentences.get(i))) {
				return String.join(" ", sentences.subList(i, sentences.size()));
			}
		}
		return message;
	}

	/** How English points back at a person: never a placeholder as "it" or "there" is. */
	private static final Pattern POINTS_AT_SOMEONE = Pattern.compile("\\b(?:he|him|his|she|her|hers)\\b",
			Pattern.CASE_INSENSITIVE);

	/**
	 * @param message what was asked
	 * @return whether it points back at a person said before ("what became of him
	 * afterwards?"): such a pronoun stands for someone, where "it" may stand for nothing
	 * ("is it possible to …") and "this" for what the message goes on to say
	 */
	public static boolean pointsAtSomeone(String message) {
		return POINTS_AT_SOMEONE.matcher(message).find();
	}

	/**
	 * @param message what was asked
	 * @return the words of what it asks about: its words ({@link Overlap#words}) without
	 * those that ask, count or point ("summarise it", "compare the two", "why?" have
	 * none)
	 */
	public static Set<String> own(String message) {
		return Overlap.words(ASKING_WORDS.matcher(CLITIC.matcher(message).replaceAll("")).replaceAll(" "));
	}

	/** "between A and B", "compare A with B", "A versus B". */
	private static final Pattern SIDES = Pattern.compile(
			"(?:between|compare|comparing|comparison of)\\s+(.+?)\\s+(?:and|with|to|versus|vs\\.?)\\s+(.+?)\\s*[?.!]*$"
					+ "|^(?:.*?\\b(?:is|are)\\s+)?(.+?)\\s+(?:versus|vs\\.?)\\s+(.+?)\\s*[?.!]*$",
			Pattern.CASE_INSENSITIVE);

	/**
	 * @param message a comparison
	 * @return the two things it compares, as written, or an empty list when it does not
	 * name two
	 */
	public static java.util.List<String> sides(String message) {
		Matcher sides = SIDES.matcher(message.strip());
		if (!sides.find()) {
			return java.util.List.of();
		}
		String first = (sides.group(1) != null) ? sides.group(1) : sides.group(3);
		String second = (sides.group(2) != null) ? sides.group(2) : sides.group(4);
		if (Overlap.words(first).isEmpty() || Overlap.words(second).isEmpty()) {
			return java.util.List.of();
		}
		return java.util.List.of(first.strip(), second.strip());
	}

	/**
	 * @param sides the two things compared, as written
	 * @return how an answer names each: as written, or for two questions that ask the
	 * same of different years, by what each says that the other does not ("2018", "2022")
	 */
	public static java.util.List<String> labels(java.util.List<String> sides) {
		if (sides.stream().map(Asks::own).distinct().count() > 1) {
			return sides;
		}
		java.util.List<String> labels = new java.util.ArrayList<>();
		for (int i = 0; i < sides.size(); i++) {
			java.util.Set<String> other = new java.util.HashSet<>();
			for (int j = 0; j < sides.size(); j++) {
				if (j != i) {
					other
						.addAll(java.util.Arrays.asList(sides.get(j).toLowerCase(java.util.Locale.ROOT).split("\\W+")));
				}
			}
			String own = java.util.Arrays.stream(sides.get(i).split("\\W+"))
				.filter((word) -> !word.isEmpty() && !other.contains(word.toLowerCase(java.util.Locale.ROOT)))
				.collect(java.util.stream.Collectors.joining(" "));
			labels.add(own.isEmpty() ? sides.get(i) : own);
		}
		return labels;
	}

	/**
	 * What a summary request is about is the object of its summary word, which English
	 * writes after it ("Can you please summarize the travel policy?", "a summary of the
	 * handbook"), or, with nothing after it, the words before it ("Travel policy
	 * overview"): the words that make the request ("can you", "I would like") are not
	 * what it is about. A summary word followed only by a pointing word ("summarize it")
	 * is about the document in focus: no words.
	 * @param message what was asked
	 * @return the words of what it asks about, without the words that ask
	 * ({@link Overlap#words}: "Summarize the travel policy" is about travel and policy)
	 */
	public static Set<String> topic(String message) {
		Matcher says = WHAT_IT_SAYS.matcher(message);
		if (says.matches()) {
			message = (says.group(1) != null) ? says.group(1) : says.group(2);
		}
		Matcher asking = SUMMARY_WORDS.matcher(message);
		int before = -1;
		int after = -1;
		while (asking.find()) {
			before = (before < 0) ? asking.start() : before;
			after = asking.end();
		}
		if (after >= 0) {
			String object = message.substring(after);
			message = object.isBlank() ? message.substring(0, before) : object;
		}
		String topic = message;
		topic = COMPARISON_WORDS.matcher(topic).replaceAll(" ");
		topic = WRITING_WORDS.matcher(topic).replaceAll(" ");
		Set<String> words = Overlap.words(topic);
		words.removeAll(Overlap.words("give tell provide explain describe please document documents section"));
		return words;
	}

}
