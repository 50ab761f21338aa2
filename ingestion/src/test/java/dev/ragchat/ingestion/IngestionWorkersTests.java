package dev.ragchat.ingestion;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

import dev.ragchat.ingestion.blobs.LocalBlobStore;
import dev.ragchat.ingestion.catalog.TestCatalog;
import dev.ragchat.ingestion.catalog.TestMongo;
import dev.ragchat.ingestion.reading.Chunker;
import dev.ragchat.ingestion.reading.MediaTypes;
import dev.ragchat.ingestion.reading.Ocr;
import dev.ragchat.ingestion.reading.Readers;
import dev.ragchat.retrieval.Chunk;
import dev.ragchat.retrieval.ChunkIndex;
import dev.ragchat.retrieval.ChunkSearch;
import dev.ragchat.retrieval.ScoredChunk;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The workers over a real catalog, blob store and readers, with an index whose embedding
 * is slowed down on purpose, so that a large document is really long: cancellation on
 * delete, the quick lane, the time budget and the work files.
 */
class IngestionWorkersTests {

	@TempDir
	Path dir;

	SlowIndex index = new SlowIndex();

	DocumentStore store;

	KnowledgeBases knowledgeBases;

	Documents documents;

	IngestionWorkers workers;

	RecordingBlobs blobs;

	/** Settings for {@link #create}, when not the tests' own. */
	IngestionProperties properties;

	@AfterEach
	void stop() {
		if (this.workers != null && this.workers.isRunning()) {
			this.workers.stop();
		}
	}

	@Test
	void aSmallDocumentIsReadyWhileAHugeOneIngests() throws Exception {
		start(1, Duration.ofMinutes(10));
		this.index.millisPerChunk = 100;
		String big = upload("kb_a", "big.txt", bigText());
		this.index.embedding.await(30, TimeUnit.SECONDS);
		String small = upload("kb_b", "small.txt", "The ferry leaves at nine.");
		await().atMost(Duration.ofSeconds(60)).until(() -> status(small) == DocumentStatus.READY);
		assertThat(status(big)).isNotEqualTo(DocumentStatus.READY);
		assertThat(this.index.chunks).doesNotContainKey(big);
	}

	@ParameterizedTest
	@ValueSource(strings = { "jdbc", "mongo" })
	void aSmallFilingUploadedAfterTwoLargeOnesIsReadyWhileBothStillWait(String catalog) throws Exception {
		// the default settings, as on two cores (one main worker and the quick lane);
		// the large filings' embedding is held, as minutes of work would hold it
		this.properties = new Binder(new MapConfigurationPropertySource(
				Map.of("ragchat.ingestion.workers", "1", "ragchat.ingestion.ocr-command", "no-such-ocr")))
			.bindOrCreate("ragchat.ingestion", IngestionProperties.class);
		create(1, Duration.ofMinutes(10), catalog);
		this.index.held = (filename) -> filename.startsWith("10k");
		this.workers.start();
		// 150 pages each (more than quick-max-pages); 31 pages of 62,000 characters: over
		// the old 20-page bound, small by the rule (at most 100 pages and 200 KB of text)
		Path large1 = pdf("10k-a.pdf", 150, 2, 60);
		Path large2 = pdf("10k-b.pdf", 150, 2, 60);
		Path small = pdf("8k.pdf", 31, 20, 100);
		List<String> ids = this.documents
			.submit("kb_a",
					List.of(new Documents.Upload("10k-a.pdf", large1), new Documents.Upload("10k-b.pdf", large2),
							new Documents.Upload("8k.pdf", small)),
					null, null)
			.stream()
			.map((submitted) -> submitted.document().id())
			.toList();
		await().atMost(Duration.ofSeconds(60)).until(() -> status(ids.get(2)) == DocumentStatus.READY);
		assertThat(this.store.findById(ids.get(2)).orElseThrow().progress().pagesTotal()).isEqualTo(31);
		assertThat(List.of(status(ids.get(0)), status(ids.get(1)))).doesNotContain(DocumentStatus.READY);
		this.index.release.countDown();
		await().atMost(Duration.ofSeconds(60))
			.until(() -> ids.stream().allMatch((id) -> status(id) == DocumentStatus.READY));
	}

