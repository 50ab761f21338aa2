package dev.ragchat.retrieval.onnx;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The real bge-small model as it is against its graph without the attention mask's
 * additions, on texts of one run each (no padding), with the production session options.
 */
class UnpaddedGraphTests {

	static final OrtEnvironment environment = OrtEnvironment.getEnvironment();

	static byte[] model;

	static HuggingFaceTokenizer tokenizer;

	static OrtSession original;

	static OrtSession unpadded;

	@BeforeAll
	static void load() throws Exception {
		ClassLoader loader = UnpaddedGraphTests.class.getClassLoader();
		try (InputStream in = loader.getResourceAsStream("bge-small-en-v1.5-q.onnx");
				InputStream json = loader.getResourceAsStream("bge-small-en-v1.5-q-tokenizer.json")) {
			model = in.readAllBytes();
			tokenizer = HuggingFaceTokenizer.newInstance(json, Map.of("truncation", "true", "maxLength", "512"));
		}
		OrtSession.SessionOptions options = new OrtSession.SessionOptions();
		options.setIntraOpNumThreads(1);
		options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
		original = environment.createSession(model, options);
		unpadded = environment.createSession(UnpaddedGraph.withoutMaskAdditions(model, "attention_mask"), options);
	}

	@AfterAll
	static void close() throws Exception {
		original.close();
		unpadded.close();
		tokenizer.close();
	}

	@Test
	void givesEveryTokenTheSameHiddenStateBitForBitAsTheModelWithItsMask() throws Exception {
		for (String text : List.of("The ferry to the island leaves at nine.",
				"Net revenue increased 12% to $4,812 million in fiscal 2019, driven by higher volumes in North"
						+ " America and favourable price and mix.\n\nItem 7. Management's Discussion and Analysis",
				"x")) {
			float[][] expected = hidden(original, text);
			float[][] actual = hidden(unpadded, text);
			assertThat(actual).hasSameDimensionsAs(expected);
			for (int token = 0; token < expected.length; token++) {
				assertThat(actual[token]).as("token %d of %s", token, text).containsExactly(expected[token]);
			}
		}
	}

	@Test
	void replacesOneAdditionALayer() {
		byte[] edited = UnpaddedGraph.withoutMaskAdditions(model, "attention_mask");
		assertThat(occurrences(edited, "Identity") - occurrences(model, "Identity")).isEqualTo(12);
	}

	@Test
	void refusesAModelWithoutSuchAnAddition() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> UnpaddedGraph.withoutMaskAdditions(model, "no_such_input"))
			.withMessageContaining("no_such_input");
		assertThatIllegalArgumentException().isThrownBy(() -> UnpaddedGraph
			.withoutMaskAdditions("not a model".getBytes(StandardCharsets.UTF_8), "attention_mask"));
	}

	private static float[][] hidden(OrtSession session, String text) throws Exception {
		Encoding encoding = tokenizer.encode(text);
		try (OnnxTensor ids = OnnxTensor.createTensor(environment, new long[][] { encoding.getIds() });
				OnnxTensor mask = OnnxTensor.createTensor(environment, new long[][] { encoding.getAttentionMask() });
				OnnxTensor types = OnnxTensor.createTensor(environment, new long[][] { encoding.getTypeIds() })) {
			Map<String, OnnxTensor> inputs = new HashMap<>();
			inputs.put("input_ids", ids);
			inputs.put("attention_mask", mask);
			inputs.put("token_type_ids", types);
			try (OrtSession.Result result = session.run(inputs)) {
				return ((float[][][]) result.get(0).getValue())[0];
			}
		}
	}

	private static int occurrences(byte[] bytes, String word) {
		String text = new String(bytes, StandardCharsets.ISO_8859_1);
		int count = 0;
		for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
			count++;
		}
		return count;
	}

}
