package dev.ragchat.api.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.ragchat.api.chat.ChatMessage;
import dev.ragchat.api.chat.ChatSession;
import dev.ragchat.api.chat.MessageStore;
import dev.ragchat.api.chat.SessionStore;
import dev.ragchat.api.feedback.Feedback;
import dev.ragchat.api.feedback.FeedbackStore;
import dev.ragchat.errors.RejectedInputException;
import dev.ragchat.ingestion.DocumentStore;

/**
 * Usage analytics, computed from what the catalog keeps: the stores hand over the
 * sessions, messages, documents and answer ratings of a time range (each backend with one
 * query of its own), and the counting is done once, in ragchat ({@link UsageCount}), so
 * that every backend gives the same figures. A session counts on the day it started; a
 * question and an answer on the day they were said, in the knowledge base and for the key
 * of their session. A deleted session (and a one-off {@code /v1/chat/completions} call,
 * whose session goes with it) is no longer counted.
 */
public final class Analytics {

	/** The longest range one report covers. */
	public static final Duration MAX_RANGE = Duration.ofDays(366);

	private final SessionStore sessions;

	private final MessageStore messages;

	private final DocumentStore documents;

	private final FeedbackStore feedback;

	public Analytics(SessionStore sessions, MessageStore messages, DocumentStore documents, FeedbackStore feedback) {
		this.sessions = sessions;
		this.messages = messages;
		this.documents = documents;
		this.feedback = feedback;
	}

	/**
	 * @param from the first instant
	 * @param to the instant after the last
	 * @param knowledgeBase one knowledge base, or {@code null} for all
	 * @param keyId one API key id, or {@code null} for all
	 * @return the usage in {@code [from, to)}
	 */
	public Usage usage(Instant from, Instant to, String knowledgeBase, String keyId) {
		return usage(from, to, knowledgeBase, null, keyId);
	}

	/**
	 * @param from the first instant
	 * @param to the instant after the last
	 * @param knowledgeBase one knowledge base, or {@code null} for all
	 * @param among only these knowledge bases (those a caller may read), or {@code null}
	 * for every one
	 * @param keyId one API key id, or {@code null} for all
	 * @return the usage in {@code [from, to)}
	 */
	public Usage usage(Instant from, Instant to, String knowledgeBase, Set<String> among, String keyId) {
		if (!to.isAfter(from)) {
			throw new RejectedInputException("to must be after from");
		}
		if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
			throw new RejectedInputException("A report covers at most 366 days");
		}
		UsageCount count = new UsageCount(from, to, knowledgeBase, among, keyId);
		this.sessions.startedBetween(from, to).forEach(count::started);
		List<ChatMessage> said = this.messages.between(from, to);
		count.said(said, sessionsById(said.stream().map(ChatMessage::sessionId).collect(Collectors.toSet())));
		if (keyId == null) {
			this.documents.activeBetween(from, to).forEach(count::document);
		}
		List<Feedback> ratings = this.feedback.between(from, to);
		Map<String, ChatSession> rated = sessionsById(
				ratings.stream().map(Feedback::sessionId).collect(Collectors.toSet()));
		ratings.forEach((rating) -> count.rated(rating, rated.get(rating.sessionId())));
		return count.usage();
	}

	private Map<String, ChatSession> sessionsById(Set<String> ids) {
		Map<String, ChatSession> sessions = new HashMap<>();
		this.sessions.findAllById(ids).forEach((session) -> sessions.put(session.id(), session));
		return sessions;
	}

}
