package dev.ragchat.retrieval.onnx;

import java.util.List;
import java.util.stream.Stream;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real models, from the classpath, offline.
 */
class OnnxEmbeddingModelTests {

	static OnnxEmbeddingModel model;

	static OnnxEmbeddingModel miniLm;

	@BeforeAll
	static void load() {
		model = new OnnxEmbeddingModel(InProcessModel.BGE_SMALL, 2, 8);
		miniLm = model.beside(InProcessModel.MINILM);
	}

	@AfterAll
	static void close() {
		miniLm.close();
		model.close();
	}

	static Stream<OnnxEmbeddingModel> models() {
		return Stream.of(model, miniLm);
	}

	/**
	 * The vectors LangChain4j's runs of the same files give: the pooling (bge's CLS
	 * token, MiniLM's mean over the text's tokens) and the normalization are each model's
	 * own.
	 */
	@Test
	void embedsAsLangChain4jRunsTheSameModelFiles() {
		String text = "Refunds are paid back within fourteen days of the return.";
		assertThat(dot(model.embed(text), new BgeSmallEnV15QuantizedEmbeddingModel().embed(text).content().vector()))
			.isGreaterThan(0.999);
		assertThat(dot(miniLm.embed(text), new AllMiniLmL6V2QuantizedEmbeddingModel().embed(text).content().vector()))
			.isGreaterThan(0.999);
	}

	@Test
	void miniLmIsAnotherModelWithoutAQueryInstruction() {
		String text = "The cat sat on the mat.";
		assertThat(dot(model.embed(text), miniLm.embed(text))).isLessThan(0.9);
		assertThat(miniLm.model().queryInstruction()).isEmpty();
		assertThat(miniLm.dimensions()).isEqualTo(384);
	}

	@ParameterizedTest(autoCloseArguments = false)
	@MethodSource("models")
	void placesAPassageNearerItsQueryThanUnrelatedText(OnnxEmbeddingModel each) {
		float[] query = each.queries().embed("How long do refunds take?");
		List<float[]> passages = each.embed(List.of("Refunds are paid back within fourteen days of the return.",
				"The zeppelin hangar opened in nineteen thirty.", "Our office is closed on public holidays."));
		assertThat(dot(query, passages.get(0))).isGreaterThan(dot(query, passages.get(1)))
			.isGreaterThan(dot(query, passages.get(2)));
	}

	@ParameterizedTest(autoCloseArguments = false)
	@MethodSource("models")
	void embedsIntoUnitVectorsOf384Dimensions(OnnxEmbeddingModel each) {
		float[] vector = each.embed("The cat sat on the mat.");
		assertThat(vector).hasSize(384);
		double norm = 0;
		for (float v : vector) {
			norm += v * v;
		}
		assertThat(Math.sqrt(norm)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
	}

	/**
	 * Nearly the same: the int8 model quantizes activations per batch, so padding moves a
	 * vector slightly (cosine about 0.995), never to another meaning.
	 */
	@ParameterizedTest(autoCloseArguments = false)
	@MethodSource("models")
	void embedsTheSameTextNearlyTheSameAloneOrInABatch(OnnxEmbeddingModel each) {
		String text = "Batching must not change a vector.";
		float[] alone = each.embed(text);
		List<float[]> batch = each.embed(List.of("A much longer text that forces padding in the batch, "
				+ "with many more tokens than the other one has.", text));
		assertThat(dot(alone, batch.get(1))).isGreaterThan(0.99);
	}

	@Test
	void countsTokensWithTheModelsTokenizer() {
		assertThat(model.countTokens("hello world")).isEqualTo(4);
	}

	/** The same word pieces, so a chunk is cut the same whichever model indexes it. */
	@Test
	void bothModelsReadTheSameWordPieces() {
		String text = "Net revenue of the segment rose 12.5 % year over year, to $4,100 million.";
		assertThat(miniLm.countTokens(text)).isEqualTo(model.countTokens(text));
	}

	@Test
	void miniLmReadsAtMostItsMaxTokens() {
		String text = "word ".repeat(600);
		assertThat(miniLm.countTokens(text)).isEqualTo(256);
		assertThat(model.countTokens(text)).isEqualTo(512);
	}

	private static double dot(float[] a, float[] b) {
		double sum = 0;
		for (int i = 0; i < a.length; i++) {
			sum += a[i] * b[i];
		}
		return sum;
	}

}
