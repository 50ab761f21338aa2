package dev.ragchat.retrieval.embedding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.Embedding;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;
import org.springframework.util.Assert;

/**
 * BAAI bge-small-en-v1.5 (int8 ONNX, 384 dimensions) in process: the model and tokenizer
 * files come from a Maven Central jar, so nothing is downloaded at run time. Written
 * against ONNX Runtime directly because Spring AI's {@code TransformersEmbeddingModel}
 * only mean-pools (bge is trained for its CLS token) and needs a native PyTorch download.
 * Inputs are batched, sorted by length to keep padding small; vectors are the CLS token,
 * L2-normalized. A run without padding (one text, the default) goes through the graph
 * without the attention mask's additions ({@link UnpaddedGraph}: the same vectors, bit
 * for bit, in less time); a padded batch through the model as it is.
 */
public final class BgeSmallEmbeddingModel implements EmbeddingModel, AutoCloseable {

	/** The model's name, as knowledge bases record it. */
	public static final String NAME = "bge-small-en-v1.5";

	/** What bge expects in front of a query (never in front of a passage). */
	public static final String QUERY_INSTRUCTION = "Represent this sentence for searching relevant passages: ";

	static final int DIMENSIONS = 384;

	private static final String MODEL = "bge-small-en-v1.5-q.onnx";

	private static final String TOKENIZER = "bge-small-en-v1.5-q-tokenizer.json";

	private static final String ATTENTION_MASK = "attention_mask";

	private final OrtEnvironment environment = OrtEnvironment.getEnvironment();

	/**
	 * The graph for runs without padding: every text of the run as long as the others.
	 */
	private final OrtSession unpadded;

	/** The model as it is, for padded batches; {@code null} with batches of one text. */
	private final OrtSession session;

	private final HuggingFaceTokenizer tokenizer;

	private final int batchSize;

	/** Admission to the model: queries first, then ingestion; in arrival order. */
	private final ModelRuns runs;

	/**
	 * Texts someone waits for, by text (none when not shared): an answer's sentences
	 * reach the model once while other answers need them at the same time.
	 */
	private final SharedVectors interactive;

	public BgeSmallEmbeddingModel(int threads, int batchSize) {
		this(threads, batchSize, -1);
	}

