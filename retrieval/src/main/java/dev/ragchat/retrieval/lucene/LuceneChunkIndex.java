package dev.ragchat.retrieval.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

import dev.ragchat.retrieval.Chunk;
import dev.ragchat.retrieval.ChunkIndex;
import dev.ragchat.retrieval.ChunkSearch;
import dev.ragchat.retrieval.IndexSnapshots;
import dev.ragchat.retrieval.ScoredChunk;
import dev.ragchat.retrieval.SearchTrace;
import dev.ragchat.retrieval.embedding.IndexEmbedding;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.KeepOnlyLastCommitDeletionPolicy;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SnapshotDeletionPolicy;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;

import org.springframework.ai.rag.retrieval.join.DocumentJoiner;
import org.springframework.util.Assert;

/**
 * The embedded chunk index: one Lucene index on disk holding, per chunk, its HNSW vector
 * and its BM25-searchable text. The knowledge base (and any document filter) is a filter
 * inside both the vector and the keyword query, never applied afterwards. A document's
 * chunks are replaced with one atomic {@code updateDocuments} and one commit.
 * <p>
 * The chunk fields are {@link ChunkFields}' and the searches {@link LuceneSearches}'
 * (BM25 within the knowledge base, the keyword candidates ranked again by the files they
 * come from, the hybrid search's rankings).
 */
public final class LuceneChunkIndex implements ChunkIndex, IndexSnapshots, AutoCloseable {

	private final IndexEmbedding embedding;

	private final int embeddingBatch;

	private final Analyzer analyzer = new KeywordAnalyzer();

	private final LuceneSearches searches;

	private final Directory directory;

	private final IndexWriter writer;

	/** Keeps the commit a backup copies until the copy ends (Lucene's own way). */
	private final SnapshotDeletionPolicy snapshots = new SnapshotDeletionPolicy(new KeepOnlyLastCommitDeletionPolicy());

	private final SearcherManager searchers;

	/**
	 * Held while a document's chunks become visible or go: a conditional replace checks
	 * and writes under it, so a delete that follows a catalog removal always comes after.
	 */
	private final ReentrantLock visibility = new ReentrantLock();

	/** The one thread that writes: see {@link #write}. */
	private final ExecutorService writes = Executors
		.newSingleThreadExecutor(Thread.ofPlatform().name("ragchat-index-writer").daemon().factory());

