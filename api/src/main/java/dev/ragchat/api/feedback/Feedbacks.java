package dev.ragchat.api.feedback;

import java.time.Clock;
import java.util.List;

import dev.ragchat.api.access.Caller;
import dev.ragchat.api.chat.ChatMessage;
import dev.ragchat.api.chat.ChatSession;
import dev.ragchat.api.chat.ChatSessions;
import dev.ragchat.api.chat.Conversations;
import dev.ragchat.errors.NotFoundException;
import dev.ragchat.errors.RejectedInputException;

/**
 * Takes ratings of answers from the session that got them, and lists them per knowledge
 * base.
 */
public final class Feedbacks {

	private static final int PAGE = 100;

	private final FeedbackStore store;

	private final ChatSessions sessions;

	private final Conversations conversations;

	private final Clock clock;

	Feedbacks(FeedbackStore store, ChatSessions sessions, Conversations conversations, Clock clock) {
		this.store = store;
		this.sessions = sessions;
		this.conversations = conversations;
		this.clock = clock;
	}

	/**
	 * @param caller the session's token
	 * @param sessionId the session
	 * @param messageId one of its answers
	 * @param rating up or down
	 * @param reason why, or {@code null}
	 * @return the feedback as kept
	 * @throws NotFoundException if the session has no such answer
	 */
	public Feedback give(Caller caller, String sessionId, String messageId, Feedback.Rating rating, String reason) {
		if (rating == null) {
			throw new RejectedInputException("rating is required: \"up\" or \"down\"");
		}
		String why = (reason != null && !reason.isBlank()) ? reason.strip() : null;
		if (why != null && why.length() > Feedback.MAX_REASON) {
			throw new RejectedInputException("reason may be at most " + Feedback.MAX_REASON + " characters");
		}
		ChatSession session = this.sessions.get(caller, sessionId);
		ChatMessage answer = answer(caller, sessionId, messageId);
		String text = answer.content();
		Feedback feedback = new Feedback(messageId, sessionId, session.knowledgeBase(), session.keyId(), rating, why,
				(text.length() > Feedback.ANSWER_EXCERPT) ? text.substring(0, Feedback.ANSWER_EXCERPT) + "…" : text,
				this.clock.instant());
		this.store.save(feedback);
		return feedback;
	}

	private ChatMessage answer(Caller caller, String sessionId, String messageId) {
		for (int offset = 0;; offset += PAGE) {
			List<ChatMessage> page = this.conversations.history(caller, sessionId, offset, PAGE);
			for (ChatMessage message : page) {
				if (message.id().equals(messageId) && ChatMessage.ASSISTANT.equals(message.role())) {
					return message;
				}
			}
			if (page.size() < PAGE) {
				throw new NotFoundException("No answer '" + messageId + "' in session '" + sessionId + "'");
			}
		}
	}

	/**
	 * @param knowledgeBase a knowledge base the caller may see (checked by the caller)
	 * @param offset how many of the newest to skip
	 * @param limit how many at most
	 * @return a page of its feedback, newest first, and how many there are
	 */
	public Listed list(String knowledgeBase, int offset, int limit) {
		return new Listed(this.store.page(knowledgeBase, offset, limit), this.store.count(knowledgeBase));
	}

	/**
	 * A page of feedback.
	 *
	 * @param feedback the page
	 * @param total how many in all
	 */
	public record Listed(List<Feedback> feedback, long total) {

	}

}
