package dev.ragchat.retrieval.atlas;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

import com.mongodb.MongoCommandException;
import dev.ragchat.retrieval.Chunk;
import dev.ragchat.retrieval.ChunkIndex;
import dev.ragchat.retrieval.ChunkSearch;
import dev.ragchat.retrieval.ScoredChunk;
import dev.ragchat.retrieval.embedding.IndexEmbedding;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.ai.vectorstore.mongodb.atlas.MongoDBAtlasVectorStore;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.MongoTransactionManager;
import org.springframework.data.mongodb.UncategorizedMongoDbException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.Assert;

/**
 * The chunk index on MongoDB Atlas: Spring AI's {@link MongoDBAtlasVectorStore} creates
 * the collection and its vector search index (dimensions from the embedding model;
 * knowledge base, document and write as filter fields) and stores the embedded chunks; an
 * Atlas Search index serves keyword search. Hybrid search is the port's default fusion of
 * the two.
 * <p>
 * A write stores the new chunks under a fresh generation, not yet live, then in one
 * transaction makes them live and deletes the document's previous chunks; searches only
 * return live chunks, so a document's chunks appear and disappear together. Atlas Search
 * indexes follow the collection asynchronously, so a write returns once both indexes find
 * all its chunks (or, after {@code sync-timeout}, with a warning).
 */
public final class AtlasChunkIndex implements ChunkIndex {

	private static final Logger logger = LoggerFactory.getLogger(AtlasChunkIndex.class);

	private static final int INDEX_ALREADY_EXISTS = 68;

	private static final Duration POLL = Duration.ofMillis(250);

	private final MongoTemplate mongo;

	private final IndexEmbedding embedding;

	private final AtlasProperties settings;

	private final int batch;

	private final MongoDBAtlasVectorStore store;

	private final TransactionTemplate transactions;

	private final int exactSearchUpTo;

	/**
	 * @param mongo the Atlas database
	 * @param embedding embeds the chunks and the queries
	 * @param settings the collection and search settings
	 * @param batch how many chunks are embedded at a time
	 * @param exactSearchUpTo up to how many chunks (of the knowledge base, and of the
	 * documents a search names) a vector search is exact ({@code exact: true}) rather
	 * than approximate; 0: always approximate
	 */
	public AtlasChunkIndex(MongoTemplate mongo, IndexEmbedding embedding, AtlasProperties settings, int batch,
			int exactSearchUpTo) {
		Assert.isTrue(exactSearchUpTo >= 0, "exactSearchUpTo must not be negative");
		this.exactSearchUpTo = exactSearchUpTo;
		this.mongo = mongo;
		this.embedding = embedding;
		this.settings = settings;
		this.batch = batch;
		this.store = MongoDBAtlasVectorStore.builder(mongo, embedding.model())
			.collectionName(settings.collection())
			.vectorIndexName(AtlasPipelines.VECTOR_INDEX)
			.pathName(AtlasPipelines.EMBEDDING)
			.numCandidates(settings.numCandidates())
			.metadataFieldsToFilter(AtlasPipelines.FILTER_FIELDS)
			.initializeSchema(true)
			.build();
		this.transactions = new TransactionTemplate(new MongoTransactionManager(mongo.getMongoDatabaseFactory()));
	}

