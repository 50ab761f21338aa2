package dev.ragchat.api.analytics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.ragchat.answer.cite.Citation;
import dev.ragchat.api.chat.ChatMessage;
import dev.ragchat.api.chat.ChatSession;
import dev.ragchat.api.chat.MessageStore;
import dev.ragchat.api.chat.SessionStore;
import dev.ragchat.api.feedback.Feedback;
import dev.ragchat.api.feedback.FeedbackStore;
import dev.ragchat.errors.RejectedInputException;
import dev.ragchat.ingestion.Document;
import dev.ragchat.ingestion.DocumentStore;

/**
 * Usage analytics, computed from what the catalog keeps: the stores hand over the
 * sessions, messages, documents and answer ratings of a time range (each backend with one
 * query of its own), and the counting is done here, once, so that every backend gives the
 * same figures. A session counts on the day it started; a question and an answer on the
 * day they were said, in the knowledge base and for the key of their session. A deleted
 * session (and a one-off {@code /v1/chat/completions} call, whose session goes with it)
 * is no longer counted.
 */
public final class Analytics {

	/** The longest range one report covers. */
	public static final Duration MAX_RANGE = Duration.ofDays(366);

	private static final int TOP_CITED = 10;

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
		Map<String, Tally> days = new TreeMap<>();
		for (LocalDate day = day(from); day.atStartOfDay(ZoneOffset.UTC)
			.toInstant()
			.isBefore(to); day = day.plusDays(1)) {
			days.put(day.toString(), new Tally(keyId == null));
		}
		Tally totals = new Tally(keyId == null);
		Map<String, Tally> byKey = new HashMap<>();
		Map<String, Tally> byConfig = new HashMap<>();
		Function<String, Boolean> knowledgeBaseCounted = (kb) -> (knowledgeBase == null || knowledgeBase.equals(kb))
				&& (among == null || among.contains(kb));
		Function<ChatSession, Boolean> counted = (session) -> knowledgeBaseCounted.apply(session.knowledgeBase())
				&& (keyId == null || keyId.equals(session.keyId()));

		for (ChatSession session : this.sessions.startedBetween(from, to)) {
			if (counted.apply(session)) {
				for (Tally tally : tallies(days, totals, byKey, byConfig, session, session.createdAt())) {
					tally.sessions++;
				}
			}
		}

		List<ChatMessage> said = this.messages.between(from, to);
		Set<String> sessionIds = new HashSet<>();
		said.forEach((message) -> sessionIds.add(message.sessionId()));
		Map<String, ChatSession> sessionsById = new HashMap<>();
		this.sessions.findAllById(sessionIds).forEach((session) -> sessionsById.put(session.id(), session));
		Map<String, Usage.CitedDocument> cited = new LinkedHashMap<>();
		ChatMessage previous = null;
		for (ChatMessage message : said) {
			ChatSession session = sessionsById.get(message.sessionId());
			if (session != null && counted.apply(session)) {
				List<Tally> tallies = tallies(days, totals, byKey, byConfig, session, message.createdAt());
				if (ChatMessage.USER.equals(message.role())) {
					tallies.forEach((tally) -> tally.questions++);
				}
				else if (ChatMessage.ASSISTANT.equals(message.role())) {
					boolean grounded = Boolean.TRUE.equals(message.grounded());
					Long latency = (previous != null && previous.sessionId().equals(message.sessionId())
							&& ChatMessage.USER.equals(previous.role()))
									? Duration.between(previous.createdAt(), message.createdAt()).toMillis() : null;
					for (Tally tally : tallies) {
						if (grounded) {
							tally.grounded++;
						}
						else {
							tally.refused++;
						}
						if (latency != null) {
							tally.latencies.add(latency);
						}
						if (message.tokens() != null) {
							tally.tokens = ((tally.tokens != null) ? tally.tokens : 0L) + message.tokens();
						}
					}
					cite(cited, message.citations());
				}
			}
			previous = message;
		}

		if (keyId == null) {
			for (Document document : this.documents.activeBetween(from, to)) {
				if (!knowledgeBaseCounted.apply(document.knowledgeBase())) {
					continue;
				}
				if (within(document.createdAt(), from, to)) {
					totals.uploads++;
					days.get(day(document.createdAt()).toString()).uploads++;
				}
				if (document.readyAt() != null && within(document.readyAt(), from, to)) {
					int pages = Math.max(document.progress().pagesTotal(), document.progress().pagesDone());
					totals.pages += pages;
					days.get(day(document.readyAt()).toString()).pages += pages;
				}
			}
		}

