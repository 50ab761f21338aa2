package dev.ragchat.api.chat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.ragchat.answer.Answer;
import dev.ragchat.answer.AnswerEngine;
import dev.ragchat.answer.AnswerRequest;
import dev.ragchat.answer.Citation;
import dev.ragchat.answer.Clarification;
import dev.ragchat.answer.Listing;
import dev.ragchat.answer.SearchScope;
import dev.ragchat.answer.Trace;
import dev.ragchat.answer.Turn;
import dev.ragchat.api.access.Caller;
import dev.ragchat.api.media.MediaLibrary;
import dev.ragchat.errors.NotFoundException;
import dev.ragchat.errors.RejectedInputException;
import dev.ragchat.retrieval.MetadataFilter;

/**
 * Conversations: a session's questions, with its history, media and settings, answered by
 * the {@link AnswerEngine} and kept; and questions that bring their own history (as
 * stateless chat APIs send them), answered the same way and kept nowhere; each answer
 * counted ({@link AnswerMetrics}). The answer path itself is the engine's.
 */
public final class Conversations {

	private final ChatSessions sessions;

	private final SessionScopes scopes;

	private final AnswerEngine engine;

	private final MediaLibrary media;

	private final MessageStore messages;

	private final ChatProperties properties;

	private final Clock clock;

	private final AnswerMetrics metrics;

	Conversations(AnswerEngine engine, MediaLibrary media, ChatSessions sessions, SessionScopes scopes,
			MessageStore messages, ChatProperties properties, Clock clock, AnswerMetrics metrics) {
		this.scopes = scopes;
		this.engine = engine;
		this.media = media;
		this.sessions = sessions;
		this.messages = messages;
		this.properties = properties;
		this.clock = clock;
		this.metrics = metrics;
	}

	/**
	 * A session's question: its settings, media and history go to the engine, and both
	 * turns are kept (the answer with its trace when asked, as
	 * {@link ChatMessage#kept(Trace)} keeps it).
	 * @param asked the question, with what comes with it
	 * @param tokens told the answer's text as it is produced
	 * @return the stored answer, with its trace when asked
	 * @throws dev.ragchat.errors.NotFoundException for a reading outside the session's
	 * scope
	 */
	public Asked ask(Question asked, Consumer<String> tokens) {
		Caller caller = asked.caller();
		String sessionId = asked.sessionId();
		// the question's time is when it came: an answer's latency is its time minus this
		Instant askedAt = this.clock.instant();
		ChatSession session = this.sessions.get(caller, sessionId);
		String question = checked(asked.text());
		SearchScope scope = focused(caller, session, this.sessions.scope(session), asked.reading());
		// the model that answers, chosen once for the question (a chat config's model is
		// checked here)
		AnswerRequest.Settings settings = settings(session);
		MediaLibrary.Attached attached = this.media.attach(caller, asked.attachments(),
				this.engine.readsMedia(settings));
		List<Turn> history = this.messages.latest(sessionId, this.properties.historyTurns())
			.stream()
			.map((message) -> new Turn(message.role(), message.content(), cited(message), message.refusal() != null))
			.toList();
		// what the asker was sent so far: kept, marked stopped, when it goes away
		StringBuilder told = new StringBuilder();
		Answer answer;
		try {
			// asked where the session asks: its knowledge bases, maybe only some
			// documents (only the reading's, when one was chosen)
			answer = this.engine.answer(new AnswerRequest(session.knowledgeBase(), question, history, attached.media(),
					attached.imageText(), settings, asked.filter(), asked.trace())
				.within(scope), (token) -> {
					// kept before it is sent: a send that fails as the asker leaves may
					// still have reached them (an HTTP/2 stream reset while its data
					// frame was written)
					told.append(token);
					tokens.accept(token);
				});
		}
		catch (RuntimeException ex) {
			AskerGone gone = AskerGone.in(ex);
			if (gone == null) {
				throw ex;
			}
			this.messages
				.append(new ChatMessage(id(), sessionId, ChatMessage.USER, question, null, List.of(), askedAt));
			this.messages.append(new ChatMessage(id(), sessionId, ChatMessage.ASSISTANT, told.toString(), false,
					List.of(), this.clock.instant(), null, List.of(), null, true));
			throw gone;
		}
		// both turns are stored with the answer: a failed answer leaves neither behind (a
		// stopped one leaves both, the answer as far as it came)
		ChatMessage kept = new ChatMessage(id(), sessionId, ChatMessage.USER, question, null, List.of(), askedAt);
		ChatMessage stored = new ChatMessage(id(), sessionId, ChatMessage.ASSISTANT, answer.text(), answer.grounded(),
				answer.citations(), this.clock.instant(), answer.tokens(), answer.passages(), answer.refusal(), false,
				cited(answer), ChatMessage.kept(answer.trace()), answer.listing());
		this.messages.append(kept);
		this.messages.append(stored);
		this.metrics.counted(answer, askedAt);
		return new Asked(stored, answer.trace(), stored.clarification());
	}

