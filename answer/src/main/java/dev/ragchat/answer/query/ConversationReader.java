package dev.ragchat.answer.query;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import dev.ragchat.answer.EngineSettings.NamesRule;
import dev.ragchat.answer.SearchRequest;
import dev.ragchat.answer.Turn;
import dev.ragchat.answer.search.KnowledgeBaseSearch;
import dev.ragchat.answer.text.Asks;
import dev.ragchat.answer.text.Nouns;
import dev.ragchat.answer.text.Overlap;
import dev.ragchat.retrieval.ScoredChunk;
import dev.ragchat.retrieval.query.ShapedQuery;

/**
 * Reads the state of a conversation at its last message ({@link ConversationState}), from
 * every speaker's turns, and decides what to search:
 * <ol>
 * <li>what the message asks for, its operator ({@link Asks}), read from its words and
 * never searched as a subject;</li>
 * <li>what it is about: a message that names its own subject (a document's title or part
 * of it, a name a title holds, {@link Mentions}; a name the documents in focus do not
 * write: a proper name, which may have no document, or a code other documents write) is
 * searched as asked and puts that subject in focus;</li>
 * <li>otherwise it follows up on the subject in focus: the latest one a turn named, the
 * answer's (what it names, its pick when its question asked which, {@link Picked}; else
 * what it cited or quoted) before its question's; a turn whose answer was refused puts
 * nothing in focus. It is searched with the subject's name, in the subject's documents
 * when they speak of what it asks. When other documents speak of its nouns (the things it
 * asks of) and the subject's do not, it may have moved on, unless a turn named the
 * subject and the message points back at it ("how much does it cost");</li>
 * <li>the constraints asked: the years of the message, or those of the question it
 * follows up on; a comparison that names neither side ("compare the two") compares the
 * last two questions answered.</li>
 * </ol>
 * Nothing here is a word list about a subject: a subject is only ever what a document's
 * title or a proper name names.
 */
public final class ConversationReader implements QueryRewriter {

	/** How many of the user's earlier questions are read for the focus at most. */
	static final int READ_QUESTIONS = 6;

	/** How many passages of a keyword look-up are read for the message's words. */
	static final int COVERAGE = 3;

	/** How many documents an answer's citations put in focus at most. */
	static final int CITED = 3;

	private final KnowledgeBaseSearch search;

	private final Mentions mentions;

	/**
	 * @param search the one search
	 */
	public ConversationReader(KnowledgeBaseSearch search) {
		this.search = search;
		this.mentions = new Mentions(search);
	}

	@Override
	public Rewrite rewrite(Conversation conversation) {
		String message = ConversationState.dated(conversation.question(), conversation.history());
		String question = ConversationState.restated(message, conversation.history());
		Rewrite read = read(conversation, message, question);
		return question.equals(message) ? read
				: new Rewrite(read.query(),
						"it asks no question of its own, the one before is asked again; " + read.why(), read.found(),
						read.named(), read.state(), read.documents(), read.held());
	}

