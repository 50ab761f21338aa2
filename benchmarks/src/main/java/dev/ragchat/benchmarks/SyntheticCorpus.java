package dev.ragchat.benchmarks;

import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Synthetic chunks for search at scale: 384-dimension unit vectors with the structure of
 * sentence embeddings, and texts drawn from a Zipfian vocabulary that follow the same
 * topics, so that vector, keyword and hybrid search all have something to find.
 * <p>
 * Vectors: {@value #TOPICS} topics, each a random unit centroid {@code c} plus a random
 * {@value #SUBSPACE}-dimension subspace {@code U}; a chunk of topic {@code t} is
 * {@code normalize(c_t + 0.8 * U_t y / sqrt(16) + 0.35 * z / sqrt(384))} with {@code y},
 * {@code z} standard normal: most of the spread lies in a low-dimensional manifold per
 * topic (as with real embeddings, whose intrinsic dimension is far below 384), plus
 * isotropic noise. Queries are drawn from the same distribution and never indexed.
 * <p>
 * Texts: {@value #WORDS} words per chunk; each word is, with probability 0.25, one of its
 * topic's {@value #TOPIC_WORDS} words, otherwise a word of a {@value #VOCABULARY}-word
 * vocabulary drawn by Zipf's law (exponent 1). A query is 3 topic words and 2 Zipfian
 * words. Every text starts with its vector's key ({@code v17}, {@code q3}) so that the
 * benchmark's embedding model can return the precomputed vector; that token is unique and
 * does not change the rankings.
 * <p>
 * Everything derives from the seed, so the same command always generates the same data.
 */
final class SyntheticCorpus {

	static final int DIMENSIONS = 384;

	static final int TOPICS = 1000;

	static final int SUBSPACE = 16;

	static final int VOCABULARY = 50_000;

	static final int TOPIC_WORDS = 40;

	static final int WORDS = 120;

	private static final String[] SYLLABLES = syllables();

	private final long seed;

	private final float[][] centroids = new float[TOPICS][];

	private final float[][][] subspaces = new float[TOPICS][SUBSPACE][];

	private final int[][] topicWords = new int[TOPICS][TOPIC_WORDS];

	private final double[] zipf = new double[VOCABULARY];

	final float[][] chunks;

	final float[][] queries;

	SyntheticCorpus(int chunkCount, int queryCount, long seed) {
		this.seed = seed;
		Random random = new Random(seed);
		for (int t = 0; t < TOPICS; t++) {
			this.centroids[t] = gaussianUnit(random);
			for (int j = 0; j < SUBSPACE; j++) {
				this.subspaces[t][j] = gaussianUnit(random);
			}
			for (int w = 0; w < TOPIC_WORDS; w++) {
				// topic words are mid- to low-frequency words
				this.topicWords[t][w] = 300 + random.nextInt(VOCABULARY - 300);
			}
		}
		double sum = 0;
		for (int r = 0; r < VOCABULARY; r++) {
			sum += 1.0 / (r + 1);
			this.zipf[r] = sum;
		}
		for (int r = 0; r < VOCABULARY; r++) {
			this.zipf[r] /= sum;
		}
		this.chunks = new float[chunkCount][];
		IntStream.range(0, chunkCount).parallel().forEach((i) -> this.chunks[i] = vector(chunkRandom(i)));
		this.queries = new float[queryCount][];
		IntStream.range(0, queryCount).parallel().forEach((q) -> this.queries[q] = vector(queryRandom(q)));
	}

	/**
	 * @param i a chunk
	 * @return its text (generated again on every call, never kept)
	 */
	String chunkText(int i) {
		SplittableRandom random = chunkRandom(i);
		int topic = random.nextInt(TOPICS);
		StringBuilder text = new StringBuilder(WORDS * 8).append('v').append(i);
		SplittableRandom words = new SplittableRandom(this.seed * 7919 + i);
		for (int w = 0; w < WORDS; w++) {
			text.append(' ')
				.append(word((words.nextDouble() < 0.25) ? this.topicWords[topic][words.nextInt(TOPIC_WORDS)]
						: zipfian(words)));
		}
		return text.toString();
	}

	/**
	 * @param q a query
	 * @return its text
	 */
	String queryText(int q) {
		SplittableRandom random = queryRandom(q);
		int topic = random.nextInt(TOPICS);
		SplittableRandom words = new SplittableRandom(this.seed * 104729 + q);
		StringBuilder text = new StringBuilder().append('q').append(q);
		for (int w = 0; w < 3; w++) {
			text.append(' ').append(word(this.topicWords[topic][words.nextInt(TOPIC_WORDS)]));
		}
		for (int w = 0; w < 2; w++) {
			text.append(' ').append(word(zipfian(words)));
		}
		return text.toString();
	}

	/**
	 * @param text a chunk or query text of this corpus
	 * @return its precomputed vector
	 */
	float[] vectorOf(String text) {
		int end = text.indexOf(' ');
		int n = Integer.parseInt(text, 1, (end < 0) ? text.length() : end, 10);
		return (text.charAt(0) == 'v') ? this.chunks[n] : this.queries[n];
	}

	private SplittableRandom chunkRandom(int i) {
		return new SplittableRandom(this.seed * 1_000_003 + i);
	}

	private SplittableRandom queryRandom(int q) {
		return new SplittableRandom(this.seed * 1_000_033 + 1_000_000_007L + q);
	}

	/** The first draw of the random is the topic; chunkText relies on that. */
	private float[] vector(SplittableRandom random) {
		int topic = random.nextInt(TOPICS);
		float[] v = this.centroids[topic].clone();
		for (int j = 0; j < SUBSPACE; j++) {
			float y = (float) (0.8 * random.nextGaussian() / Math.sqrt(SUBSPACE));
			float[] u = this.subspaces[topic][j];
			for (int d = 0; d < DIMENSIONS; d++) {
				v[d] += y * u[d];
			}
		}
		float noise = (float) (0.35 / Math.sqrt(DIMENSIONS));
		for (int d = 0; d < DIMENSIONS; d++) {
			v[d] += noise * (float) random.nextGaussian();
		}
		return normalize(v);
	}

	private int zipfian(SplittableRandom random) {
		int rank = java.util.Arrays.binarySearch(this.zipf, random.nextDouble());
		return Math.min((rank < 0) ? -rank - 1 : rank, VOCABULARY - 1);
	}

	private static String word(int index) {
		return SYLLABLES[index / 10_000] + SYLLABLES[(index / 100) % 100] + SYLLABLES[index % 100];
	}

	private static float[] gaussianUnit(Random random) {
		float[] v = new float[DIMENSIONS];
		for (int d = 0; d < DIMENSIONS; d++) {
			v[d] = (float) random.nextGaussian();
		}
		return normalize(v);
	}

	static float[] normalize(float[] v) {
		double sum = 0;
		for (float x : v) {
			sum += x * x;
		}
		float norm = (float) Math.sqrt(sum);
		for (int d = 0; d < v.length; d++) {
			v[d] /= norm;
		}
		return v;
	}

	private static String[] syllables() {
		String consonants = "bcdfghjklmnprstvwxzq";
		String vowels = "aeiou";
		String[] syllables = new String[100];
		for (int i = 0; i < 100; i++) {
			syllables[i] = "" + consonants.charAt(i / 5) + vowels.charAt(i % 5);
		}
		return syllables;
	}

}
