package dev.ragchat.api.analytics;

import java.time.Instant;
import java.util.List;

/**
 * How ragchat was used in a time range, per UTC day and in total. Every figure is
 * computed from the catalog (sessions, messages, documents, feedback), the same way
 * whatever the catalog's backend.
 *
 * @param from the first instant counted
 * @param to the instant after the last
 * @param knowledgeBase the knowledge base counted, or {@code null} for all
 * @param knowledgeBases the knowledge bases counted when the caller may read only some
 * (an admin key limited to them), or {@code null} for all
 * @param key the API key id counted, or {@code null} for all
 * @param totals the whole range's figures
 * @param days each UTC day's figures, oldest first, every day of the range
 * @param topCitedDocuments the documents answers cited most (at most 10), most cited
 * first
 * @param byKey the chat figures per API key id, most questions first, each with the key's
 * name
 * @param byChatConfig the chat figures per chat config id, most questions first, each
 * with its title; {@code configId} is {@code null} for sessions started without one
 * @param byPerson the chat figures per person signed in with an identity provider (the
 * keys they hold added up), most questions first; empty until named ({@link UsageNames})
 */
public record Usage(Instant from, Instant to, String knowledgeBase, List<String> knowledgeBases, String key,
		Figures totals, List<Day> days, List<CitedDocument> topCitedDocuments, List<KeyFigures> byKey,
		List<ChatConfigFigures> byChatConfig, List<PersonFigures> byPerson) {

	/**
	 * Figures before they are named.
	 */
	public Usage(Instant from, Instant to, String knowledgeBase, List<String> knowledgeBases, String key,
			Figures totals, List<Day> days, List<CitedDocument> topCitedDocuments, List<KeyFigures> byKey,
			List<ChatConfigFigures> byChatConfig) {
		this(from, to, knowledgeBase, knowledgeBases, key, totals, days, topCitedDocuments, byKey, byChatConfig,
				List.of());
	}

	/**
	 * One person's figures: those of the keys they hold (their console's and those they
	 * issued).
	 *
	 * @param personId their id
	 * @param name their name
	 * @param sessions sessions their keys started in the range
	 * @param questions questions asked in them
	 * @param grounded grounded answers
	 * @param refused refused answers
	 * @param feedback ratings of their answers
	 */
	public record PersonFigures(String personId, String name, long sessions, long questions, long grounded,
			long refused, Ratings feedback) {

		PersonFigures plus(KeyFigures key) {
			return new PersonFigures(this.personId, this.name, this.sessions + key.sessions(),
					this.questions + key.questions(), this.grounded + key.grounded(), this.refused + key.refused(),
					new Ratings(this.feedback.up() + ((key.feedback() != null) ? key.feedback().up() : 0),
							this.feedback.down() + ((key.feedback() != null) ? key.feedback().down() : 0)));
		}

	}

	/**
	 * The figures of a range.
	 *
	 * @param sessions chat sessions started
	 * @param questions questions asked
	 * @param grounded answers that rest on the documents (with citations)
	 * @param refused answers that said the documents do not say
	 * @param latencyMs the answers' latency in milliseconds (question received to answer
	 * stored), or {@code null} without answers
	 * @param tokens the tokens language models spent on the range's answers, as they
	 * report them; {@code null} when no answer of the range reported any (no model)
	 * @param uploads documents uploaded ({@code null} when counting one key: documents do
	 * not record who uploaded them)
	 * @param pagesIngested pages of the documents made ready ({@code null} when counting
	 * one key)
	 * @param feedback the ratings given to answers
	 */
	public record Figures(long sessions, long questions, long grounded, long refused, Latency latencyMs, Long tokens,
			Long uploads, Long pagesIngested, Ratings feedback) {

	}

	/**
	 * A UTC day's figures (the same fields as {@link Figures}, and the day).
	 *
	 * @param day the day, {@code yyyy-MM-dd}
	 * @param sessions chat sessions started
	 * @param questions questions asked
	 * @param grounded grounded answers
	 * @param refused refused answers
	 * @param latencyMs the answers' latency, or {@code null}
	 * @param tokens the tokens models spent that day, or {@code null}
	 * @param uploads documents uploaded, or {@code null}
	 * @param pagesIngested pages made ready, or {@code null}
	 * @param feedback the ratings given to answers that day
	 */
	public record Day(String day, long sessions, long questions, long grounded, long refused, Latency latencyMs,
			Long tokens, Long uploads, Long pagesIngested, Ratings feedback) {

	}

	/**
	 * Feedback on answers: thumbs up and down, counted on the day they were given (a
	 * rating changed later counts once, as it now stands, on the day of the change).
	 *
	 * @param up answers rated up
	 * @param down answers rated down
	 */
	public record Ratings(long up, long down) {

	}

	/**
	 * Latency percentiles (nearest rank).
	 *
	 * @param p50 the median, in milliseconds
	 * @param p95 the 95th percentile, in milliseconds
	 * @param answers how many answers they are taken over
	 */
	public record Latency(long p50, long p95, long answers) {

	}

	/**
	 * A document answers cited.
	 *
	 * @param documentId its id
	 * @param filename its file name
	 * @param citations how many answers cited it
	 */
	public record CitedDocument(String documentId, String filename, long citations) {

	}

	/**
	 * One API key's chat figures.
	 *
	 * @param keyId the key's id (never the key), or {@code null} for the master key
	 * @param name what to call it ({@link UsageNames}): its name, {@code unnamed key
	 * key_…}, {@code deleted key key_…} or {@code the master key}; {@code null} until
	 * named
	 * @param sessions sessions it started in the range
	 * @param questions questions asked in its sessions
	 * @param grounded grounded answers
	 * @param refused refused answers
	 * @param feedback ratings of their answers
	 */
	public record KeyFigures(String keyId, String name, long sessions, long questions, long grounded, long refused,
			Ratings feedback) {

		public KeyFigures(String keyId, long sessions, long questions, long grounded, long refused, Ratings feedback) {
			this(keyId, null, sessions, questions, grounded, refused, feedback);
		}

		KeyFigures named(String name) {
			return new KeyFigures(this.keyId, name, this.sessions, this.questions, this.grounded, this.refused,
					this.feedback);
		}

	}

	/**
	 * One chat config's figures.
	 *
	 * @param configId its id, or {@code null} for sessions without one
	 * @param title what to call it ({@link UsageNames}): its title, {@code deleted
	 * persona cfg_…} or {@code no persona}; {@code null} until named
	 * @param sessions sessions started with it in the range
	 * @param questions questions asked in them
	 * @param grounded grounded answers
	 * @param refused refused answers
	 * @param feedback ratings of their answers
	 */
	public record ChatConfigFigures(String configId, String title, long sessions, long questions, long grounded,
			long refused, Ratings feedback) {

		public ChatConfigFigures(String configId, long sessions, long questions, long grounded, long refused,
				Ratings feedback) {
			this(configId, null, sessions, questions, grounded, refused, feedback);
		}

		ChatConfigFigures titled(String title) {
			return new ChatConfigFigures(this.configId, title, this.sessions, this.questions, this.grounded,
					this.refused, this.feedback);
		}

	}

}