	/**
	 * The message names its subject (a correction, the one it means); the question is
	 * what it asks, on its own.
	 */
	private Rewrite read(Conversation conversation, String message, String restated) {
		SearchRequest scope = conversation.asked();
		List<Subject> named = this.mentions.in(message, scope, Subject.USER);
		List<Subject> meant = (named.size() < 2 || !Asks.correction(message)) ? named : ConversationState.meant(named,
				ConversationState.documentsOf(prior(conversation.history(), scope).focus()));
		String question = ConversationState.without(restated, named, meant);
		named = meant;
		Asks operator = Asks.of(question);
		ShapedQuery shaped = this.search.shape(question);
		List<String> periods = shaped.periods();
		boolean movesOn = Asks.movesOn(question);
		if (conversation.history().isEmpty() || !named.isEmpty() || movesOn) {
			// searched as asked, and in the pages about what it names, each read whole; a
			// message that says it moves on ("different question: …") as if it were the
			// first, what it says it leaves not searched
			question = Asks.afterMovingOn(question);
			String why = (conversation.history().isEmpty())
					? "the first message of the conversation" + ConversationState.naming(named)
					: movesOn ? "the message says it moves on" + ConversationState.naming(named) + ": searched as asked"
							: "the message names its own subject" + ConversationState.naming(named)
									+ ": searched as asked";
			ConversationState state = new ConversationState(named, true, operator, periods, List.of(), why);
			// the sources are held to the names of what it names: a page about something
			// else is no answer
			String held = ConversationState.capitalised(question, named);
			return new Rewrite(question, state.why(), null, held.equals(question) ? null : held, state,
					this.mentions.titled(named), List.of());
		}
		Subject unwritten = AskedAbout.unwritten(question, scope, this.search);
		if (unwritten != null) {
			return asked(question, new ConversationState(List.of(unwritten), true, operator, periods, List.of(),
					"the message asks about " + unwritten.label() + ", which no document writes"));
		}
		Prior prior = prior(ConversationState.corrected(message, conversation.history()), scope);
		Described described = Described.of(message, conversation.history(), prior.focus(), this.mentions, scope,
				2 * READ_QUESTIONS);
		prior = (described != null)
				? new Prior(List.of(described.subject()), prior.answered(), prior.said(), described.noun())
				: new Prior(ConversationState.aboutFirst(prior.focus(), prior.said()), prior.answered(), prior.said(),
						null);
		String other = TheOther.question(message, conversation.history(), prior.focus(), this.mentions, scope);
		if (other != null && !other.equals(message)) {
			Rewrite asked = read(conversation, other, other);
			return new Rewrite(asked.query(), "\"the other\" of the things the question before named: " + asked.why(),
					asked.found(), asked.named(), asked.state(), asked.documents(), asked.held());
		}
		List<String> unspoken = unspoken(shaped, prior, scope);
		if (!unspoken.isEmpty()) {
			List<Subject> own = unspoken.stream().map((name) -> new Subject(name, List.of(), Subject.USER)).toList();
			return asked(question, new ConversationState(own, true, operator, periods, List.of(), "the message names "
					+ String.join(", ", unspoken) + ", which the documents in focus do not: searched as asked"));
		}
		String kind = prior.focus().isEmpty() ? null
				: this.mentions.elsewhere(question, ConversationState.documentsOf(prior.focus()), scope);
		if (prior.focus().isEmpty() || kind != null) {
			String why = (kind != null) ? "the message points at a " + kind + ", which the documents in focus do not"
					: "neither the message nor the conversation names a document's subject";
			return asked(question,
					new ConversationState(List.of(), false, operator, periods, List.of(), why + ": searched as asked"));
		}
		return followUp(question, scope, operator, periods, prior);
	}

	/**
	 * A message that follows up on the subject in focus: searched with its name, in its
	 * documents when they speak of what the message asks, with the years asked before
	 * when it asks none.
	 */
	private Rewrite followUp(String question, SearchRequest scope, Asks operator, List<String> periods, Prior prior) {
		String labels = String.join(" ", ConversationState.labelsOf(prior.focus()));
		String previous = prior.answered().isEmpty() ? "" : prior.answered().get(prior.answered().size() - 1);
		// reasons are not of the year of what they explain (an inquiry of 1880 into a
		// collapse of 1879): a "why" carries no year
		List<String> asked = (periods.isEmpty() && operator != Asks.WHY && !previous.isBlank())
				? this.search.shape(previous).periods() : periods;
		Set<String> own = Asks.own(question);
		boolean reasons = own.isEmpty() && operator == Asks.WHY;
		List<String> sides = List.of();
		String query;
		if (operator == Asks.COMPARISON && Asks.sides(question).size() < 2 && prior.answered().size() == 2) {
			sides = ConversationState.compared(prior.answered());
			query = question + " " + labels;
		}
		else if (own.isEmpty() && operator == Asks.SUMMARY) {
			query = labels;
		}
		else if (reasons) {
			query = question + " " + (Asks.own(prior.said()).isEmpty() ? previous + " " + labels : prior.said());
		}
		else if (ConversationState.namedOf(prior.focus()).isEmpty()) {
			// no turn named the subject's documents, an answer only cited or read like
			// them: the question before stands for it
			query = question + " " + labels + " " + String.join(" ", Asks.own(previous));
		}
		else {
			query = question + " " + labels;
		}
		List<String> documents = ConversationState.documentsOf(prior.focus());
		String carried = asked.equals(periods) ? "" : " " + String.join(" ", asked);
		// what a message asks is in its question and after it ("OK, I'll order one. How
		// much is delivery?" asks of delivery)
		String asking = Asks.asking(question);
		// a message that points back at a subject a turn named is about it, whatever
		// words other documents hold ("Can my dog come?" of a trail); so is one that
		// points at a person of the page the answer before reads like ("what became of
		// him afterwards?"), as "it" or "this" of such a page need not be
		boolean tested = !documents.isEmpty() && !(ConversationState.namedOf(prior.focus()).isEmpty()
				? Asks.pointsAtSomeone(question) : Asks.pointsBack(asking));
		Set<String> things = tested ? Asks.own(String.join(" ", Nouns.of(asking))) : Set.of();
		Set<String> inFocus = held(things, scope.in(documents), documents, true);
		Set<String> elsewhere = held(things, scope, documents, false);
		if (tested && !inFocus.containsAll(elsewhere) && elsewhere.containsAll(inFocus)) {
			// other documents hold words of the message its subject's do not, and the
			// subject's hold none they do not: the conversation may have moved on
			String why = "other documents speak of " + String.join(", ", new TreeSet<>(elsewhere)) + ", those of "
					+ ConversationState.quoted(ConversationState.labelsOf(prior.focus())) + " of "
					+ (inFocus.isEmpty() ? "none of it" : String.join(", ", new TreeSet<>(inFocus)));
			if (ConversationState.namedOf(prior.focus()).isEmpty()) {
				return asked(question, new ConversationState(List.of(), true, operator, periods, List.of(),
						why + ": searched as asked"));
			}
			// a subject a turn named stays in focus all the same ("dry fruit" of a page
			// that says "dehydrate"): its documents searched beside the scope, first
			List<Subject> kept = prior.focus().stream().filter(Subject::documented).toList();
			ConversationState state = new ConversationState(kept, false, operator, periods, List.of(),
					why + ": searched as asked, the documents of "
							+ ConversationState.quoted(ConversationState.labelsOf(kept)) + " first when they answer");
			return new Rewrite(question, state.why(), null, null, state, state.named(), List.of());
		}
		ConversationState state = new ConversationState(prior.focus(), false, operator, asked, sides,
				"it follows up on " + ConversationState.quoted(ConversationState.labelsOf(prior.focus())) + " ("
						+ ((prior.called() != null) ? "called \"the " + prior.called() + "\", named before"
								: prior.focus().get(0).origin())
						+ ")" + (carried.isEmpty() ? "" : "; the years asked before carried:" + carried));
		// a subject someone named is searched in its documents; one only cited or read
		// is context (where the answer was, not the next one); the sources are about the
		// subject (its documents, or writing its name), held to the message's names and
		// years (and the name of a subject no document is about); reasons anywhere
		String held = documents.isEmpty() ? " " + labels : "";
		return new Rewrite(query + carried, state.why(), null, question + held + carried, state,
				(!ConversationState.namedOf(prior.focus()).isEmpty() && !reasons) ? documents : List.of(),
				reasons ? List.of() : prior.focus());
	}

