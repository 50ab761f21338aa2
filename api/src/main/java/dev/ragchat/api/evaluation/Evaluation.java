package dev.ragchat.api.evaluation;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A run of a golden set.
 *
 * @param id its id
 * @param knowledgeBase the knowledge base it asks
 * @param keyId the API key that started it ({@code null} for the master key)
 * @param name a label, or {@code null}
 * @param status where it is
 * @param settings what it answers with
 * @param total how many questions the golden set holds
 * @param done how many have been answered and scored
 * @param totals the figures ({@link Scoring#NAMES}), once it ended (for a cancelled run,
 * over the questions it answered); empty before
 * @param error why it failed, or {@code null}
 * @param createdAt when it was started
 * @param startedAt when its first question was asked, or {@code null}
 * @param finishedAt when it ended, or {@code null}
 */
public record Evaluation(String id, String knowledgeBase, String keyId, String name, Status status,
		RunSettings settings, int total, int done, Map<String, Metric> totals, String error, Instant createdAt,
		Instant startedAt, Instant finishedAt) {

	public Evaluation {
		totals = (totals != null) ? java.util.Collections.unmodifiableMap(new LinkedHashMap<>(totals)) : Map.of();
	}

	/**
	 * Where a run is.
	 */
	public enum Status {

		/** Waiting for the runs started before it. */
		QUEUED,

		/** Asking its questions. */
		RUNNING,

		/** Every question answered and scored. */
		DONE,

		/** Cancelled: it asks no more questions. */
		CANCELLED,

		/** Stopped by an error, or by the service stopping. */
		FAILED;

		/**
		 * @return whether the run has ended
		 */
		public boolean ended() {
			return this != QUEUED && this != RUNNING;
		}

	}

}
