package dev.ragchat.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.Embedding;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;

/**
 * A Spring AI {@link EmbeddingModel} that returns vectors computed beforehand (synthetic,
 * or bge-small vectors cached on disk), so that search benchmarks index and query exactly
 * the same vectors in ragchat and in its peers without running a model in the timed part.
 * Looking a vector up costs well under a microsecond.
 */
final class PrecomputedEmbeddingModel implements EmbeddingModel {

	private final Function<String, float[]> vectors;

	private final int dimensions;

	PrecomputedEmbeddingModel(Function<String, float[]> vectors, int dimensions) {
		this.vectors = vectors;
		this.dimensions = dimensions;
	}

	@Override
	public EmbeddingResponse call(EmbeddingRequest request) {
		List<Embedding> embeddings = new ArrayList<>(request.getInstructions().size());
		for (String text : request.getInstructions()) {
			embeddings.add(new Embedding(embed(text), embeddings.size()));
		}
		return new EmbeddingResponse(embeddings);
	}

	@Override
	public float[] embed(String text) {
		float[] vector = this.vectors.apply(text);
		if (vector == null) {
			throw new IllegalArgumentException("No precomputed vector for: " + text);
		}
		return vector;
	}

	@Override
	public float[] embed(Document document) {
		// the text alone, as ragchat embeds it (Spring AI's default adds the metadata)
		return embed(document.getText());
	}

	@Override
	public int dimensions() {
		return this.dimensions;
	}

}
