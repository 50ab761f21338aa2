package dev.ragchat.api.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * Two runs side by side, figure by figure, with the noise rule of
 * {@code benchmarks/eval/compare.py}: a change of a rate or mean (within 0..1 over n
 * questions) is beyond noise only when it is larger than both one question ({@code 1/n})
 * and one binomial standard error of the first run's figure, {@code sqrt(p (1 - p) / n)}
 * (for an MRR this bounds its standard error from above). Latencies move with the
 * machine's load: they get no verdict.
 *
 * @param a the first run (the baseline)
 * @param b the second run
 * @param figures every figure of either, in the order of the totals
 */
public record Comparison(Evaluation a, Evaluation b, List<Figure> figures) {

	public Comparison {
		figures = List.copyOf(figures);
	}

	/**
	 * @param a the baseline
	 * @param b the run set against it
	 * @return the comparison
	 */
	static Comparison of(Evaluation a, Evaluation b) {
		List<Figure> figures = new ArrayList<>();
		for (String name : Scoring.NAMES) {
			Metric before = a.totals().get(name);
			Metric after = b.totals().get(name);
			if (before == null && after == null) {
				continue;
			}
			Double av = (before != null) ? before.value() : null;
			Double bv = (after != null) ? after.value() : null;
			Double difference = (av != null && bv != null) ? bv - av : null;
			Double threshold = null;
			Verdict verdict = null;
			if (!Scoring.isLatency(name) && difference != null) {
				if (before.n() != after.n()) {
					verdict = Verdict.N_DIFFERS;
				}
				else {
					threshold = Math.max(1.0 / before.n(), Math.sqrt(av * (1 - av) / before.n()));
					verdict = (Math.abs(difference) <= threshold + 1e-12) ? Verdict.WITHIN_NOISE
							: (difference > 0) ? Verdict.BETTER : Verdict.WORSE;
				}
			}
			figures.add(new Figure(name, before, after, difference, threshold, verdict));
		}
		return new Comparison(a, b, figures);
	}

	/**
	 * One figure of both runs.
	 *
	 * @param name the figure
	 * @param a its value in the first run, or {@code null}
	 * @param b its value in the second, or {@code null}
	 * @param difference {@code b - a}, or {@code null} when either has no value
	 * @param threshold the change beyond which it is not noise, or {@code null} (a
	 * latency, or no verdict)
	 * @param verdict better, worse, within noise or n differs; {@code null} for latencies
	 * and figures only one run has
	 */
	public record Figure(String name, Metric a, Metric b, Double difference, Double threshold, Verdict verdict) {

	}

	/**
	 * What a change means.
	 */
	public enum Verdict {

		/** Higher beyond noise. */
		BETTER,

		/** Lower beyond noise. */
		WORSE,

		/** Within noise. */
		WITHIN_NOISE,

		/** Over a different number of questions: not compared. */
		N_DIFFERS

	}

}
