package dev.ragchat.api.chat;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import dev.ragchat.api.access.Caller;
import dev.ragchat.api.chat.answer.Turn;
import dev.ragchat.retrieval.MetadataFilter;

/**
 * Answers a question that comes with its own history (as stateless chat APIs send it): a
 * session is started for it, the earlier turns are written into it, the question goes the
 * whole answer path of {@link Conversations}, and the session ends with its history when
 * the answer is out. Nothing is left behind.
 */
public final class OneOffAnswers {

	private final ChatSessions sessions;

	private final Conversations conversations;

	private final MessageStore messages;

	private final Clock clock;

	OneOffAnswers(ChatSessions sessions, Conversations conversations, MessageStore messages, Clock clock) {
		this.sessions = sessions;
		this.conversations = conversations;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * Starts the session: the knowledge base or configuration is checked against the key
	 * here, before any answer is promised.
	 * @param caller an API key with the chat scope
	 * @param start where to ask
	 * @param history the earlier turns, oldest first
	 * @return the open session; close it when the answer is out
	 */
	public Open open(Caller caller, SessionStart start, List<Turn> history) {
		ChatSession session = this.sessions.start(caller, start).session();
		Open open = new Open(caller, session);
		try {
			for (Turn turn : history) {
				this.messages.append(new ChatMessage("msg_" + UUID.randomUUID().toString().replace("-", ""),
						session.id(), turn.byUser() ? ChatMessage.USER : ChatMessage.ASSISTANT, turn.content(), null,
						List.of(), this.clock.instant()));
			}
			return open;
		}
		catch (RuntimeException ex) {
			open.close();
			throw ex;
		}
	}

	/**
	 * A session started for one question.
	 */
	public final class Open implements AutoCloseable {

		private final Caller caller;

		private final ChatSession session;

		private Open(Caller caller, ChatSession session) {
			this.caller = caller;
			this.session = session;
		}

		/**
		 * @return the session's id (for the audit trail: it is deleted with the answer)
		 */
		public String sessionId() {
			return this.session.id();
		}

		/**
		 * @return the session's knowledge base
		 */
		public String knowledgeBase() {
			return this.session.knowledgeBase();
		}

		/**
		 * @param question the question
		 * @param filter only sources whose document values pass it, or {@code null}
		 * @param tokens told the answer's text as it is produced
		 * @return the answer, as {@code /messages} would give it
		 */
		public ChatMessage ask(String question, MetadataFilter filter, Consumer<String> tokens) {
			return OneOffAnswers.this.conversations.ask(this.caller.inSession(this.session.id()), this.session.id(),
					question, List.of(), filter, tokens);
		}

		/**
		 * Ends the session and deletes its history.
		 */
		@Override
		public void close() {
			OneOffAnswers.this.sessions.end(this.caller, this.session.id());
		}

	}

}
