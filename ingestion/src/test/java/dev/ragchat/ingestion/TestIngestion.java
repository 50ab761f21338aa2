package dev.ragchat.ingestion;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import dev.ragchat.ingestion.blobs.LocalBlobStore;
import dev.ragchat.ingestion.catalog.TestCatalog;
import dev.ragchat.ingestion.reading.Chunker;
import dev.ragchat.ingestion.reading.MediaTypes;
import dev.ragchat.ingestion.reading.Ocr;
import dev.ragchat.ingestion.reading.Readers;
import dev.ragchat.retrieval.ChunkIndex;
import dev.ragchat.retrieval.embedding.IndexEmbedding;
import dev.ragchat.retrieval.lucene.LuceneChunkIndex;
import dev.ragchat.retrieval.lucene.LuceneIndexSettings;

import org.springframework.util.unit.DataSize;

/**
 * The whole ingestion path for tests of what builds on it: a fresh embedded catalog, a
 * local blob store, the real readers, workers and Lucene index, with a small hashing
 * embedding model (fast; these tests are not about embeddings). It holds one knowledge
 * base, {@value #KNOWLEDGE_BASE}.
 */
public final class TestIngestion implements AutoCloseable {

	/** The knowledge base it holds. */
	public static final String KNOWLEDGE_BASE = "kb";

	private final TestCatalog catalog = new TestCatalog();

	private final LuceneChunkIndex index;

	private final IngestionWorkers workers;

	private final KnowledgeBases knowledgeBases;

	private final Documents documents;

	/**
	 * @param dir a folder of its own (index, originals, work files)
	 * @throws IOException if the index cannot be opened
	 */
	public TestIngestion(Path dir) throws IOException {
		this(dir, UnaryOperator.identity());
	}

	/**
	 * @param dir a folder of its own (index, originals, work files)
	 * @param catalog wraps the catalog's document store (to see how it is used)
	 * @throws IOException if the index cannot be opened
	 */
	public TestIngestion(Path dir, UnaryOperator<DocumentStore> catalog) throws IOException {
		DocumentStore store = catalog.apply(this.catalog.documents());
		KnowledgeBaseStore kbs = this.catalog.knowledgeBases();
		kbs.saveIfAbsent(new KnowledgeBase(KNOWLEDGE_BASE, "Tests", null, "hashing", 64, Instant.now()));
		CountingModel model = new CountingModel(new AtomicInteger());
		this.index = new LuceneChunkIndex(dir.resolve("index"), new IndexEmbedding("hashing", model, 64, model::embed),
				16, LuceneIndexSettings.DEFAULTS);
		LocalBlobStore blobs = new LocalBlobStore(dir.resolve("blobs"));
		IngestionProperties properties = new IngestionProperties(1, 400, 60, 3, Duration.ofMinutes(2), 5000,
				DataSize.ofMegabytes(20), null, "no-such-ocr", "eng", Duration.ofSeconds(10), Duration.ofMinutes(10), 1,
				100, DataSize.ofKilobytes(200), 110, 1600);
		Path work = dir.resolve("work");
		this.workers = new IngestionWorkers(store, blobs,
				Readers.of(new Ocr("no-such-ocr", "eng", Duration.ofSeconds(5)), 5000, 20_000_000, work),
				new Chunker((text) -> text.split("\\s+").length, 60, 0), this.index, properties, Clock.systemUTC(),
				work);
		this.knowledgeBases = new KnowledgeBases(kbs, store, blobs, this.index, Clock.systemUTC(),
				this.workers::cancel);
		this.documents = new Documents(this.knowledgeBases, store, blobs, new MediaTypes(), this.index, this.workers,
				Clock.systemUTC());
		this.workers.start();
	}

	public TestCatalog catalog() {
		return this.catalog;
	}

	public Documents documents() {
		return this.documents;
	}

	public KnowledgeBases knowledgeBases() {
		return this.knowledgeBases;
	}

	public ChunkIndex index() {
		return this.index;
	}

	/**
	 * Stops the workers: queued documents stay QUEUED until {@link #resume()}.
	 */
	public void pause() {
		this.workers.stop();
	}

	public void resume() {
		this.workers.start();
	}

	@Override
	public void close() throws IOException {
		if (this.workers.isRunning()) {
			this.workers.stop();
		}
		this.index.close();
	}

}
