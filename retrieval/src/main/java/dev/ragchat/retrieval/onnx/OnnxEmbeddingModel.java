package dev.ragchat.retrieval.onnx;

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
import dev.ragchat.retrieval.embedding.QueryEmbedder;
import dev.ragchat.retrieval.embedding.SharedVectors;

import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.Embedding;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;
import org.springframework.util.Assert;

/**
 * An {@link InProcessModel} (int8 ONNX: bge-small-en-v1.5, or all-MiniLM-L6-v2) run in
 * process with ONNX Runtime. Written against ONNX Runtime directly because Spring AI's
 * {@code TransformersEmbeddingModel} only mean-pools (bge is trained for its CLS token)
 * and needs a native PyTorch download. Inputs are batched, sorted by length to keep
 * padding small; vectors are pooled as the model was trained, L2-normalized. A run
 * without padding (one text, the default) goes through the graph without the attention
 * mask's additions ({@link UnpaddedGraph}: the same vectors, bit for bit, in less time);
 * a padded batch through the model as it is.
 */
public final class OnnxEmbeddingModel implements EmbeddingModel, AutoCloseable {

	private static final String ATTENTION_MASK = "attention_mask";

	private final OrtEnvironment environment = OrtEnvironment.getEnvironment();

	private final InProcessModel model;

	private final int threads;

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

	/** Whether the admission is this model's own (not another's it runs beside). */
	private final boolean ownRuns;

	/**
	 * Texts someone waits for, by text (none when not shared): an answer's sentences
	 * reach the model once while other answers need them at the same time.
	 */
	private final SharedVectors interactive;

	public OnnxEmbeddingModel(InProcessModel model, int threads, int batchSize) {
		this(model, threads, batchSize, -1);
	}

	/**
	 * @param model the model
	 * @param threads threads per model run
	 * @param batchSize texts per model run
	 * @param keptTexts how many vectors of texts someone waits for are kept (0: only the
	 * runs under way are shared; -1: nothing is shared)
	 */
	public OnnxEmbeddingModel(InProcessModel model, int threads, int batchSize, long keptTexts) {
		this(model, threads, batchSize, keptTexts, null);
	}

	private OnnxEmbeddingModel(InProcessModel model, int threads, int batchSize, long keptTexts, ModelRuns runs) {
		Assert.isTrue(threads >= 1, "threads must be at least 1");
		Assert.isTrue(batchSize >= 1, "batchSize must be at least 1");
		this.model = model;
		this.threads = threads;
		this.batchSize = batchSize;
		this.interactive = (keptTexts >= 0) ? new SharedVectors(keptTexts) : null;
		this.ownRuns = (runs == null);
		this.runs = (runs != null) ? runs
				: new ModelRuns(Math.max(1, Runtime.getRuntime().availableProcessors() / threads), "ragchat-embedding");
		ClassLoader loader = OnnxEmbeddingModel.class.getClassLoader();
		try (InputStream graph = loader.getResourceAsStream(model.graph());
				InputStream tokenizer = loader.getResourceAsStream(model.tokenizer())) {
			Assert.state(graph != null && tokenizer != null, "The " + model.name() + " model is not on the classpath");
			OrtSession.SessionOptions options = new OrtSession.SessionOptions();
			options.setIntraOpNumThreads(threads);
			options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
			byte[] bytes = graph.readAllBytes();
			this.unpadded = this.environment.createSession(UnpaddedGraph.withoutMaskAdditions(bytes, ATTENTION_MASK),
					options);
			this.session = (batchSize > 1) ? this.environment.createSession(bytes, options) : null;
			this.tokenizer = HuggingFaceTokenizer.newInstance(tokenizer,
					Map.of("padding", "true", "truncation", "true", "maxLength", Integer.toString(model.maxTokens())));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the " + model.name() + " model", ex);
		}
		catch (OrtException ex) {
			throw new IllegalStateException("Cannot load the " + model.name() + " model", ex);
		}
	}

	/**
	 * @param other another model
	 * @return the other model with this one's threads and batch size, admitted to the
	 * cores through this one's runs (one queue: queries of either first, then ingestion);
	 * closing it leaves this one's runs open
	 */
	public OnnxEmbeddingModel beside(InProcessModel other) {
		return new OnnxEmbeddingModel(other, this.threads, this.batchSize, -1, this.runs);
	}

	/**
	 * @return the model it runs
	 */
	public InProcessModel model() {
		return this.model;
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
		OnnxEmbeddingModel model = this;
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
				return model.dimensions();
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
		return this.model.dimensions();
	}

	/**
	 * @return embeds queries the way the model expects them: behind its query
	 * instruction, if it has one
	 */
	public QueryEmbedder queries() {
		return (query) -> embed(this.model.queryInstruction() + query);
	}

	/**
	 * @param text any text
	 * @return how many tokens the model sees for it (including its two special tokens),
	 * at most its {@link InProcessModel#maxTokens()}
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
					vectors[i] = normalized(pooled(hidden[i], mask[i]));
				}
				return vectors;
			}
		}
		catch (OrtException ex) {
			throw new IllegalStateException("Embedding failed", ex);
		}
	}

	private float[] pooled(float[][] states, long[] mask) {
		if (this.model.pooling() == InProcessModel.Pooling.CLS) {
			return states[0];
		}
		float[] mean = new float[states[0].length];
		int tokens = 0;
		for (int t = 0; t < states.length; t++) {
			if (mask[t] == 1) {
				tokens++;
				for (int d = 0; d < mean.length; d++) {
					mean[d] += states[t][d];
				}
			}
		}
		for (int d = 0; d < mean.length; d++) {
			mean[d] /= tokens;
		}
		return mean;
	}

	private static float[] normalized(float[] pooled) {
		double sum = 0;
		for (float v : pooled) {
			sum += v * v;
		}
		float norm = (float) Math.sqrt(sum);
		float[] vector = new float[pooled.length];
		for (int i = 0; i < pooled.length; i++) {
			vector[i] = pooled[i] / norm;
		}
		return vector;
	}

	@Override
	public void close() {
		if (this.ownRuns) {
			this.runs.close();
		}
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