	@ParameterizedTest
	@ValueSource(strings = { "jdbc", "mongo" })
	void theQuickLaneHandsBackADocumentOfFewPagesWhoseTextPassesItsBound(String catalog) throws Exception {
		create(1, Duration.ofMinutes(10), catalog);
		this.workers.start();
		// the main worker is held by a large text file
		this.index.held = (filename) -> filename.equals("big.txt");
		upload("kb_a", "big.txt", bigText());
		assertThat(this.index.holding.await(30, TimeUnit.SECONDS)).isTrue();
		// 20 pages (not more than quick-max-pages) of 12,000 characters: 240,000 in all
		String dense = this.documents
			.submit("kb_b", List.of(new Documents.Upload("dense.pdf", pdf("dense.pdf", 20, 100, 120))), null, null)
			.get(0)
			.document()
			.id();
		String small = upload("kb_b", "small.txt", "The ferry leaves at nine.");
		await().atMost(Duration.ofSeconds(60)).until(() -> status(small) == DocumentStatus.READY);
		// handed back (QUEUED again, marked large), waiting for the main worker
		assertThat(status(dense)).isEqualTo(DocumentStatus.QUEUED);
		assertThat(this.store.claimNext("test", Instant.now().plusSeconds(60), true)).isEmpty();
		this.index.release.countDown();
		await().atMost(Duration.ofSeconds(60)).until(() -> status(dense) == DocumentStatus.READY);
	}

	@Test
	void theDefaultMainWorkersAreTheCoresFromOneToFour() {
		assertThat(List.of(1, 2, 3, 4, 8, 16, 64).stream().map(IngestionProperties::defaultWorkers)).containsExactly(1,
				2, 3, 4, 4, 4, 4);
		assertThat(new IngestionProperties(null, 400, 60, 3, Duration.ofMinutes(2), 5000, DataSize.ofMegabytes(20),
				null, "tesseract", "eng", Duration.ofSeconds(10), Duration.ofMinutes(10), 1, 100,
				DataSize.ofKilobytes(200), 110, 1600)
			.workers()).isEqualTo(IngestionProperties.defaultWorkers(Runtime.getRuntime().availableProcessors()));
	}

	@Test
	void deletingADocumentStopsItsJobAndFreesTheWorker() throws Exception {
		start(0, Duration.ofMinutes(10));
		this.index.millisPerChunk = 100;
		String big = upload("kb_a", "big.txt", bigText());
		assertThat(this.index.embedding.await(30, TimeUnit.SECONDS)).isTrue();
		this.documents.delete("kb_a", big);
		// the whole job would embed for a minute; stopped, it leaves at the next chunk
		await().atMost(Duration.ofSeconds(20)).until(() -> this.index.left.get() == 1);
		assertThat(this.index.embedded.get()).isLessThan(this.index.total.get());
		assertThat(this.index.chunks).doesNotContainKey(big);
		this.index.millisPerChunk = 0;
		String next = upload("kb_a", "next.txt", "The museum opens at ten.");
		await().atMost(Duration.ofSeconds(60)).until(() -> status(next) == DocumentStatus.READY);
	}

	@Test
	void deletingAKnowledgeBaseStopsTheJobsOfItsDocuments() throws Exception {
		start(0, Duration.ofMinutes(10));
		this.index.millisPerChunk = 100;
		upload("kb_a", "big.txt", bigText());
		assertThat(this.index.embedding.await(30, TimeUnit.SECONDS)).isTrue();
		this.knowledgeBases.delete("kb_a");
		await().atMost(Duration.ofSeconds(20)).until(() -> this.index.left.get() == 1);
		assertThat(this.index.embedded.get()).isLessThan(this.index.total.get());
		assertThat(this.index.chunks).isEmpty();
	}

	@Test
	void aDeleteRacingTheIndexWriteNeverLeavesChunksBehind() throws Exception {
		start(0, Duration.ofMinutes(10));
		for (int round = 0; round < 10; round++) {
			// the delete lands after the worker's last progress check and before its
			// write, as a delete on another node would (no local cancellation reaches
			// the worker)
			this.index.beforeWrite = (documentId) -> {
				this.store.delete(documentId);
				this.index.deleteDocument(documentId);
			};
			int before = this.index.left.get();
			String doc = upload("kb_a", "race-" + round + ".txt", "Round " + round + " of the delete race.");
			await().atMost(Duration.ofSeconds(30)).until(() -> this.index.left.get() == before + 1);
			assertThat(this.index.countAfterWrite).as("round %d", round).containsEntry(doc, 0);
			assertThat(this.index.chunks).doesNotContainKey(doc);
		}
	}

