package dev.ragchat.ingestion;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.ai.embedding.Embedding;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;

/**
 * Hashes words into 64 dimensions and counts the texts it embeds.
 */
final class CountingModel implements EmbeddingModel {

	private final AtomicInteger embedded;

	CountingModel(AtomicInteger embedded) {
		this.embedded = embedded;
	}

	@Override
	public EmbeddingResponse call(EmbeddingRequest request) {
		List<Embedding> embeddings = new ArrayList<>();
		List<String> texts = request.getInstructions();
		this.embedded.addAndGet(texts.size());
		for (int i = 0; i < texts.size(); i++) {
			embeddings.add(new Embedding(vector(texts.get(i)), i));
		}
		return new EmbeddingResponse(embeddings);
	}

	@Override
	public float[] embed(org.springframework.ai.document.Document document) {
		return vector(document.getText());
	}

	@Override
	public float[] embed(String text) {
		return vector(text);
	}

	@Override
	public int dimensions() {
		return 64;
	}

	private static float[] vector(String text) {
		float[] vector = new float[64];
		for (String word : text.toLowerCase(java.util.Locale.ROOT).split("\\W+")) {
			vector[Math.floorMod(word.hashCode(), 64)] += 1;
		}
		double norm = 0;
		for (float v : vector) {
			norm += v * v;
		}
		norm = Math.max(Math.sqrt(norm), 1e-9);
		for (int i = 0; i < vector.length; i++) {
			vector[i] /= (float) norm;
		}
		return vector;
	}

}