	/**
	 * Creates the collection, the vector search index, the Atlas Search index and the
	 * collection's own indexes, keeping those that exist.
	 */
	public void initialize() {
		try {
			this.store.afterPropertiesSet();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot create the Atlas vector search index on '"
					+ this.settings.collection() + "' (is this MongoDB Atlas or Atlas local?)", ex);
		}
		try {
			this.mongo.executeCommand(AtlasPipelines.createSearchIndex(this.settings.collection()));
		}
		catch (UncategorizedMongoDbException ex) {
			if (!(ex.getCause() instanceof MongoCommandException command
					&& command.getCode() == INDEX_ALREADY_EXISTS)) {
				throw ex;
			}
		}
		this.mongo.indexOps(this.settings.collection())
			.ensureIndex(new Index().on("metadata.documentId", Sort.Direction.ASC)
				.on("metadata.ordinal", Sort.Direction.ASC));
		this.mongo.indexOps(this.settings.collection())
			.ensureIndex(new Index().on("metadata.knowledgeBase", Sort.Direction.ASC));
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * The chunks are stored hidden ({@code live: false}) and made live in one transaction
	 * that first asks {@code stillWanted}. A delete is a plain remove of every chunk of
	 * the document: if it lands after the transaction's snapshot, the transaction's
	 * update of those chunks is a write conflict and nothing goes live; if it lands after
	 * the commit, it removes the live chunks. Either way nothing of a document the
	 * catalog no longer holds stays searchable.
	 */
	@Override
	public boolean replace(String documentId, List<Chunk> chunks, IntConsumer embedded, BooleanSupplier stillWanted) {
		String generation = UUID.randomUUID().toString();
		// a chunk the document already has live, with the same id and indexed text, is
		// written again with its stored vector: a new version re-embeds only what changed
		Map<String, String> wanted = new HashMap<>();
		chunks.forEach((chunk) -> wanted.put(chunk.id(), chunk.indexText()));
		Map<String, List<?>> kept = new HashMap<>();
		for (Document row : this.mongo.getCollection(this.settings.collection())
			.find(new Document("metadata.documentId", documentId).append("metadata.live", true))) {
			String chunkId = row.get("metadata", Document.class).getString("chunkId");
			if (wanted.containsKey(chunkId) && wanted.get(chunkId).equals(row.getString(AtlasPipelines.CONTENT))) {
				kept.put(chunkId, row.getList(AtlasPipelines.EMBEDDING, Object.class));
			}
		}
		List<Document> reused = new ArrayList<>();
		for (Chunk chunk : chunks) {
			if (kept.containsKey(chunk.id())) {
				org.springframework.ai.document.Document document = toDocument(chunk, generation);
				reused.add(new Document("_id", document.getId()).append(AtlasPipelines.CONTENT, document.getText())
					.append("metadata", new Document(document.getMetadata()))
					.append(AtlasPipelines.EMBEDDING, kept.get(chunk.id())));
			}
		}
		if (!reused.isEmpty()) {
			this.mongo.getCollection(this.settings.collection()).insertMany(reused);
		}
		List<Chunk> fresh = chunks.stream().filter((c) -> !kept.containsKey(c.id())).toList();
		if (fresh.isEmpty() && !chunks.isEmpty()) {
			embedded.accept(chunks.size());
		}
		for (int from = 0; from < fresh.size(); from += this.batch) {
			int to = Math.min(fresh.size(), from + this.batch);
			this.store.add(fresh.subList(from, to).stream().map((c) -> toDocument(c, generation)).toList());
			embedded.accept(kept.size() + to);
		}
		Boolean written = this.transactions.execute((status) -> {
			if (!stillWanted.getAsBoolean()) {
				return false;
			}
			this.mongo.updateMulti(ofWrite(documentId, generation), Update.update("metadata.live", true),
					this.settings.collection());
			this.mongo.remove(Query
				.query(Criteria.where("metadata.documentId").is(documentId).and("metadata.generation").ne(generation)),
					this.settings.collection());
			return true;
		});
		if (!Boolean.TRUE.equals(written)) {
			this.mongo.remove(ofWrite(documentId, generation), this.settings.collection());
			return false;
		}
		if (!chunks.isEmpty()) {
			awaitSearchable(documentId, generation, chunks.size());
		}
		return true;
	}

	@Override
	public void deleteDocument(String documentId) {
		this.mongo.remove(Query.query(Criteria.where("metadata.documentId").is(documentId)),
				this.settings.collection());
	}

	@Override
	public void deleteKnowledgeBase(String knowledgeBase) {
		this.mongo.remove(Query.query(Criteria.where("metadata.knowledgeBase").is(knowledgeBase)),
				this.settings.collection());
	}

	@Override
	public int count(String documentId) {
		return (int) this.mongo.count(live(documentId), this.settings.collection());
	}

	@Override
	public List<Chunk> chunks(String documentId, int fromPage, int toPage) {
		Query query = live(documentId).addCriteria(Criteria.where("metadata.page").gte(fromPage).lte(toPage))
			.with(Sort.by("metadata.ordinal"));
		query.fields().exclude(AtlasPipelines.EMBEDDING);
		return this.mongo.find(query, Document.class, this.settings.collection())
			.stream()
			.map(AtlasChunkIndex::toChunk)
			.toList();
	}

	@Override
	public List<Chunk> chunks(String documentId) {
		Query query = live(documentId).with(Sort.by("metadata.ordinal"));
		query.fields().exclude(AtlasPipelines.EMBEDDING);
		return this.mongo.find(query, Document.class, this.settings.collection())
			.stream()
			.map(AtlasChunkIndex::toChunk)
			.toList();
	}

	@Override
	public int documents(ChunkSearch scope) {
		Document match = new Document("metadata.knowledgeBase", scope.knowledgeBase()).append("metadata.live", true);
		if (!scope.documentIds().isEmpty()) {
			match.append("metadata.documentId", new Document("$in", scope.documentIds()));
		}
		if (scope.filter() != null) {
			match.append("$and", List.of(AtlasPipelines.filter(scope.filter())));
		}
		Document counted = this.mongo.getCollection(this.settings.collection())
			.aggregate(List.of(new Document("$match", match),
					new Document("$group", new Document("_id", "$metadata.documentId")),
					new Document("$count", "documents")))
			.first();
		return (counted != null) ? counted.get("documents", Number.class).intValue() : 0;
	}

	@Override
	public List<ScoredChunk> search(ChunkSearch search) {
		List<Document> pipeline = switch (search.mode()) {
			case VECTOR -> AtlasPipelines.vector(search, this.embedding.queries().embed(search.query()),
					this.settings.numCandidates(), exact(search));
			case KEYWORD -> AtlasPipelines.keyword(search);
			case HYBRID -> throw new IllegalArgumentException("Hybrid search is ChunkIndex.hybrid's");
		};
		List<ScoredChunk> hits = new ArrayList<>();
		this.mongo.getCollection(this.settings.collection())
			.aggregate(pipeline)
			.forEach((row) -> hits
				.add(new ScoredChunk(toChunk(row), row.get(AtlasPipelines.SCORE, Number.class).doubleValue())));
		return hits;
	}