	@Test
	void stoppingTheWorkersQueuesTheirJobAgainAndKeepsThePreviousVersionSearchable() throws Exception {
		start(0, Duration.ofMinutes(10));
		String doc = upload("kb_a", "guide.txt", "The ferry leaves at nine.");
		await().atMost(Duration.ofSeconds(60)).until(() -> status(doc) == DocumentStatus.READY);
		List<Chunk> first = this.index.chunks(doc);
		this.index.millisPerChunk = 100;
		this.documents.replace("kb_a", doc,
				new Documents.Upload("guide.txt", Files.writeString(this.dir.resolve("guide-2.txt"), bigText())), null);
		int embeddedBefore = this.index.embedded.get();
		await().atMost(Duration.ofSeconds(30)).until(() -> this.index.embedded.get() > embeddedBefore + 2);
		this.workers.stop();
		// stopped at its next chunk, not interrupted, and nothing of it written
		assertThat(this.index.interrupted).isFalse();
		assertThat(this.index.embedded.get()).isLessThan(this.index.total.get());
		assertThat(status(doc)).isEqualTo(DocumentStatus.QUEUED);
		assertThat(this.index.chunks(doc)).isEqualTo(first);
		this.index.millisPerChunk = 0;
		this.workers.start();
		await().atMost(Duration.ofSeconds(60)).until(() -> status(doc) == DocumentStatus.READY);
		assertThat(this.index.count(doc)).isGreaterThan(first.size());
	}

	@Test
	void failsADocumentThatTakesLongerThanItsTimeBudget() throws Exception {
		start(0, Duration.ofSeconds(1));
		this.index.millisPerChunk = 100;
		String big = upload("kb_a", "big.txt", bigText());
		await().atMost(Duration.ofSeconds(60)).until(() -> status(big) == DocumentStatus.FAILED);
		Document failed = this.store.findById(big).orElseThrow();
		assertThat(failed.error()).contains("longer than").contains("ragchat.ingestion.max-time");
		assertThat(this.index.chunks).doesNotContainKey(big);
	}

	@Test
	void indexesAMarkdownFileOfHeadingsOnlyAndFailsAWhitespaceOnlyOne() throws Exception {
		start(0, Duration.ofMinutes(10));
		String headings = upload("kb_a", "commands.md", "## Commands\n\n### Options\n");
		String blank = upload("kb_a", "blank.md", " \n\n\t\n");
		await().atMost(Duration.ofSeconds(60)).until(() -> status(headings) == DocumentStatus.READY);
		await().atMost(Duration.ofSeconds(60)).until(() -> status(blank) == DocumentStatus.FAILED);
		assertThat(this.index.chunks.get(headings)).extracting(Chunk::text).containsExactly("Commands\n\nOptions");
		assertThat(this.store.findById(blank).orElseThrow().error())
			.isEqualTo("No text could be extracted from the document");
		assertThat(this.index.chunks).doesNotContainKey(blank);
	}

	@Test
	void keepsWorkFilesOwnerOnlyInTheWorkDirectoryAndRemovesLeftoversAtStart() throws Exception {
		Path work = this.dir.resolve("data").resolve("work");
		Files.createDirectories(work);
		Path leftover = Files.writeString(work.resolve("doc-123.bin"), "cut off by kill -9");
		List<String> seen = new CopyOnWriteArrayList<>();
		this.index.whileEmbedding = () -> {
			try (Stream<Path> files = Files.list(work)) {
				files.forEach((f) -> seen.add(f.getFileName().toString().replaceAll("\\d+", "N") + " "
						+ PosixFilePermissions.toString(permissions(f))));
			}
		};
		start(0, Duration.ofMinutes(10));
		assertThat(leftover).doesNotExist();
		assertThat(PosixFilePermissions.toString(permissions(work))).isEqualTo("rwx------");
		String doc = upload("kb_a", "small.txt", "The ferry leaves at nine.");
		await().atMost(Duration.ofSeconds(60)).until(() -> status(doc) == DocumentStatus.READY);
		assertThat(seen).containsExactly("doc-N.bin rw-------");
		try (Stream<Path> files = Files.list(work)) {
			assertThat(files).isEmpty();
		}
	}