	/**
	 * @param threads threads per model run
	 * @param batchSize texts per model run
	 * @param keptTexts how many vectors of texts someone waits for are kept (0: only the
	 * runs under way are shared; -1: nothing is shared)
	 */
	public BgeSmallEmbeddingModel(int threads, int batchSize, long keptTexts) {
		Assert.isTrue(threads >= 1, "threads must be at least 1");
		Assert.isTrue(batchSize >= 1, "batchSize must be at least 1");
		this.batchSize = batchSize;
		this.interactive = (keptTexts >= 0) ? new SharedVectors(keptTexts) : null;
		this.runs = new ModelRuns(Math.max(1, Runtime.getRuntime().availableProcessors() / threads),
				"ragchat-embedding");
		ClassLoader loader = BgeSmallEmbeddingModel.class.getClassLoader();
		try (InputStream model = loader.getResourceAsStream(MODEL);
				InputStream tokenizer = loader.getResourceAsStream(TOKENIZER)) {
			Assert.state(model != null && tokenizer != null, "The bge-small-en-v1.5 model is not on the classpath");
			OrtSession.SessionOptions options = new OrtSession.SessionOptions();
			options.setIntraOpNumThreads(threads);
			options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
			byte[] bytes = model.readAllBytes();
			this.unpadded = this.environment.createSession(UnpaddedGraph.withoutMaskAdditions(bytes, ATTENTION_MASK),
					options);
			this.session = (batchSize > 1) ? this.environment.createSession(bytes, options) : null;
			this.tokenizer = HuggingFaceTokenizer.newInstance(tokenizer,
					Map.of("padding", "true", "truncation", "true", "maxLength", "512"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the bge-small-en-v1.5 model", ex);
		}
		catch (OrtException ex) {
			throw new IllegalStateException("Cannot load the bge-small-en-v1.5 model", ex);
		}
	}

	/**
	 * Embeds for someone waiting on a request: a single query first, then many texts (the
	 * sentences of an answer's sources), both ahead of ingestion.
	 */
	@Override
	public EmbeddingResponse call(EmbeddingRequest request) {
		List<String> texts = request.getInstructions();
		// shared only when each text runs alone: in a batch, the int8 model's vector of a
		// text moves with the other texts of the batch
		return response((this.interactive != null && this.batchSize == 1)
				? this.interactive.of(texts, (missing) -> embedAll(missing, null)) : embedAll(texts, null));
	}

	/**
	 * @return this model for ingestion: lists of passages run behind every waiting query,
	 * one batch at a time; single texts (a chunk index embeds its queries that way) keep
	 * the query priority
	 */
	public EmbeddingModel bulk() {
		BgeSmallEmbeddingModel model = this;
		return new EmbeddingModel() {

			@Override
			public EmbeddingResponse call(EmbeddingRequest request) {
				return response(embedAll(request.getInstructions(), ModelRuns.Priority.BULK));
			}

			@Override
			public float[] embed(String text) {
				return model.embed(text);
			}

			@Override
			public float[] embed(Document document) {
				return embed(List.of(document.getText())).get(0);
			}

			@Override
			public int dimensions() {
				return DIMENSIONS;
			}

		};
	}

	private static EmbeddingResponse response(List<float[]> vectors) {
		List<Embedding> embeddings = new ArrayList<>(vectors.size());
		for (int i = 0; i < vectors.size(); i++) {
			embeddings.add(new Embedding(vectors.get(i), i));
		}
		return new EmbeddingResponse(embeddings);
	}

	@Override
	public float[] embed(Document document) {
		return embed(document.getText());
	}

	@Override
	public int dimensions() {
		return DIMENSIONS;
	}

	/**
	 * @return embeds queries the way bge expects them: behind its query instruction
	 */
	public QueryEmbedder queries() {
		return (query) -> embed(QUERY_INSTRUCTION + query);
	}

	/**
	 * @param text any text
	 * @return how many tokens the model sees for it (including its two special tokens)
	 */
	public int countTokens(String text) {
		return this.tokenizer.encode(text).getIds().length;
	}

	/**
	 * @param texts the texts
	 * @param priority how to admit the runs, or {@code null} for someone waiting (query
	 * or interactive, by the number of batches)
	 * @return their vectors, in order
	 */
	private List<float[]> embedAll(List<String> texts, ModelRuns.Priority priority) {
		float[][] vectors = new float[texts.size()][];
		List<Integer> byLength = IntStream.range(0, texts.size())
			.boxed()
			.sorted(Comparator.comparingInt((Integer i) -> texts.get(i).length()))
			.toList();
		List<List<Integer>> batches = new ArrayList<>();
		for (int start = 0; start < byLength.size(); start += this.batchSize) {
			batches.add(byLength.subList(start, Math.min(start + this.batchSize, byLength.size())));
		}
		// each batch queues for its own run (at most cores / threads at once): queries go
		// first, then an answer's many sentences, then ingestion, between any two batches
		ModelRuns.Priority admission = (priority != null) ? priority
				: (batches.size() <= 1) ? ModelRuns.Priority.QUERY : ModelRuns.Priority.INTERACTIVE;
		List<float[][]> embedded = this.runs.runAll(admission, batches,
				(batch) -> run(batch.stream().map(texts::get).toList()));
		for (int b = 0; b < batches.size(); b++) {
			List<Integer> batch = batches.get(b);
			for (int i = 0; i < batch.size(); i++) {
				vectors[batch.get(i)] = embedded.get(b)[i];
			}
		}
		return List.of(vectors);
	}

	private float[][] run(List<String> texts) {
		Encoding[] encodings = this.tokenizer.batchEncode(texts);
		int n = encodings.length;
		long[][] ids = new long[n][];
		long[][] mask = new long[n][];
		long[][] types = new long[n][];
		boolean padded = false;
		for (int i = 0; i < n; i++) {
			ids[i] = encodings[i].getIds();
			mask[i] = encodings[i].getAttentionMask();
			types[i] = encodings[i].getTypeIds();
			padded |= Arrays.stream(mask[i]).anyMatch((m) -> m == 0);
		}
		OrtSession session = padded ? this.session : this.unpadded;
		Assert.state(session != null, "A padded batch with batchSize 1");
		try (OnnxTensor idTensor = OnnxTensor.createTensor(this.environment, ids);
				OnnxTensor maskTensor = OnnxTensor.createTensor(this.environment, mask);
				OnnxTensor typeTensor = OnnxTensor.createTensor(this.environment, types)) {
			Map<String, OnnxTensor> inputs = new HashMap<>();
			inputs.put("input_ids", idTensor);
			inputs.put(ATTENTION_MASK, maskTensor);
			if (session.getInputNames().contains("token_type_ids")) {
				inputs.put("token_type_ids", typeTensor);
			}
			try (OrtSession.Result result = session.run(inputs)) {
				float[][][] hidden = (float[][][]) result.get(0).getValue();
				float[][] vectors = new float[n][];
				for (int i = 0; i < n; i++) {
					vectors[i] = normalized(hidden[i][0]);
				}
				return vectors;
			}
		}
		catch (OrtException ex) {
			throw new IllegalStateException("Embedding failed", ex);
		}
	}

	private static float[] normalized(float[] cls) {
		double sum = 0;
		for (float v : cls) {
			sum += v * v;
		}
		float norm = (float) Math.sqrt(sum);
		float[] vector = new float[cls.length];
		for (int i = 0; i < cls.length; i++) {
			vector[i] = cls[i] / norm;
		}
		return vector;
	}

	@Override
	public void close() {
		this.runs.close();
		try {
			this.unpadded.close();
			if (this.session != null) {
				this.session.close();
			}
		}
		catch (OrtException ex) {
			// closing anyway
		}
		this.tokenizer.close();
	}

}