	/**
	 * Whether a vector search scores every chunk it may find rather than searching the
	 * graph: while the knowledge base (or the documents the search names) holds at most
	 * {@code exactSearchUpTo} chunks. An approximate search of a small knowledge base in
	 * a large collection can miss its nearest chunks (as the embedded index's graph did:
	 * docs/decisions/0009-exact-vector-search.md), and scoring a few thousand vectors
	 * costs little. Chunks of a write not yet live count too (the knowledge base index
	 * alone answers the count), and the count stops one past the bound.
	 * @param search a search
	 * @return whether it is exact
	 */
	boolean exact(ChunkSearch search) {
		if (this.exactSearchUpTo == 0) {
			return false;
		}
		Criteria criteria = Criteria.where("metadata.knowledgeBase").is(search.knowledgeBase());
		if (!search.documentIds().isEmpty()) {
			criteria = criteria.and("metadata.documentId").in(search.documentIds());
		}
		Query query = Query.query(criteria).limit((int) Math.min(Integer.MAX_VALUE, this.exactSearchUpTo + 1L));
		return this.mongo.count(query, this.settings.collection()) <= this.exactSearchUpTo;
	}

	@Override
	public String embeddingModel() {
		return this.embedding.name();
	}

	@Override
	public int dimensions() {
		return this.embedding.dimensions();
	}

	private void awaitSearchable(String documentId, String generation, int count) {
		Document sample = this.mongo.getCollection(this.settings.collection())
			.find(new Document("metadata.documentId", documentId).append("metadata.generation", generation))
			.first();
		long deadline = System.nanoTime() + this.settings.syncTimeout().toNanos();
		while (System.nanoTime() < deadline) {
			try {
				if (searchable(documentId, generation, sample, count)) {
					return;
				}
				Thread.sleep(POLL);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (DataAccessException | com.mongodb.MongoException ex) {
				// the search indexes may still be building after start-up
				logger.debug("Atlas Search not ready yet: {}", ex.getMessage());
			}
		}
		logger.warn("Atlas Search indexes did not show all {} chunks of document {} within {}; they will once"
				+ " Atlas catches up", count, documentId, this.settings.syncTimeout());
	}

	private boolean searchable(String documentId, String generation, Document sample, int count) {
		var collection = this.mongo.getCollection(this.settings.collection());
		Document meta = collection.aggregate(AtlasPipelines.searchableCount(documentId, generation)).first();
		long keyword = (meta != null) ? ((Document) meta.get("count")).get("total", Number.class).longValue() : 0;
		if (keyword < count) {
			return false;
		}
		Document found = collection
			.aggregate(AtlasPipelines.vectorSearchableCount(documentId, generation,
					sample.getList(AtlasPipelines.EMBEDDING, Object.class), count))
			.first();
		return found != null && found.get("found", Number.class).longValue() >= count;
	}

	private static Query ofWrite(String documentId, String generation) {
		return Query
			.query(Criteria.where("metadata.documentId").is(documentId).and("metadata.generation").is(generation));
	}

	private static Query live(String documentId) {
		return Query.query(Criteria.where("metadata.documentId").is(documentId).and("metadata.live").is(true));
	}

	static org.springframework.ai.document.Document toDocument(Chunk chunk, String generation) {
		Map<String, Object> metadata = new HashMap<>();
		metadata.put("chunkId", chunk.id());
		metadata.put("knowledgeBase", chunk.knowledgeBase());
		metadata.put("documentId", chunk.documentId());
		metadata.put("filename", chunk.filename());
		metadata.put("page", chunk.page());
		metadata.put("pageEnd", chunk.pageEnd());
		metadata.put("headingPath", chunk.headingPath());
		metadata.put("title", chunk.title());
		metadata.put("text", chunk.text());
		metadata.put("ordinal", chunk.ordinal());
		metadata.put("meta", chunk.metadata());
		metadata.put("generation", generation);
		metadata.put("live", false);
		return org.springframework.ai.document.Document.builder()
			.id(chunk.id() + "@" + generation)
			// embedded and keyword-searched as the Lucene index does: title, heading
			// path,
			// text; the text shown is kept apart in the metadata
			.text(chunk.indexText())
			.metadata(metadata)
			.build();
	}

	static Chunk toChunk(Document row) {
		Document m = row.get("metadata", Document.class);
		Document stored = m.get("meta", Document.class);
		Map<String, Object> meta = (stored != null) ? Chunk.values(stored) : Map.of();
		return new Chunk(m.getString("chunkId"), m.getString("knowledgeBase"), m.getString("documentId"),
				m.getString("filename"), m.getInteger("page"), m.getInteger("pageEnd"), m.getString("headingPath"),
				m.getInteger("ordinal"),
				(m.getString("text") != null) ? m.getString("text") : row.getString(AtlasPipelines.CONTENT), meta,
				m.getString("title"));
	}

}