	@Test
	void stagesTheOriginalOfAMetadataChangeInTheWorkDirectoryNeverInTheSystemTempDirectory() throws Exception {
		start(0, Duration.ofMinutes(10));
		String doc = upload("kb_a", "guide.txt", "The ferry leaves at nine.");
		await().atMost(Duration.ofSeconds(60)).until(() -> status(doc) == DocumentStatus.READY);
		this.blobs.stored().clear();
		this.documents.updateMetadata("kb_a", doc, "{\"team\":\"harbour\"}");
		Path work = this.dir.resolve("data").resolve("work");
		assertThat(this.blobs.stored()).singleElement().satisfies((staged) -> {
			assertThat(staged.getParent()).isEqualTo(work);
			assertThat(staged).doesNotExist();
		});
		await().atMost(Duration.ofSeconds(60)).until(() -> status(doc) == DocumentStatus.READY);
		assertThat(this.store.findById(doc).orElseThrow().metadata()).contains("harbour");
	}

	@Test
	void retriesADocumentWhoseAttemptsRunOutOfMemoryBehindTheOthersAndFailsItAfterItsLastAttempt() throws Exception {
		create(0, Duration.ofMinutes(10));
		List<String> writes = new CopyOnWriteArrayList<>();
		this.index.beforeWrite = (documentId) -> {
			String name = this.store.findById(documentId).orElseThrow().filename();
			writes.add(name);
			if (name.equals("heavy.txt")) {
				throw new OutOfMemoryError("Java heap space");
			}
		};
		String heavy = upload("kb_a", "heavy.txt", "A document whose every attempt runs out of memory.");
		Instant heavyQueued = this.store.findById(heavy).orElseThrow().createdAt();
		await().until(() -> Instant.now().isAfter(heavyQueued.plusMillis(1)));
		String small = upload("kb_a", "small.txt", "The ferry leaves at nine.");
		this.workers.start();
		await().atMost(Duration.ofSeconds(60)).until(() -> status(heavy) == DocumentStatus.FAILED);
		assertThat(status(small)).isEqualTo(DocumentStatus.READY);
		// the document not tried yet went before the second attempt of the failing one
		assertThat(writes).containsExactly("heavy.txt", "small.txt", "heavy.txt", "heavy.txt");
		assertThat(this.store.findById(heavy).orElseThrow().error())
			.startsWith("Gave up after 3 attempts: the last one ran out of memory (Java heap space)");
		assertThat(this.index.chunks).doesNotContainKey(heavy);
		// the worker is still there
		String next = upload("kb_b", "next.txt", "The museum opens at ten.");
		await().atMost(Duration.ofSeconds(60)).until(() -> status(next) == DocumentStatus.READY);
	}

