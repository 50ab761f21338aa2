package dev.ragchat.retrieval.embedding;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedding model of the chunk index.
 *
 * @param provider {@code bge-small} (in process, default), {@code minilm}
 * (all-MiniLM-L6-v2 in process: about 1.9 times the ingestion speed, worse ranks for long
 * texts), {@code vertex} (Vertex AI, application default credentials) or {@code gemini}
 * (Gemini API with an API key)
 * @param model the model, e.g. {@code text-embedding-005} or {@code gemini-embedding-001}
 * (default: {@code text-embedding-005} on Vertex AI, {@code gemini-embedding-001} with an
 * API key)
 * @param dimensions output dimensions, for models that can shorten their vectors
 * @param projectId the Google Cloud project (Vertex AI)
 * @param location the Vertex AI region
 * @param apiKey the Gemini API key ({@code gemini})
 * @param endpoint another endpoint than Google's (a proxy, or a test server)
 */
@ConfigurationProperties("ragchat.retrieval.embedding")
public record EmbeddingProperties(@DefaultValue("bge-small") Provider provider, String model, Integer dimensions,
		String projectId, @DefaultValue("us-central1") String location, String apiKey, URI endpoint) {

	/**
	 * Which model embeds the index's chunks.
	 */
	public enum Provider {

		/** bge-small-en-v1.5 in process. */
		BGE_SMALL,

		/** all-MiniLM-L6-v2 in process. */
		MINILM,

		/** Vertex AI with application default credentials. */
		VERTEX,

		/** The Gemini API with an API key. */
		GEMINI

	}

	public EmbeddingProperties {
		if (dimensions != null && dimensions < 1) {
			throw new IllegalArgumentException("ragchat.retrieval.embedding.dimensions must be positive");
		}
	}

}