	/**
	 * The documents an answer cited: every item of a list (its text cites only the first
	 * ones), so that "how many of them …" asks of all it listed.
	 */
	private static List<String> cited(ChatMessage message) {
		return (message.listing() != null)
				? message.listing().items().stream().map(Listing.Item::documentId).distinct().toList()
				: message.citations().stream().map(Citation::documentId).distinct().toList();
	}

	/**
	 * Where a question is asked: the session's scope, or only the document of the reading
	 * its asker chose (for this question only; the session's scope stays as it is).
	 */
	private SearchScope focused(Caller caller, ChatSession session, SearchScope scope, String reading) {
		if (reading == null) {
			return scope;
		}
		if (reading.isBlank()) {
			throw new RejectedInputException("reading.documentId must not be empty");
		}
		String documentId = reading.strip();
		if (!scope.documentIds().isEmpty() && !scope.documentIds().contains(documentId)) {
			throw new NotFoundException(
					"No document '" + documentId + "' in the scope of session '" + session.id() + "'");
		}
		// the document must be one of the scope's knowledge bases (the caller's right to
		// chat in each was checked with the session)
		return this.scopes.checked(caller, session.id(), scope.knowledgeBase(),
				scope.knowledgeBases().subList(1, scope.knowledgeBases().size()), List.of(documentId));
	}

	/**
	 * The readings of a question asked back, each with the number its source is cited
	 * with: the engine names a reading's source by its place among the sources, and the
	 * answer's markers are renumbered in the order the question first cites them; the
	 * question writes each reading's label before its marker, where it is read back.
	 */
	static Clarification cited(Answer answer) {
		Clarification clarification = answer.clarification();
		if (clarification == null) {
			return null;
		}
		List<Clarification.Reading> readings = clarification.readings().stream().map((reading) -> {
			Matcher marker = Pattern.compile(Pattern.quote(reading.label()) + "\\s*\\[(\\d+)]").matcher(answer.text());
			return marker.find() ? new Clarification.Reading(reading.label(), Integer.parseInt(marker.group(1)))
					: reading;
		}).toList();
		return new Clarification(clarification.kind(), readings);
	}

	/**
	 * Where a question that comes with its own history (a stateless chat API's) will be
	 * answered: the knowledge base or configuration is checked against the key as a
	 * session's start would be, before an answer is promised. Nothing is stored.
	 * @param caller an API key with the chat scope
	 * @param start where to ask, with what settings
	 * @return the place, ready to answer
	 */
	public Stateless stateless(Caller caller, SessionStart start) {
		ChatSession session = this.sessions.resolve(caller, start);
		return new Stateless(session,
				this.scopes.checked(caller, session.knowledgeBase(), start.knowledgeBases(), start.documents()));
	}

	private AnswerRequest.Settings settings(ChatSession session) {
		return new AnswerRequest.Settings((session.topK() != null) ? session.topK() : this.properties.topK(),
				session.systemPrompt(), session.model(), session.temperature(), this.sessions.answering(session));
	}

	private String checked(String text) {
		String question = (text != null) ? text.strip() : "";
		if (question.isEmpty() || question.length() > this.properties.maxMessageLength()) {
			throw new RejectedInputException(
					"message must hold 1 to " + this.properties.maxMessageLength() + " characters");
		}
		return question;
	}

	/**
	 * @param caller the session's caller
	 * @param sessionId the session
	 * @return the session, when the caller may use it now (what {@link #ask} checks
	 * first, for a refusal before an answer is promised)
	 * @throws dev.ragchat.errors.NotFoundException for a session it may not use
	 */
	public ChatSession session(Caller caller, String sessionId) {
		return this.sessions.get(caller, sessionId);
	}

	public List<ChatMessage> history(Caller caller, String sessionId, int offset, int limit) {
		this.sessions.get(caller, sessionId);
		return this.messages.page(sessionId, offset, limit);
	}

	public long count(String sessionId) {
		return this.messages.count(sessionId);
	}

	private static String id() {
		return "msg_" + UUID.randomUUID().toString().replace("-", "");
	}

