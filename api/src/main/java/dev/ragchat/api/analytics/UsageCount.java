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

import dev.ragchat.answer.Citation;
import dev.ragchat.api.chat.ChatMessage;
import dev.ragchat.api.chat.ChatSession;
import dev.ragchat.api.feedback.Feedback;
import dev.ragchat.ingestion.Document;

/**
 * One usage report being counted: {@link Analytics} hands it what the stores kept in the
 * range, and it adds each session, message, document and rating to the figures of its
 * day, of the range, of its key and of its chat configuration, skipping what the report
 * does not cover (another knowledge base, another key).
 */
final class UsageCount {

	private static final int TOP_CITED = 10;

	private final Instant from;

	private final Instant to;

	private final String knowledgeBase;

	private final Set<String> among;

	private final String keyId;

	private final Map<String, Tally> days = new TreeMap<>();

	private final Tally totals;

	private final Map<String, Tally> byKey = new HashMap<>();

	private final Map<String, Tally> byConfig = new HashMap<>();

	private final Map<String, Usage.CitedDocument> cited = new LinkedHashMap<>();

	/**
	 * @param from the first instant
	 * @param to the instant after the last
	 * @param knowledgeBase one knowledge base, or {@code null} for all
	 * @param among only these knowledge bases, or {@code null} for every one
	 * @param keyId one API key id, or {@code null} for all (documents are counted only
	 * then: they belong to no key)
	 */
	UsageCount(Instant from, Instant to, String knowledgeBase, Set<String> among, String keyId) {
		this.from = from;
		this.to = to;
		this.knowledgeBase = knowledgeBase;
		this.among = among;
		this.keyId = keyId;
		for (LocalDate day = day(from); day.atStartOfDay(ZoneOffset.UTC)
			.toInstant()
			.isBefore(to); day = day.plusDays(1)) {
			this.days.put(day.toString(), new Tally(keyId == null));
		}
		this.totals = new Tally(keyId == null);
	}

	/**
	 * @param session a session started in the range
	 */
	void started(ChatSession session) {
		if (counted(session)) {
			for (Tally tally : tallies(session, session.createdAt())) {
				tally.sessions++;
			}
		}
	}

	/**
	 * @param said the messages said in the range, in the order they were said
	 * @param sessions the sessions they were said in, by id (a deleted one missing)
	 */
	void said(List<ChatMessage> said, Map<String, ChatSession> sessions) {
		ChatMessage previous = null;
		for (ChatMessage message : said) {
			ChatSession session = sessions.get(message.sessionId());
			if (session != null && counted(session)) {
				List<Tally> tallies = tallies(session, message.createdAt());
				if (ChatMessage.USER.equals(message.role())) {
					tallies.forEach((tally) -> tally.questions++);
				}
				else if (ChatMessage.ASSISTANT.equals(message.role())) {
					answered(tallies, message, previous);
				}
			}
			previous = message;
		}
	}

	private void answered(List<Tally> tallies, ChatMessage answer, ChatMessage previous) {
		boolean grounded = Boolean.TRUE.equals(answer.grounded());
		Long latency = (previous != null && previous.sessionId().equals(answer.sessionId())
				&& ChatMessage.USER.equals(previous.role()))
						? Duration.between(previous.createdAt(), answer.createdAt()).toMillis() : null;
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
			if (answer.tokens() != null) {
				tally.tokens = ((tally.tokens != null) ? tally.tokens : 0L) + answer.tokens();
			}
		}
		cite(answer.citations());
	}

	/**
	 * @param document a document uploaded or made ready in the range
	 */
	void document(Document document) {
		if (!knowledgeBaseCounted(document.knowledgeBase())) {
			return;
		}
		if (within(document.createdAt())) {
			this.totals.uploads++;
			this.days.get(day(document.createdAt()).toString()).uploads++;
		}
		if (document.readyAt() != null && within(document.readyAt())) {
			int pages = Math.max(document.progress().pagesTotal(), document.progress().pagesDone());
			this.totals.pages += pages;
			this.days.get(day(document.readyAt()).toString()).pages += pages;
		}
	}

	/**
	 * @param rating a rating given in the range
	 * @param session the session of the answer it rates, or {@code null} when deleted
	 */
	void rated(Feedback rating, ChatSession session) {
		if (session != null && counted(session)) {
			for (Tally tally : tallies(session, rating.createdAt())) {
				if (rating.rating() == Feedback.Rating.UP) {
					tally.up++;
				}
				else {
					tally.down++;
				}
			}
		}
	}

	/**
	 * @return the figures counted
	 */
	Usage usage() {
		return new Usage(this.from, this.to, this.knowledgeBase,
				(this.among != null) ? this.among.stream().sorted().toList() : null, this.keyId, this.totals.figures(),
				this.days.entrySet().stream().map((day) -> day.getValue().day(day.getKey())).toList(),
				this.cited.values()
					.stream()
					.sorted(Comparator.comparingLong(Usage.CitedDocument::citations)
						.reversed()
						.thenComparing(Usage.CitedDocument::documentId))
					.limit(TOP_CITED)
					.toList(),
				this.byKey.entrySet()
					.stream()
					.map((entry) -> new Usage.KeyFigures(entry.getKey(), entry.getValue().sessions,
							entry.getValue().questions, entry.getValue().grounded, entry.getValue().refused,
							entry.getValue().ratings()))
					.sorted(Comparator.comparingLong(Usage.KeyFigures::questions)
						.reversed()
						.thenComparing(Usage.KeyFigures::keyId, Comparator.nullsLast(Comparator.naturalOrder())))
					.toList(),
				this.byConfig.entrySet()
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

	private boolean knowledgeBaseCounted(String kb) {
		return (this.knowledgeBase == null || this.knowledgeBase.equals(kb))
				&& (this.among == null || this.among.contains(kb));
	}

	private boolean counted(ChatSession session) {
		return knowledgeBaseCounted(session.knowledgeBase())
				&& (this.keyId == null || this.keyId.equals(session.keyId()));
	}

	private List<Tally> tallies(ChatSession session, Instant at) {
		return List.of(this.days.get(day(at).toString()), this.totals,
				this.byKey.computeIfAbsent(session.keyId(), (id) -> new Tally(false)), this.byConfig
					.computeIfAbsent(Objects.requireNonNullElse(session.configId(), ""), (id) -> new Tally(false)));
	}

	private void cite(List<Citation> citations) {
		// one count per answer and document, however many of its passages it cites
		Set<String> documents = new HashSet<>();
		for (Citation citation : citations) {
			if (citation.documentId() != null && documents.add(citation.documentId())) {
				Usage.CitedDocument before = this.cited.get(citation.documentId());
				this.cited.put(citation.documentId(), new Usage.CitedDocument(citation.documentId(),
						citation.filename(), (before != null) ? before.citations() + 1 : 1));
			}
		}
	}

	private boolean within(Instant at) {
		return !at.isBefore(this.from) && at.isBefore(this.to);
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
