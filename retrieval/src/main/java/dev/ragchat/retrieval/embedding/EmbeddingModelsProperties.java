package dev.ragchat.retrieval.embedding;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * Embedding models a knowledge base may move to besides the server's own
 * ({@code ragchat.retrieval.embedding.*}, which new knowledge bases get) and the
 * in-process bge-small if asked for. Each has an index of its own; a knowledge base's
 * vectors are all of one model.
 *
 * @param bgeSmall whether the in-process bge-small-en-v1.5 is offered too, when it is not
 * the server's own model (default false)
 * @param minilm whether the in-process all-MiniLM-L6-v2 is offered too, when it is not
 * the server's own model (default false): about 1.9 times bge-small's ingestion speed; it
 * ranks short texts nearly as well, long ones (filings) worse
 * (docs/decisions/0028-ingestion-speed.md)
 * @param openai OpenAI-compatible embedding servers (Ollama, vLLM, llama.cpp, Text
 * Embeddings Inference, OpenAI), each {@code base-url} (as given:
 * {@code <base-url>/embeddings} is called, so {@code http://localhost:11434/v1} for
 * Ollama), {@code model} (the name a knowledge base records), {@code dimensions} (of its
 * vectors), and optional {@code api-key} and {@code timeout} (default 60s)
 */
@ConfigurationProperties("ragchat.retrieval.embedding-models")
public record EmbeddingModelsProperties(@DefaultValue("false") boolean bgeSmall, @DefaultValue("false") boolean minilm,
		@DefaultValue List<OpenAi> openai) {

	/**
	 * An OpenAI-compatible embedding model.
	 *
	 * @param baseUrl the server's base URL
	 * @param model the model's name
	 * @param dimensions the dimensions of its vectors
	 * @param apiKey the API key, if the server wants one
	 * @param timeout how long one request may take
	 */
	public record OpenAi(URI baseUrl, String model, Integer dimensions, String apiKey,
			@DefaultValue("60s") Duration timeout) {

		public OpenAi {
			Assert.notNull(baseUrl, "ragchat.retrieval.embedding-models.openai[].base-url is required");
			Assert.isTrue(StringUtils.hasText(model), "ragchat.retrieval.embedding-models.openai[].model is required");
			Assert.isTrue(dimensions != null && dimensions > 0,
					"ragchat.retrieval.embedding-models.openai[].dimensions must be positive");
		}

	}

}