	/**
	 * Opens (or creates) the index in a directory.
	 * @param directory the index directory
	 * @param embedding the model the chunks and queries are embedded with
	 * @param embeddingBatch how many texts the model gets at a time
	 * @param settings the vector format and write buffer
	 */
	public LuceneChunkIndex(Path directory, IndexEmbedding embedding, int embeddingBatch,
			LuceneIndexSettings settings) {
		Assert.notNull(directory, "directory must not be null");
		Assert.notNull(embedding, "embedding must not be null");
		Assert.isTrue(embeddingBatch >= 1, "embeddingBatch must be at least 1");
		Assert.notNull(settings, "settings must not be null");
		this.embedding = embedding;
		this.embeddingBatch = embeddingBatch;
		this.searches = new LuceneSearches(embedding, this.analyzer, settings);
		try {
			this.directory = FSDirectory.open(directory);
			this.writer = new IndexWriter(this.directory,
					settings.applyTo(new IndexWriterConfig(this.analyzer)
						.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
						.setIndexDeletionPolicy(this.snapshots)));
			this.searchers = new SearcherManager(this.writer, null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot open the chunk index in " + directory, ex);
		}
	}

	@Override
	public boolean replace(String documentId, List<Chunk> chunks, IntConsumer embedded, BooleanSupplier stillWanted) {
		Assert.hasText(documentId, "documentId must not be empty");
		Assert.isTrue(chunks.stream().allMatch((c) -> c.documentId().equals(documentId)),
				"every chunk must belong to document " + documentId);
		List<org.apache.lucene.document.Document> documents = new ArrayList<>(chunks.size());
		// a chunk the document already has, with the same id and the same indexed text,
		// keeps its vector: a new version re-embeds only what changed
		Map<String, float[]> kept = keptVectors(documentId, chunks);
		List<Chunk> fresh = chunks.stream().filter((c) -> !kept.containsKey(c.id())).toList();
		Map<String, float[]> vectors = new HashMap<>(kept);
		if (fresh.isEmpty() && !chunks.isEmpty()) {
			embedded.accept(chunks.size());
		}
		for (int start = 0; start < fresh.size(); start += this.embeddingBatch) {
			List<Chunk> batch = fresh.subList(start, Math.min(start + this.embeddingBatch, fresh.size()));
			List<float[]> embeddedBatch = this.embedding.model().embed(batch.stream().map(Chunk::indexText).toList());
			for (int i = 0; i < batch.size(); i++) {
				vectors.put(batch.get(i).id(), embeddedBatch.get(i));
			}
			embedded.accept(kept.size() + start + batch.size());
		}
		for (Chunk chunk : chunks) {
			documents.add(ChunkFields.document(chunk, vectors.get(chunk.id()),
					KnowledgeBaseStatistics.length(this.analyzer, ChunkFields.CONTENT, chunk.indexText())));
		}
		this.visibility.lock();
		try {
			if (!stillWanted.getAsBoolean()) {
				return false;
			}
			write(() -> this.writer.updateDocuments(new Term(ChunkFields.DOCUMENT, documentId), documents));
			return true;
		}
		finally {
			this.visibility.unlock();
		}
	}

	private Map<String, float[]> keptVectors(String documentId, List<Chunk> chunks) {
		Map<String, String> wanted = new HashMap<>();
		chunks.forEach((chunk) -> wanted.put(chunk.id(), chunk.indexText()));
		return withSearcher((searcher) -> {
			Map<String, float[]> kept = new HashMap<>();
			TermQuery query = new TermQuery(new Term(ChunkFields.DOCUMENT, documentId));
			int count = searcher.count(query);
			if (count == 0) {
				return kept;
			}
			List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
			StoredFields storedFields = searcher.storedFields();
			for (ScoreDoc hit : searcher.search(query, count).scoreDocs) {
				Chunk chunk = ChunkFields.chunk(storedFields, hit.doc);
				if (!chunk.indexText().equals(wanted.get(chunk.id()))) {
					continue;
				}
				LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hit.doc, leaves));
				FloatVectorValues values = leaf.reader().getFloatVectorValues(ChunkFields.VECTOR);
				if (values == null) {
					continue;
				}
				KnnVectorValues.DocIndexIterator iterator = values.iterator();
				if (iterator.advance(hit.doc - leaf.docBase) == hit.doc - leaf.docBase) {
					kept.put(chunk.id(), values.vectorValue(iterator.index()).clone());
				}
			}
			return kept;
		});
	}

	@Override
	public void deleteDocument(String documentId) {
		delete(new TermQuery(new Term(ChunkFields.DOCUMENT, documentId)));
	}

	@Override
	public void deleteKnowledgeBase(String knowledgeBase) {
		delete(new TermQuery(new Term(ChunkFields.KNOWLEDGE_BASE, knowledgeBase)));
	}

	private void delete(Query query) {
		this.visibility.lock();
		try {
			write(() -> this.writer.deleteDocuments(query));
		}
		finally {
			this.visibility.unlock();
		}
	}

	@Override
	public int count(String documentId) {
		return withSearcher((searcher) -> searcher.count(new TermQuery(new Term(ChunkFields.DOCUMENT, documentId))));
	}

	@Override
	public List<Chunk> chunks(String documentId) {
		return withSearcher((searcher) -> {
			TermQuery query = new TermQuery(new Term(ChunkFields.DOCUMENT, documentId));
			int count = searcher.count(query);
			if (count == 0) {
				return List.of();
			}
			return ChunkFields.hits(searcher, searcher.search(query, count))
				.stream()
				.map(ScoredChunk::chunk)
				.sorted(java.util.Comparator.comparingInt(Chunk::ordinal))
				.toList();
		});
	}

	/**
	 * Reads the page column (chunks indexed before it was written have none: then the
	 * document's chunks are read and filtered).
	 */
	@Override
	public List<Chunk> chunks(String documentId, int fromPage, int toPage) {
		List<Chunk> chunks = withSearcher((searcher) -> {
			Query query = new BooleanQuery.Builder()
				.add(new TermQuery(new Term(ChunkFields.DOCUMENT, documentId)), BooleanClause.Occur.FILTER)
				.add(NumericDocValuesField.newSlowRangeQuery(HitPages.PAGE_COLUMN, fromPage, toPage),
						BooleanClause.Occur.FILTER)
				.build();
			int count = searcher.count(query);
			if (count == 0) {
				return List.<Chunk>of();
			}
			return ChunkFields.hits(searcher, searcher.search(query, count))
				.stream()
				.map(ScoredChunk::chunk)
				.sorted(java.util.Comparator.comparingInt(Chunk::ordinal))
				.toList();
		});
		return chunks.isEmpty() ? ChunkIndex.super.chunks(documentId, fromPage, toPage) : chunks;
	}

	@Override
	public List<ScoredChunk> search(ChunkSearch search) {
		return withSearcher((searcher) -> this.searches.search(searcher, search));
	}

	@Override
	public int documents(ChunkSearch scope) {
		return withSearcher((searcher) -> this.searches.documents(searcher, scope));
	}

	/** Hybrid search inside one searcher ({@link LuceneSearches#hybrid}). */
	@Override
	public List<ScoredChunk> hybrid(ChunkSearch search, int depth, DocumentJoiner joiner, SearchTrace trace) {
		return withSearcher((searcher) -> this.searches.hybrid(searcher, search, depth, joiner, trace));
	}

	@Override
	public String embeddingModel() {
		return this.embedding.name();
	}

	@Override
	public int dimensions() {
		return this.embedding.dimensions();
	}

	/**
	 * Runs a change, commits it and makes it visible, on the writer's own thread, and
	 * waits for it even if the caller is interrupted meanwhile (its interrupt is kept).
	 * An interrupt during file I/O closes Lucene's channel and with it the IndexWriter,
	 * for every tenant until a restart, and callers do get interrupted: a worker pool
	 * that stops, a sync run whose claim was taken. Lucene leaves this to the application
	 * (see {@code NIOFSDirectory}); no library waits uninterruptibly on a future for us
	 * here.
	 */
	private void write(IndexWork work) {
		Future<?> written = this.writes.submit(() -> {
			work.run();
			this.writer.commit();
			this.searchers.maybeRefreshBlocking();
			return null;
		});
		boolean interrupted = false;
		try {
			while (true) {
				try {
					written.get();
					return;
				}
				catch (InterruptedException ex) {
					interrupted = true;
				}
			}
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof IOException io) {
				throw new UncheckedIOException("Cannot write to the chunk index", io);
			}
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException("Cannot write to the chunk index", ex.getCause());
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private <T> T withSearcher(SearchWork<T> work) {
		try {
			IndexSearcher searcher = this.searchers.acquire();
			try {
				return work.run(searcher);
			}
			finally {
				this.searchers.release(searcher);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot search the chunk index", ex);
		}
	}

	@Override
	public long copyLastCommit(Path target) throws IOException {
		Assert.notNull(target, "target must not be null");
		// a fresh index has no commit yet: commit the empty index so there is one to copy
		if (!DirectoryReader.indexExists(this.directory)) {
			this.visibility.lock();
			try {
				write(() -> {
				});
			}
			finally {
				this.visibility.unlock();
			}
		}
		IndexCommit commit = this.snapshots.snapshot();
		try (Directory copy = FSDirectory.open(Files.createDirectories(target))) {
			for (String file : commit.getFileNames()) {
				copy.copyFrom(this.directory, file, file, IOContext.DEFAULT);
			}
			copy.sync(commit.getFileNames());
			try (DirectoryReader reader = DirectoryReader.open(commit)) {
				return reader.numDocs();
			}
		}
		finally {
			this.snapshots.release(commit);
			this.writer.deleteUnusedFiles();
		}
	}

	@Override
	public void close() throws IOException {
		// a write under way ends first
		this.writes.close();
		this.searchers.close();
		this.writer.close();
		this.directory.close();
	}

	@FunctionalInterface
	private interface IndexWork {

		void run() throws IOException;

	}

	@FunctionalInterface
	private interface SearchWork<T> {

		T run(IndexSearcher searcher) throws IOException;

	}

}