	/**
	 * The message's own words (as their stems) that the first {@link #COVERAGE} passages
	 * a keyword look-up of them finds hold, in the subject's documents or in the others.
	 */
	private Set<String> held(Set<String> own, SearchRequest where, List<String> documents, boolean inside) {
		Set<String> held = new HashSet<>();
		if (own.isEmpty()) {
			return held;
		}
		Set<String> asked = Overlap.stems(own);
		for (ScoredChunk found : this.search.search(where.lookingUp(String.join(" ", own), COVERAGE + 3)).chunks()) {
			if (documents.contains(found.chunk().documentId()) != inside) {
				continue;
			}
			Set<String> words = Overlap.stems(Overlap
				.words(found.chunk().title() + "\n" + found.chunk().headingPath() + "\n" + found.chunk().text()));
			asked.stream().filter(words::contains).forEach(held::add);
		}
		return held;
	}

	/**
	 * What the turns before the message put in focus (the latest mention, from either
	 * speaker; nothing from a turn whose answer was refused) and the questions answered,
	 * the last two, oldest first.
	 */
	private Prior prior(List<Turn> history, SearchRequest scope) {
		List<Subject> focus = List.of();
		List<String> answered = new ArrayList<>();
		String said = "";
		Turn latest = null;
		int read = 0;
		for (int i = history.size() - 1; i >= 0 && read < READ_QUESTIONS; i--) {
			Turn turn = history.get(i);
			if (!turn.byUser()) {
				continue;
			}
			read++;
			Turn answer = (i + 1 < history.size() && !history.get(i + 1).byUser()) ? history.get(i + 1) : null;
			if (answer != null && answer.refused()) {
				// a refused turn puts no document in focus; a name it asked of that no
				// document is about stays the subject ("its" after a question on Adobe)
				if (focus.isEmpty() && answered.isEmpty()) {
					focus = undocumented(turn.content(), scope);
					if (!focus.isEmpty()) {
						break;
					}
				}
				continue;
			}
			said = (answered.isEmpty() && answer != null) ? answer.content() : said;
			if (answered.size() < 2) {
				answered.add(0, turn.content());
			}
			if (latest == null) {
				latest = (answer != null) ? answer : turn;
			}
			if (focus.isEmpty()) {
				focus = focusOf(turn, answer, scope);
			}
			else if (focus.stream().allMatch((subject) -> Subject.CITED.equals(subject.from()))) {
				// what an answer cited, of a subject named before: the subject it is of
				List<Subject> before = focusOf(turn, answer, scope);
				if (ConversationState.documentsOf(before).containsAll(ConversationState.documentsOf(focus))) {
					focus = before;
				}
			}
			else if (answered.size() == 2 && Asks.pointsBack(answered.get(1))) {
				// what its question pointed back at, when the answer still names it
				focus = ConversationState.stillNamed(() -> focusOf(turn, answer, scope), focus, said);
			}
			if (!focus.isEmpty() && answered.size() == 2
					&& focus.stream().noneMatch((subject) -> Subject.CITED.equals(subject.from()))) {
				break;
			}
		}
		if (focus.isEmpty() && latest != null) {
			// no turn names a document, none is known to be cited: the document the last
			// answer (or question) reads most like, named if it writes its title's name
			focus = this.mentions.found(latest.content(), scope, latest.byUser() ? Subject.USER : Subject.ASSISTANT);
		}
		return new Prior(focus, answered, said, null);
	}

