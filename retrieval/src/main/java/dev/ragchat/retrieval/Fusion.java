package dev.ragchat.retrieval;

import org.springframework.util.Assert;

/**
 * How hybrid search fuses the vector and the keyword ranking: by weighted normalised
 * scores or by weighted reciprocal rank, then period-aware, at most one chunk a page (see
 * {@link FusionJoiner}). Page and document weights were measured and left off, and
 * removed (docs/decisions/0004-page-aware-hybrid.md, 0001-hybrid-fusion-scores.md).
 *
 * @param method what of each ranking is fused: its scores or its ranks
 * @param k the reciprocal rank fusion constant (with {@link Method#SCORES}, the divisor
 * of the scaled scores)
 * @param vectorWeight the weight of the vector ranking
 * @param keywordWeight the weight of the keyword ranking
 * @param candidates how deep each ranking goes
 * @param onePerPage whether the results hold at most one chunk of a page (its best)
 * @param periodWeight how much of its fused score a chunk loses when the question names
 * periods and the chunk (its title, heading path and text) holds none of them (0: none;
 * nothing changes when no candidate holds one)
 * @param vectorSpread with {@link Method#SCORES}, how the vector ranking's scores are
 * scaled: {@code s > 0} maps its candidates' mean − s standard deviations to 0 and mean +
 * s standard deviations to 1 (a chunk standing further out scores above 1, one further
 * below is held at 0), so the chunk whose similarity stands out of a flat ranking keeps
 * that lead over the keyword ranking's best; 0 scales it from its lowest to its highest
 * score, as the keyword ranking always is
 */
public record Fusion(Method method, int k, double vectorWeight, double keywordWeight, int candidates,
		boolean onePerPage, double periodWeight, double vectorSpread) {

	public Fusion {
		Assert.notNull(method, "method must not be null");
		Assert.isTrue(k >= 1, "k must be at least 1");
		Assert.isTrue(vectorWeight >= 0 && keywordWeight >= 0, "weights must not be negative");
		Assert.isTrue(candidates >= 1, "candidates must be at least 1");
		Assert.isTrue(periodWeight >= 0 && periodWeight <= 1, "periodWeight must be between 0 and 1");
		Assert.isTrue(vectorSpread >= 0, "vectorSpread must not be negative");
	}

	/**
	 * A fusion that scales both rankings from their lowest to their highest score.
	 * @param method what of each ranking is fused
	 * @param k the reciprocal rank fusion constant
	 * @param vectorWeight the weight of the vector ranking
	 * @param keywordWeight the weight of the keyword ranking
	 * @param candidates how deep each ranking goes
	 * @param onePerPage see the record
	 * @param periodWeight see the record
	 */
	public Fusion(Method method, int k, double vectorWeight, double keywordWeight, int candidates, boolean onePerPage,
			double periodWeight) {
		this(method, k, vectorWeight, keywordWeight, candidates, onePerPage, periodWeight, 0);
	}

	/**
	 * Plain weighted reciprocal rank fusion, nothing page- or document-aware.
	 * @param k the reciprocal rank fusion constant
	 * @param vectorWeight the weight of the vector ranking
	 * @param keywordWeight the weight of the keyword ranking
	 * @param candidates how deep each ranking goes
	 * @return the fusion
	 */
	public static Fusion ranks(int k, double vectorWeight, double keywordWeight, int candidates) {
		return new Fusion(Method.RANKS, k, vectorWeight, keywordWeight, candidates, false, 0);
	}

	/**
	 * @param k the reciprocal rank fusion constant
	 * @param vectorWeight the weight of the vector ranking
	 * @param keywordWeight the weight of the keyword ranking
	 * @param candidates how deep each ranking goes
	 * @return this fusion with other rank settings
	 */
	public Fusion withRanks(int k, double vectorWeight, double keywordWeight, int candidates) {
		return new Fusion(this.method, k, vectorWeight, keywordWeight, candidates, this.onePerPage, this.periodWeight,
				this.vectorSpread);
	}

	/**
	 * @return how the rankings are fused, in a line for people (an answer's trace)
	 */
	public String describe() {
		return ((this.method == Method.SCORES) ? "weighted scores" : "weighted reciprocal ranks (k " + this.k + ")")
				+ ", vector " + this.vectorWeight + ", keyword " + this.keywordWeight + ", each ranking "
				+ this.candidates + " deep" + ((this.periodWeight > 0) ? ", period weight " + this.periodWeight : "")
				+ (this.onePerPage ? ", one chunk a page" : "");
	}

	/**
	 * What of each ranking hybrid search fuses.
	 */
	public enum Method {

		/**
		 * Each ranking's scores, scaled to [0, 1] over its candidates (min-max; the
		 * vector ranking by its spread when {@code vectorSpread} is set), then weighted
		 * and added (a candidate missing from a ranking gets 0 there). A chunk one
		 * ranking puts far ahead of the rest keeps that lead; measured better than ranks
		 * on every corpus of the evaluation
		 * (docs/decisions/0001-hybrid-fusion-scores.md).
		 */
		SCORES,

		/**
		 * Each ranking's ranks: {@code weight / (k + rank)} (reciprocal rank fusion).
		 * Scores are never compared.
		 */
		RANKS

	}

}