		List<Feedback> ratings = this.feedback.between(from, to);
		Map<String, ChatSession> ratedSessions = new HashMap<>();
		this.sessions.findAllById(ratings.stream().map(Feedback::sessionId).collect(Collectors.toSet()))
			.forEach((session) -> ratedSessions.put(session.id(), session));
		for (Feedback rating : ratings) {
			ChatSession session = ratedSessions.get(rating.sessionId());
			if (session != null && counted.apply(session)) {
				for (Tally tally : tallies(days, totals, byKey, byConfig, session, rating.createdAt())) {
					if (rating.rating() == Feedback.Rating.UP) {
						tally.up++;
					}
					else {
						tally.down++;
					}
				}
			}
		}

		return new Usage(from, to, knowledgeBase, (among != null) ? among.stream().sorted().toList() : null, keyId,
				totals.figures(), days.entrySet().stream().map((day) -> day.getValue().day(day.getKey())).toList(),
				cited.values()
					.stream()
					.sorted(Comparator.comparingLong(Usage.CitedDocument::citations)
						.reversed()
						.thenComparing(Usage.CitedDocument::documentId))
					.limit(TOP_CITED)
					.toList(),
				byKey.entrySet()
					.stream()
					.map((entry) -> new Usage.KeyFigures(entry.getKey(), entry.getValue().sessions,
							entry.getValue().questions, entry.getValue().grounded, entry.getValue().refused,
							entry.getValue().ratings()))
					.sorted(Comparator.comparingLong(Usage.KeyFigures::questions)
						.reversed()
						.thenComparing(Usage.KeyFigures::keyId, Comparator.nullsLast(Comparator.naturalOrder())))
					.toList(),
				byConfig.entrySet()
					.stream()
					.map((entry) -> new Usage.ChatConfigFigures(entry.getKey().isEmpty() ? null : entry.getKey(),
							entry.getValue().sessions, entry.getValue().questions, entry.getValue().grounded,
							entry.getValue().refused, entry.getValue().ratings()))
					.sorted(Comparator.comparingLong(Usage.ChatConfigFigures::questions)
						.reversed()
						.thenComparing(Usage.ChatConfigFigures::configId,
								Comparator.nullsLast(Comparator.naturalOrder())))
					.toList());
	}

	private static List<Tally> tallies(Map<String, Tally> days, Tally totals, Map<String, Tally> byKey,
			Map<String, Tally> byConfig, ChatSession session, Instant at) {
		return List.of(days.get(day(at).toString()), totals,
				byKey.computeIfAbsent(session.keyId(), (id) -> new Tally(false)),
				byConfig.computeIfAbsent(Objects.requireNonNullElse(session.configId(), ""), (id) -> new Tally(false)));
	}

	private static void cite(Map<String, Usage.CitedDocument> cited, List<Citation> citations) {
		// one count per answer and document, however many of its passages it cites
		Set<String> documents = new HashSet<>();
		for (Citation citation : citations) {
			if (citation.documentId() != null && documents.add(citation.documentId())) {
				Usage.CitedDocument before = cited.get(citation.documentId());
				cited.put(citation.documentId(), new Usage.CitedDocument(citation.documentId(), citation.filename(),
						(before != null) ? before.citations() + 1 : 1));
			}
		}
	}

	private static boolean within(Instant at, Instant from, Instant to) {
		return !at.isBefore(from) && at.isBefore(to);
	}

	private static LocalDate day(Instant at) {
		return LocalDate.ofInstant(at, ZoneOffset.UTC);
	}

	/**
	 * The figures being counted for one day, the range, one key or one configuration.
	 */
	private static final class Tally {

		private final boolean documents;

		long sessions;

		long questions;

		long grounded;

		long refused;

		long uploads;

		long pages;

		long up;

		/** Stays {@code null} until an answer reports a model's tokens. */
		Long tokens;

		long down;

		final List<Long> latencies = new ArrayList<>();

		Tally(boolean documents) {
			this.documents = documents;
		}

		Usage.Figures figures() {
			return new Usage.Figures(this.sessions, this.questions, this.grounded, this.refused, latency(), this.tokens,
					this.documents ? this.uploads : null, this.documents ? this.pages : null, ratings());
		}

		Usage.Day day(String day) {
			return new Usage.Day(day, this.sessions, this.questions, this.grounded, this.refused, latency(),
					this.tokens, this.documents ? this.uploads : null, this.documents ? this.pages : null, ratings());
		}

		Usage.Ratings ratings() {
			return new Usage.Ratings(this.up, this.down);
		}

		private Usage.Latency latency() {
			if (this.latencies.isEmpty()) {
				return null;
			}
			List<Long> sorted = this.latencies.stream().sorted().toList();
			return new Usage.Latency(rank(sorted, 50), rank(sorted, 95), sorted.size());
		}

		/**
		 * The nearest-rank percentile: the smallest value with p % of the values at or
		 * below it.
		 */
		private static long rank(List<Long> sorted, int percent) {
			int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
			return sorted.get(Math.max(rank, 1) - 1);
		}

	}

}
