package dev.ragchat.retrieval.lucene;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

import dev.ragchat.retrieval.ChunkIndex;
import dev.ragchat.retrieval.ChunkIndexes;
import dev.ragchat.retrieval.ChunkRoutes;
import dev.ragchat.retrieval.IndexSnapshots;
import dev.ragchat.retrieval.embedding.IndexEmbeddings;

/**
 * The embedded indexes, one Lucene index per embedding model: the server's own model's in
 * the index directory, each other model's beside it, named after the model
 * ({@code index-<model>}). A backup copies each the same way.
 */
public final class LuceneChunkIndexes extends ChunkIndexes implements IndexSnapshots {

	private final String primary;

	/**
	 * @param directory the index directory of the server's own model
	 * @param embeddings the models
	 * @param embeddingBatch how many texts a model gets at a time
	 * @param settings the indexes' settings
	 * @param routes the routes
	 */
	public LuceneChunkIndexes(Path directory, IndexEmbeddings embeddings, int embeddingBatch,
			LuceneIndexSettings settings, Supplier<ChunkRoutes> routes) {
		super(embeddings,
				(embedding) -> new LuceneChunkIndex(directory(directory, embedding.name(), embeddings.primary().name()),
						embedding, embeddingBatch, settings),
				routes);
		this.primary = embeddings.primary().name();
	}

	/**
	 * @param directory the index directory of the server's own model
	 * @param model a model
	 * @param primary the server's own model
	 * @return the model's index directory
	 */
	static Path directory(Path directory, String model, String primary) {
		if (model.equals(primary)) {
			return directory;
		}
		return directory.resolveSibling(directory.getFileName() + "-" + IndexEmbeddings.slug(model));
	}

	/**
	 * Copies every model's last commit: the server's own model's into the target, each
	 * other's beside it, as they lie beside the index directory.
	 */
	@Override
	public long copyLastCommit(Path target) throws IOException {
		long chunks = 0;
		for (Map.Entry<String, ChunkIndex> index : indexes().entrySet()) {
			chunks += ((LuceneChunkIndex) index.getValue())
				.copyLastCommit(directory(target, index.getKey(), this.primary));
		}
		return chunks;
	}

}
