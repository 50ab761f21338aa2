package dev.ragchat.retrieval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import dev.ragchat.retrieval.embedding.IndexEmbedding;

import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.Embedding;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;

/**
 * A deterministic embedding model for contract tests: each word adds one to a hashed
 * dimension, then the vector is normalized. Texts sharing words are near each other, so
 * tests can reason about results offline and in microseconds.
 */
public class WordHashEmbeddingModel implements EmbeddingModel {

	static final int DIMENSIONS = 384;

	/** How many times the model was called. */
	public final AtomicInteger calls = new AtomicInteger();

	/** How many texts the model embedded. */
	public final AtomicInteger texts = new AtomicInteger();

	@Override
	public EmbeddingResponse call(EmbeddingRequest request) {
		this.calls.incrementAndGet();
		List<Embedding> embeddings = new ArrayList<>();
		List<String> texts = request.getInstructions();
		this.texts.addAndGet(texts.size());
		for (int i = 0; i < texts.size(); i++) {
			embeddings.add(new Embedding(vector(texts.get(i)), i));
		}
		return new EmbeddingResponse(embeddings);
	}

	@Override
	public float[] embed(Document document) {
		return vector(document.getText());
	}

	@Override
	public int dimensions() {
		return DIMENSIONS;
	}

	/**
	 * @return this model as an index's embedding, named {@code word-hash}
	 */
	public IndexEmbedding asIndexEmbedding() {
		return new IndexEmbedding("word-hash", this, dimensions(), this::embed);
	}

	static float[] vector(String text) {
		float[] vector = new float[DIMENSIONS];
		for (String word : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
			if (word.length() > 2) {
				vector[Math.floorMod(word.hashCode(), DIMENSIONS)] += 1;
			}
		}
		double norm = 0;
		for (float v : vector) {
			norm += v * v;
		}
		if (norm == 0) {
			vector[0] = 1;
			return vector;
		}
		for (int i = 0; i < vector.length; i++) {
			vector[i] /= (float) Math.sqrt(norm);
		}
		return vector;
	}

}