	/**
	 * The proper names of a refused question that no document writes: subjects without a
	 * document.
	 */
	private List<Subject> undocumented(String question, SearchRequest scope) {
		return this.mentions.properNames(question)
			.stream()
			.filter((name) -> !this.mentions.writes(scope, name))
			.map((name) -> new Subject(name, List.of(), Subject.USER))
			.toList();
	}

	/**
	 * What a question and its answer put in focus: what the answer names among what it
	 * cited (or quoted), else the question's subject among them, else what it cited, else
	 * what either names.
	 */
	private List<Subject> focusOf(Turn question, Turn answer, SearchRequest scope) {
		List<Subject> asked = this.mentions.in(question.content(), scope, Subject.USER);
		if (answer == null) {
			return asked;
		}
		List<Subject> focus = focusOf(question.content(), asked, answer, scope);
		if (focus.isEmpty() || focus.stream().anyMatch((subject) -> Subject.USER.equals(subject.from()))) {
			return focus;
		}
		// the proper names the question asked of that the answer's documents write stay
		// in focus beside what it named or cited ("the lighthouse on Kestrel Point",
		// answered "it stands at the harbour mouth"): labels only
		List<Subject> named = new ArrayList<>(focus);
		String labels = String.join(" ", ConversationState.labelsOf(focus)).toLowerCase(Locale.ROOT);
		SearchRequest documents = scope.in(ConversationState.documentsOf(focus));
		this.mentions.properNames(question.content())
			.stream()
			.filter((name) -> !labels.contains(name.toLowerCase(Locale.ROOT)))
			.filter((name) -> this.mentions.writes(documents, name))
			.forEach((name) -> named.add(new Subject(name, List.of(), Subject.USER)));
		return named;
	}

	private List<Subject> focusOf(String question, List<Subject> asked, Turn answer, SearchRequest scope) {
		List<Subject> answerNamed = Picked.of(question, answer.content(),
				this.mentions.in(answer.content(), scope, Subject.ASSISTANT));
		List<String> cited = !answer.cited().isEmpty() ? answer.cited() : this.mentions.quoted(answer.content(), scope);
		if (cited.isEmpty()) {
			// of the subjects its question named, those of the page the answer reads like
			List<Subject> read = (answerNamed.isEmpty() && asked.size() > 1)
					? ConversationState.within(asked,
							ConversationState
								.documentsOf(this.mentions.found(answer.content(), scope, Subject.ASSISTANT)))
					: List.of();
			return !answerNamed.isEmpty() ? answerNamed : read.isEmpty() ? asked : read;
		}
		List<Subject> among = ConversationState.within(answerNamed, cited);
		if (among.isEmpty()) {
			among = ConversationState.within(asked, cited);
		}
		if (!among.isEmpty()) {
			return among;
		}
		return cited.stream()
			.distinct()
			.limit(CITED)
			.map((document) -> new Subject(this.mentions.title(document), List.of(document), Subject.CITED))
			.toList();
	}

	/**
	 * The names of the message that the documents in focus do not write (all of them when
	 * nothing is in focus), a code only when other documents do: it names its own
	 * subject.
	 */
	private List<String> unspoken(ShapedQuery shaped, Prior prior, SearchRequest scope) {
		List<String> unspoken = new ArrayList<>();
		List<String> documents = ConversationState.documentsOf(prior.focus());
		for (String name : shaped.names()) {
			// a proper name may have no document (it is refused, named); a code or an
			// abbreviation is a subject of its own only where the documents write it
			boolean subject = NamesRule.isProperName(name) || this.mentions.writes(scope, name);
			if (subject && (documents.isEmpty() || !this.mentions.writes(scope.in(documents), name))) {
				unspoken.add(name);
			}
		}
		return unspoken;
	}

	private static Rewrite asked(String question, ConversationState state) {
		return new Rewrite(question, state.why(), null, null, state, List.of(), List.of());
	}

}
