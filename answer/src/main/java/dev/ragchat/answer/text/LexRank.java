package dev.ragchat.answer.text;

import java.util.List;

/**
 * Continuous LexRank (Erkan and Radev, 2004): how central each sentence is among the
 * others, the stationary distribution of a random walk over their cosine similarities
 * (damped like PageRank). Written here because it is twenty lines over vectors the engine
 * already has, and the libraries that offer it bring their own tokenizers and models.
 */
public final class LexRank {

	/** The walk's damping: how often it jumps to any sentence. */
	static final double DAMPING = 0.15;

	static final int ITERATIONS = 30;

	private LexRank() {
	}

	/**
	 * @param vectors the sentences' embeddings
	 * @return each sentence's centrality, in their order (summing to 1)
	 */
	public static double[] of(List<float[]> vectors) {
		int n = vectors.size();
		double[][] weights = new double[n][n];
		for (int i = 0; i < n; i++) {
			for (int j = i + 1; j < n; j++) {
				double similarity = Math.max(0, Sentences.similarity(vectors.get(i), vectors.get(j)));
				weights[i][j] = similarity;
				weights[j][i] = similarity;
			}
		}
		double[] rowSums = new double[n];
		for (int i = 0; i < n; i++) {
			for (int j = 0; j < n; j++) {
				rowSums[i] += weights[i][j];
			}
		}
		double[] rank = new double[n];
		java.util.Arrays.fill(rank, 1.0 / Math.max(1, n));
		for (int iteration = 0; iteration < ITERATIONS; iteration++) {
			double[] next = new double[n];
			for (int i = 0; i < n; i++) {
				if (rowSums[i] == 0) {
					continue;
				}
				for (int j = 0; j < n; j++) {
					next[j] += rank[i] * weights[i][j] / rowSums[i];
				}
			}
			for (int j = 0; j < n; j++) {
				next[j] = DAMPING / n + (1 - DAMPING) * next[j];
			}
			rank = next;
		}
		return rank;
	}

}