	/**
	 * A knowledge base and settings, resolved for questions that bring their own history.
	 */
	public final class Stateless {

		private final ChatSession session;

		private final SearchScope scope;

		private Stateless(ChatSession session, SearchScope scope) {
			this.session = session;
			this.scope = scope;
		}

		/**
		 * @return the knowledge base that answers (the first of its scope)
		 */
		public String knowledgeBase() {
			return this.session.knowledgeBase();
		}

		/**
		 * @return where it asks
		 */
		public SearchScope scope() {
			return this.scope;
		}

		/**
		 * @param history the earlier turns, oldest first (the latest
		 * {@code ragchat.chat.history-turns} are read)
		 * @param text the question
		 * @param filter only sources whose values pass it, or {@code null}
		 * @param trace whether the answer comes with its trace
		 * @param tokens told the answer's text as it is produced
		 * @return the answer, stored nowhere
		 */
		public Answer answer(List<Turn> history, String text, MetadataFilter filter, boolean trace,
				Consumer<String> tokens) {
			Instant askedAt = Conversations.this.clock.instant();
			String question = checked(text);
			List<Turn> latest = history
				.subList(Math.max(0, history.size() - Conversations.this.properties.historyTurns()), history.size());
			Answer answer = Conversations.this.engine.answer(new AnswerRequest(this.session.knowledgeBase(), question,
					latest, List.of(), null, settings(this.session), filter, trace)
				.within(this.scope), tokens);
			Conversations.this.metrics.counted(answer, askedAt);
			return answer;
		}

	}

	/**
	 * What a consumer of an answer's tokens throws when its asker went away (a client
	 * that closed its stream): the answer stops; a session's question is kept with the
	 * answer as far as the asker was told it, marked stopped (not grounded, citing
	 * nothing), and this is thrown on to the caller of {@link #ask}.
	 */
	public static final class AskerGone extends RuntimeException {

		public AskerGone(Throwable cause) {
			super("The asker went away while its answer streamed", cause);
		}

		/**
		 * @param ex what an answer threw
		 * @return the asker's going away, if that is what it was (or caused it), else
		 * {@code null}
		 */
		static AskerGone in(Throwable ex) {
			for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
				if (cause instanceof AskerGone gone) {
					return gone;
				}
				if (cause.getCause() == cause) {
					break;
				}
			}
			return null;
		}

	}

	/**
	 * A question to a session, with what may come with it: built with
	 * {@link #of(Caller, String, String)}, the rest added as needed.
	 *
	 * @param caller the session's caller
	 * @param sessionId the session
	 * @param text the question
	 * @param attachments ids of images and audio the caller's key stored
	 * @param filter only sources whose values pass it (with the session's own filter, if
	 * it has one), or {@code null}
	 * @param trace whether the answer comes with its trace
	 * @param reading the document of the reading chosen among those a question asked back
	 * offered, or {@code null}: this question alone is then asked of that document only
	 * (it must lie inside the session's scope)
	 */
	public record Question(Caller caller, String sessionId, String text, List<String> attachments,
			MetadataFilter filter, boolean trace, String reading) {

		public Question {
			attachments = (attachments != null) ? List.copyOf(attachments) : List.of();
		}

		/**
		 * @param caller the session's caller
		 * @param sessionId the session
		 * @param text the question
		 * @return the question alone: no attachments, filter, trace or reading
		 */
		public static Question of(Caller caller, String sessionId, String text) {
			return new Question(caller, sessionId, text, List.of(), null, false, null);
		}

		public Question withAttachments(List<String> attachments) {
			return new Question(this.caller, this.sessionId, this.text, attachments, this.filter, this.trace,
					this.reading);
		}

		public Question withFilter(MetadataFilter filter) {
			return new Question(this.caller, this.sessionId, this.text, this.attachments, filter, this.trace,
					this.reading);
		}

		public Question withTrace(boolean trace) {
			return new Question(this.caller, this.sessionId, this.text, this.attachments, this.filter, trace,
					this.reading);
		}

		public Question withReading(String reading) {
			return new Question(this.caller, this.sessionId, this.text, this.attachments, this.filter, this.trace,
					reading);
		}

	}

	/**
	 * A session's answer as stored, with the trace it was asked with.
	 *
	 * @param message the stored answer
	 * @param trace its trace, or {@code null} when none was asked for
	 * @param clarification the readings of a question asked back (each with the number of
	 * the citation that names it), or {@code null}
	 */
	public record Asked(ChatMessage message, Trace trace, Clarification clarification) {

	}

}