	private static java.util.Set<java.nio.file.attribute.PosixFilePermission> permissions(Path file) {
		try {
			return Files.getPosixFilePermissions(file);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@Test
	void requeuesADocumentWhoseWorkerWasCutOffAndFailsItAfterItsLastAttempt() throws Exception {
		create(1, Duration.ofMinutes(10));
		Path file = Files.writeString(this.dir.resolve("cut.txt"), "The ferry leaves at nine.");
		String id = this.documents.submit("kb_a", List.of(new Documents.Upload("cut.txt", file)), null, null)
			.get(0)
			.document()
			.id();
		Instant now = Instant.now();
		for (int attempt = 1; attempt <= 3; attempt++) {
			// a worker claims it and is cut off: its lease runs out
			assertThat(this.store.claimNext("worker-" + attempt, now.minusSeconds(1)).orElseThrow().attempts())
				.isEqualTo(attempt);
			// what the cut-off attempt may have written
			this.index.chunks.put(id, new ArrayList<>());
			this.workers.recoverLeasesEndedBefore(now);
			Document recovered = this.store.findById(id).orElseThrow();
			if (attempt < 3) {
				assertThat(recovered.status()).isEqualTo(DocumentStatus.QUEUED);
			}
			else {
				assertThat(recovered.status()).isEqualTo(DocumentStatus.FAILED);
				assertThat(recovered.error()).startsWith("Gave up after 3 attempts; the last one was cut off")
					.contains("ran out of memory");
				assertThat(this.index.chunks).doesNotContainKey(id);
			}
		}
	}

	private void start(int quickWorkers, Duration maxTime) throws Exception {
		create(quickWorkers, maxTime);
		this.workers.start();
	}

	private void create(int quickWorkers, Duration maxTime) throws Exception {
		create(quickWorkers, maxTime, "jdbc");
	}

	private void create(int quickWorkers, Duration maxTime, String catalog) throws Exception {
		KnowledgeBaseStore kbs;
		if (catalog.equals("mongo")) {
			var mongo = TestMongo.inProcess();
			this.store = TestMongo.documents(mongo);
			kbs = TestMongo.knowledgeBases(mongo);
		}
		else {
			TestCatalog jdbc = new TestCatalog();
			this.store = jdbc.documents();
			kbs = jdbc.knowledgeBases();
		}
		for (String kb : List.of("kb_a", "kb_b")) {
			kbs.saveIfAbsent(new KnowledgeBase(kb, kb, null, "fake", 8, Instant.now()));
		}
		this.blobs = new RecordingBlobs(new LocalBlobStore(this.dir.resolve("blobs")));
		BlobStore blobs = this.blobs;
		IngestionProperties properties = (this.properties != null) ? this.properties
				: new IngestionProperties(1, 400, 60, 3, Duration.ofMinutes(2), 5000, DataSize.ofMegabytes(20), null,
						"no-such-ocr", "eng", Duration.ofSeconds(10), maxTime, quickWorkers, 100,
						DataSize.ofKilobytes(200), 110, 1600);
		Ocr ocr = new Ocr("no-such-ocr", "eng", Duration.ofSeconds(5));
		Path work = this.dir.resolve("data").resolve("work");
		this.workers = new IngestionWorkers(this.store, blobs, Readers.of(ocr, 5000, 20_000_000, work),
				new Chunker((text) -> text.split("\\s+").length, 400, 60), this.index, properties, Clock.systemUTC(),
				work);
		this.knowledgeBases = new KnowledgeBases(kbs, this.store, blobs, this.index, Clock.systemUTC(),
				this.workers::cancel);
		this.documents = new Documents(this.knowledgeBases, this.store, blobs, new MediaTypes(), this.index,
				this.workers, Clock.systemUTC());
	}

	private String upload(String kb, String name, String text) throws Exception {
		Path file = Files.writeString(this.dir.resolve(name), text);
		return this.documents.submit(kb, List.of(new Documents.Upload(name, file)), null, null).get(0).document().id();
	}

	private DocumentStatus status(String id) {
		return this.store.findById(id).map(Document::status).orElse(null);
	}

	/**
	 * A PDF of a given size: every page holds {@code lines} lines of about
	 * {@code characters} characters in a small font.
	 */
	private Path pdf(String name, int pages, int lines, int characters) throws Exception {
		Path file = this.dir.resolve(name);
		try (PDDocument pdf = new PDDocument()) {
			PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
			for (int p = 1; p <= pages; p++) {
				PDPage page = new PDPage();
				pdf.addPage(page);
				try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
					content.beginText();
					content.setFont(font, 4);
					content.setLeading(7);
					content.newLineAtOffset(20, 760);
					for (int l = 1; l <= lines; l++) {
						StringBuilder line = new StringBuilder();
						for (int w = 0; line.length() < characters; w++) {
							line.append("p").append(p).append("l").append(l).append("w").append(w).append(' ');
						}
						content.showText(line.toString());
						content.newLine();
					}
					content.endText();
				}
			}
			pdf.save(file.toFile());
		}
		return file;
	}

	/** About 600 chunks of 400 words. */
	private static String bigText() {
		StringBuilder text = new StringBuilder();
		for (int paragraph = 0; paragraph < 2_400; paragraph++) {
			for (int word = 0; word < 100; word++) {
				text.append("word").append(paragraph).append('x').append(word).append(' ');
			}
			text.append("\n\n");
		}
		return text.toString();
	}

	/**
	 * Embeds a chunk every {@code millisPerChunk} and keeps chunks in a map; the check
	 * and the write are one step against deletes, as the real indexes do.
	 */
	static final class SlowIndex implements ChunkIndex {

		final Map<String, List<Chunk>> chunks = new ConcurrentHashMap<>();

		final CountDownLatch embedding = new CountDownLatch(1);

		/** The files whose embedding waits for {@link #release}, by name. */
		volatile Predicate<String> held = (filename) -> false;

		/** Counted down when a held document starts waiting. */
		final CountDownLatch holding = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		final AtomicInteger embedded = new AtomicInteger();

		final AtomicInteger total = new AtomicInteger();

		final AtomicInteger left = new AtomicInteger();

		volatile long millisPerChunk;

		volatile boolean interrupted;

		volatile ThrowingRunnable whileEmbedding = () -> {
		};

		volatile java.util.function.Consumer<String> beforeWrite = (documentId) -> {
		};

		final Map<String, Integer> countAfterWrite = new ConcurrentHashMap<>();

		@Override
		public boolean replace(String documentId, List<Chunk> list, IntConsumer progress, BooleanSupplier stillWanted) {
			try {
				this.total.set(list.size());
				if (!list.isEmpty() && this.held.test(list.get(0).filename())) {
					this.holding.countDown();
					this.release.await(120, TimeUnit.SECONDS);
				}
				this.whileEmbedding.run();
				for (int i = 1; i <= list.size(); i++) {
					this.embedding.countDown();
					try {
						Thread.sleep(this.millisPerChunk);
					}
					catch (InterruptedException ex) {
						this.interrupted = true;
						throw ex;
					}
					this.embedded.incrementAndGet();
					progress.accept(i);
				}
				this.beforeWrite.accept(documentId);
				boolean written;
				synchronized (this) {
					written = stillWanted.getAsBoolean();
					if (written) {
						this.chunks.put(documentId, new ArrayList<>(list));
					}
				}
				this.countAfterWrite.put(documentId, count(documentId));
				return written;
			}
			catch (Exception ex) {
				if (ex instanceof RuntimeException runtime) {
					throw runtime;
				}
				throw new IllegalStateException(ex);
			}
			finally {
				this.left.incrementAndGet();
			}
		}

		@Override
		public synchronized void deleteDocument(String documentId) {
			this.chunks.remove(documentId);
		}

		@Override
		public synchronized void deleteKnowledgeBase(String knowledgeBase) {
			this.chunks.values().removeIf((list) -> list.get(0).knowledgeBase().equals(knowledgeBase));
		}

		@Override
		public int count(String documentId) {
			return this.chunks.getOrDefault(documentId, List.of()).size();
		}

		@Override
		public List<Chunk> chunks(String documentId) {
			return this.chunks.getOrDefault(documentId, List.of());
		}

		@Override
		public List<ScoredChunk> search(ChunkSearch search) {
			return List.of();
		}

		@Override
		public int documents(ChunkSearch scope) {
			return 0;
		}

		@Override
		public String embeddingModel() {
			return "fake";
		}

		@Override
		public int dimensions() {
			return 8;
		}

	}

	/**
	 * A blob store that notes which files originals are stored from.
	 */
	record RecordingBlobs(BlobStore blobs, List<Path> stored) implements BlobStore {

		RecordingBlobs(BlobStore blobs) {
			this(blobs, new CopyOnWriteArrayList<>());
		}

		@Override
		public void put(String key, Path file, String mediaType) throws java.io.IOException {
			this.stored.add(file);
			this.blobs.put(key, file, mediaType);
		}

		@Override
		public java.io.InputStream open(String key) throws java.io.IOException {
			return this.blobs.open(key);
		}

		@Override
		public java.util.Optional<java.net.URI> presignedUrl(String key, Duration ttl) {
			return this.blobs.presignedUrl(key, ttl);
		}

		@Override
		public boolean exists(String key) {
			return this.blobs.exists(key);
		}

		@Override
		public void delete(String key) throws java.io.IOException {
			this.blobs.delete(key);
		}

	}

	@FunctionalInterface
	interface ThrowingRunnable {

		void run() throws Exception;

	}

}
