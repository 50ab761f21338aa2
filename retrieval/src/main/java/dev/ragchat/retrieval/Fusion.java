package dev.ragchat.retrieval;

import org.springframework.util.Assert;

/**
 * How hybrid search fuses the vector and the keyword ranking: weighted reciprocal rank,
 * then page- and document-aware adjustments (see {@link ReciprocalRankFusionJoiner}).
 *
 * @param k the reciprocal rank fusion constant
 * @param vectorWeight the weight of the vector ranking
 * @param keywordWeight the weight of the keyword ranking
 * @param candidates how deep each ranking goes
 * @param pageWeight how much of the fused scores of the other candidates on the same page
 * of the same document a chunk gains (0: none)
 * @param documentWeight how much a chunk gains for where its document stands in both
 * rankings (the document's own reciprocal rank fusion, relative to the best document's;
 * independent of the document's size; 0: none)
 * @param onePerPage whether the results hold at most one chunk of a page (its best)
 * @param periodWeight how much of its fused score a chunk loses when the question names
 * periods and the chunk (its title, heading path and text) holds none of them (0: none;
 * nothing changes when no candidate holds one)
 */
public record Fusion(int k, double vectorWeight, double keywordWeight, int candidates, double pageWeight,
		double documentWeight, boolean onePerPage, double periodWeight) {

	public Fusion {
		Assert.isTrue(k >= 1, "k must be at least 1");
		Assert.isTrue(vectorWeight >= 0 && keywordWeight >= 0, "weights must not be negative");
		Assert.isTrue(candidates >= 1, "candidates must be at least 1");
		Assert.isTrue(pageWeight >= 0, "pageWeight must not be negative");
		Assert.isTrue(documentWeight >= 0, "documentWeight must not be negative");
		Assert.isTrue(periodWeight >= 0 && periodWeight <= 1, "periodWeight must be between 0 and 1");
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
		return new Fusion(k, vectorWeight, keywordWeight, candidates, 0, 0, false, 0);
	}

	/**
	 * @param k the reciprocal rank fusion constant
	 * @param vectorWeight the weight of the vector ranking
	 * @param keywordWeight the weight of the keyword ranking
	 * @param candidates how deep each ranking goes
	 * @return this fusion with other rank settings
	 */
	public Fusion withRanks(int k, double vectorWeight, double keywordWeight, int candidates) {
		return new Fusion(k, vectorWeight, keywordWeight, candidates, this.pageWeight, this.documentWeight,
				this.onePerPage, this.periodWeight);
	}

}
