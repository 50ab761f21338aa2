package dev.ragchat.answer.text;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.Embedding;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;

import static org.assertj.core.api.Assertions.assertThat;

class SentenceVectorsTests {

	/** Embeds a text as its length and counts the texts it was given. */
	private final List<String> embedded = new ArrayList<>();

	private final EmbeddingModel model = new EmbeddingModel() {

		@Override
		public EmbeddingResponse call(EmbeddingRequest request) {
			List<Embedding> embeddings = new ArrayList<>();
			for (int i = 0; i < request.getInstructions().size(); i++) {
				String text = request.getInstructions().get(i);
				SentenceVectorsTests.this.embedded.add(text);
				embeddings.add(new Embedding(new float[] { text.length(), 1 }, i));
			}
			return new EmbeddingResponse(embeddings);
		}

		@Override
		public float[] embed(Document document) {
			throw new UnsupportedOperationException();
		}

	};

	@Test
	void embedsEachSentenceOnceAndOnlyTheNewOnesOfALaterAnswer() {
		SentenceVectors vectors = new SentenceVectors(this.model, 100);
		assertThat(vectors.of(List.of("one", "three", "one"))).extracting((vector) -> vector[0])
			.containsExactly(3f, 5f, 3f);
		assertThat(this.embedded).containsExactly("one", "three");
		assertThat(vectors.of(List.of("three", "eleven"))).extracting((vector) -> vector[0]).containsExactly(5f, 6f);
		assertThat(this.embedded).containsExactly("one", "three", "eleven");
	}

	@Test
	void keepsNothingWhenItsSizeIsZero() {
		SentenceVectors vectors = new SentenceVectors(this.model, 0);
		vectors.of(List.of("one"));
		vectors.of(List.of("one"));
		assertThat(this.embedded).containsExactly("one", "one");
	}

}
