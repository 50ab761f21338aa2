package dev.ragchat.retrieval.embedding;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real model, from the classpath, offline.
 */
class BgeSmallEmbeddingModelTests {

	static BgeSmallEmbeddingModel model;

	@BeforeAll
	static void load() {
		model = new BgeSmallEmbeddingModel(2, 8);
	}

	@AfterAll
	static void close() {
		model.close();
	}

	@Test
	void embedsIntoUnitVectorsOf384Dimensions() {
		float[] vector = model.embed("The cat sat on the mat.");
		assertThat(vector).hasSize(384);
		double norm = 0;
		for (float v : vector) {
			norm += v * v;
		}
		assertThat(Math.sqrt(norm)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
	}

	@Test
	void placesAnAnswerNearerItsQuestionThanUnrelatedText() {
		float[] query = model.embed(BgeSmallEmbeddingModel.QUERY_INSTRUCTION + "How long do refunds take?");
		List<float[]> passages = model.embed(List.of("Refunds are paid back within fourteen days of the return.",
				"The zeppelin hangar opened in nineteen thirty.", "Our office is closed on public holidays."));
		assertThat(dot(query, passages.get(0))).isGreaterThan(dot(query, passages.get(1)))
			.isGreaterThan(dot(query, passages.get(2)));
	}

	/**
	 * Nearly the same: the int8 model quantizes activations per batch, so padding moves a
	 * vector slightly (cosine about 0.995), never to another meaning.
	 */
	@Test
	void embedsTheSameTextNearlyTheSameAloneOrInABatch() {
		String text = "Batching must not change a vector.";
		float[] alone = model.embed(text);
		List<float[]> batch = model.embed(List.of("A much longer text that forces padding in the batch, "
				+ "with many more tokens than the other one has.", text));
		assertThat(dot(alone, batch.get(1))).isGreaterThan(0.99);
	}

	@Test
	void countsTokensWithTheModelsTokenizer() {
		assertThat(model.countTokens("hello world")).isEqualTo(4);
	}

	private static double dot(float[] a, float[] b) {
		double sum = 0;
		for (int i = 0; i < a.length; i++) {
			sum += a[i] * b[i];
		}
		return sum;
	}

}
