package dev.ragchat.retrieval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

import dev.ragchat.retrieval.embedding.IndexEmbedding;
import dev.ragchat.retrieval.embedding.IndexEmbeddings;

import org.springframework.ai.rag.retrieval.join.DocumentJoiner;
import org.springframework.util.Assert;

/**
 * One chunk index per embedding model, seen as one: a knowledge base is searched in the
 * index of the model it was built with ({@link ChunkRoutes}), its queries embedded with
 * that model, so two models never meet in one ranking. While a knowledge base moves to
 * another model, the index of that model is its shadow: a migration fills it while
 * searches keep reading the old one, and a document written meanwhile goes to both. The
 * switch is the catalog's: the knowledge base's record names the new model, and from then
 * on its searches read the new index.
 * <p>
 * A document's writes go first to the active index, then to the shadow, and the route is
 * read again after them: a write that began before a migration or a switch still reaches
 * the index that serves the knowledge base when it ends, and an index the document no
 * longer belongs to drops it.
 */
public class ChunkIndexes implements ChunkIndex, AutoCloseable {

	private static final IntConsumer IGNORED = (count) -> {
	};

	private final IndexEmbeddings embeddings;

	private final Map<String, ChunkIndex> indexes = new LinkedHashMap<>();

	private final Supplier<ChunkRoutes> routes;

	/**
	 * Opens the index of every model.
	 * @param embeddings the models, the server's own first
	 * @param open opens a model's index
	 * @param routes the routes (asked when first needed: the catalog comes later)
	 */
	public ChunkIndexes(IndexEmbeddings embeddings, Function<IndexEmbedding, ? extends ChunkIndex> open,
			Supplier<ChunkRoutes> routes) {
		Assert.notNull(embeddings, "embeddings must not be null");
		Assert.notNull(routes, "routes must not be null");
		this.embeddings = embeddings;
		this.routes = routes;
		for (IndexEmbedding embedding : embeddings.all()) {
			this.indexes.put(embedding.name(), open.apply(embedding));
		}
	}

	/**
	 * @return the models, the server's own first
	 */
	public IndexEmbeddings embeddings() {
		return this.embeddings;
	}

	/**
	 * @param model a model's name
	 * @return its index
	 * @throws IllegalArgumentException if this server has no such model
	 */
	public ChunkIndex index(String model) {
		ChunkIndex index = this.indexes.get(model);
		if (index == null) {
			throw new IllegalArgumentException("This server has no embedding model " + model);
		}
		return index;
	}

	/**
	 * @return every model's index, the server's own first
	 */
	protected Map<String, ChunkIndex> indexes() {
		return this.indexes;
	}

	private ChunkRoutes.Route route(String knowledgeBase) {
		if (this.indexes.size() == 1) {
			return new ChunkRoutes.Route(null, null);
		}
		ChunkRoutes routes = this.routes.get();
		return ((routes != null) ? routes : ChunkRoutes.PRIMARY).route(knowledgeBase);
	}

	private String primary() {
		return this.embeddings.primary().name();
	}

	/**
	 * @param knowledgeBase a knowledge base
	 * @return the index that answers its searches
	 */
	private ChunkIndex active(String knowledgeBase) {
		String model = route(knowledgeBase).active();
		ChunkIndex index = this.indexes.get((model != null) ? model : primary());
		if (index == null) {
			throw new IllegalStateException("Knowledge base '" + knowledgeBase + "' was built with " + model
					+ ", which this server does not configure");
		}
		return index;
	}

