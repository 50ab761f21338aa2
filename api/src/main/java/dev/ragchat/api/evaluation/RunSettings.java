package dev.ragchat.api.evaluation;

import java.util.Locale;

import dev.ragchat.retrieval.SearchMode;

/**
 * The settings a run answers with.
 *
 * @param mode how the search retrieves: {@code hybrid}, {@code vector} or {@code keyword}
 * @param topK how many chunks each answer reads (and search returns)
 * @param rerank whether the run's search is reranked: asked for, in hybrid search, with a
 * reranker configured ({@code false} without one, whatever was asked)
 * @param configId the chat config to answer as, with its prompt and model (and so its
 * judge), or {@code null} for the service's defaults
 */
public record RunSettings(String mode, int topK, boolean rerank, String configId) {

	public RunSettings {
		mode = SearchMode.of(mode).name().toLowerCase(Locale.ROOT);
	}

	SearchMode searchMode() {
		return SearchMode.of(this.mode);
	}

}
