package dev.ragchat.api.evaluation;

/**
 * One figure of a run.
 *
 * @param value the rate, mean or milliseconds, or {@code null} when no question counts
 * for it
 * @param hits for a rate, how many counted (the value is {@code hits / n}); {@code null}
 * for means and latencies
 * @param n how many questions (or citations) it is over
 */
public record Metric(Double value, Integer hits, int n) {

	static Metric rate(int hits, int n) {
		return new Metric((n > 0) ? (double) hits / n : null, hits, n);
	}

	static Metric mean(double sum, int n) {
		return new Metric((n > 0) ? sum / n : null, null, n);
	}

}