	@Override
	public boolean replace(String documentId, List<Chunk> chunks, IntConsumer embedded, BooleanSupplier stillWanted) {
		if (this.indexes.size() == 1 || chunks.isEmpty()) {
			boolean written = true;
			for (ChunkIndex index : this.indexes.values()) {
				written &= index.replace(documentId, chunks, embedded, stillWanted);
			}
			return written;
		}
		String knowledgeBase = chunks.get(0).knowledgeBase();
		Set<String> written = new LinkedHashSet<>();
		while (true) {
			ChunkRoutes.Route route = route(knowledgeBase);
			List<String> targets = route.targets(primary());
			List<String> todo = targets.stream().filter((model) -> !written.contains(model)).toList();
			if (todo.isEmpty()) {
				for (String model : written) {
					if (!targets.contains(model)) {
						// the migration that wanted it ended (failed, cancelled or
						// switched) while the chunks were on their way
						index(model).deleteDocument(documentId);
					}
				}
				return true;
			}
			for (String model : todo) {
				boolean active = model.equals(targets.get(0));
				if (!index(model).replace(documentId, chunks, active ? embedded : IGNORED, stillWanted)) {
					return false;
				}
				written.add(model);
			}
		}
	}

	@Override
	public void deleteDocument(String documentId) {
		this.indexes.values().forEach((index) -> index.deleteDocument(documentId));
	}

	@Override
	public void deleteKnowledgeBase(String knowledgeBase) {
		this.indexes.values().forEach((index) -> index.deleteKnowledgeBase(knowledgeBase));
	}

	/**
	 * The index that holds a document's chunks for its knowledge base's searches: the one
	 * index that has any, or, while a migration or a switch leaves them in two, the
	 * active one.
	 */
	private ChunkIndex holding(String documentId) {
		if (this.indexes.size() == 1) {
			return this.indexes.values().iterator().next();
		}
		List<Map.Entry<String, ChunkIndex>> holding = new ArrayList<>();
		for (Map.Entry<String, ChunkIndex> index : this.indexes.entrySet()) {
			if (index.getValue().count(documentId) > 0) {
				holding.add(index);
			}
		}
		if (holding.isEmpty()) {
			return this.indexes.get(primary());
		}
		if (holding.size() > 1) {
			List<Chunk> chunks = holding.get(0).getValue().chunks(documentId);
			if (!chunks.isEmpty()) {
				String active = route(chunks.get(0).knowledgeBase()).targets(primary()).get(0);
				for (Map.Entry<String, ChunkIndex> index : holding) {
					if (index.getKey().equals(active)) {
						return index.getValue();
					}
				}
			}
		}
		return holding.get(0).getValue();
	}

	@Override
	public int count(String documentId) {
		return holding(documentId).count(documentId);
	}

	@Override
	public List<Chunk> chunks(String documentId) {
		return holding(documentId).chunks(documentId);
	}

	@Override
	public List<Chunk> chunks(String documentId, int fromPage, int toPage) {
		return holding(documentId).chunks(documentId, fromPage, toPage);
	}

	@Override
	public List<ScoredChunk> search(ChunkSearch search) {
		return active(search.knowledgeBase()).search(search);
	}

	@Override
	public List<ScoredChunk> hybrid(ChunkSearch search, int depth, DocumentJoiner joiner, SearchTrace trace) {
		return active(search.knowledgeBase()).hybrid(search, depth, joiner, trace);
	}

	@Override
	public int documents(ChunkSearch scope) {
		return active(scope.knowledgeBase()).documents(scope);
	}

	@Override
	public String embeddingModel() {
		return this.embeddings.primary().name();
	}

	@Override
	public int dimensions() {
		return this.embeddings.primary().dimensions();
	}

	@Override
	public boolean serves(String model, int dimensions) {
		return this.embeddings.get(model).map((embedding) -> embedding.dimensions() == dimensions).orElse(false);
	}

	@Override
	public String embeddingModel(String knowledgeBase) {
		return route(knowledgeBase).targets(primary()).get(0);
	}

	@Override
	public void close() throws Exception {
		Exception failure = null;
		for (ChunkIndex index : this.indexes.values()) {
			if (index instanceof AutoCloseable closeable) {
				try {
					closeable.close();
				}
				catch (Exception ex) {
					if (failure == null) {
						failure = ex;
					}
					else {
						failure.addSuppressed(ex);
					}
				}
			}
		}
		if (failure != null) {
			throw failure;
		}
	}

}
