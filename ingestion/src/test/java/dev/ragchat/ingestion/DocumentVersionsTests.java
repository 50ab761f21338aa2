package dev.ragchat.ingestion;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import dev.ragchat.errors.ConflictException;
import dev.ragchat.ingestion.blobs.LocalBlobStore;
import dev.ragchat.ingestion.catalog.TestCatalog;
import dev.ragchat.ingestion.reading.Chunker;
import dev.ragchat.ingestion.reading.MediaTypes;
import dev.ragchat.ingestion.reading.Ocr;
import dev.ragchat.ingestion.reading.Readers;
import dev.ragchat.retrieval.Chunk;
import dev.ragchat.retrieval.ChunkSearch;
import dev.ragchat.retrieval.ScoredChunk;
import dev.ragchat.retrieval.SearchMode;
import dev.ragchat.retrieval.embedding.IndexEmbedding;
import dev.ragchat.retrieval.lucene.LuceneChunkIndex;
import dev.ragchat.retrieval.lucene.LuceneIndexSettings;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * A document replaced in place, through the real catalog, blob store, PDF reader, workers
 * and Lucene index, with an embedding model that counts what it embeds.
 */
class DocumentVersionsTests {

	private static final int PAGES = 50;

	@TempDir
	Path dir;

	final AtomicInteger embedded = new AtomicInteger();

	LuceneChunkIndex index;

	DocumentStore store;

	Documents documents;

	IngestionWorkers workers;

	@BeforeEach
	void start() throws Exception {
		TestCatalog catalog = new TestCatalog();
		this.store = catalog.documents();
		KnowledgeBaseStore kbs = catalog.knowledgeBases();
		kbs.saveIfAbsent(new KnowledgeBase("kb", "kb", null, "counting", 64, Instant.now()));
		EmbeddingModel model = new CountingModel(this.embedded);
		this.index = new LuceneChunkIndex(this.dir.resolve("index"),
				new IndexEmbedding("counting", model, 64, model::embed), 16, LuceneIndexSettings.DEFAULTS);
		LocalBlobStore blobs = new LocalBlobStore(this.dir.resolve("blobs"));
		IngestionProperties properties = new IngestionProperties(1, 400, 60, 3, Duration.ofMinutes(2), 5000,
				DataSize.ofMegabytes(20), null, "no-such-ocr", "eng", Duration.ofSeconds(10), Duration.ofMinutes(10), 0,
				100, DataSize.ofKilobytes(200), 110, 1600);
		Path work = this.dir.resolve("work");
		this.workers = new IngestionWorkers(this.store, blobs,
				Readers.of(new Ocr("no-such-ocr", "eng", Duration.ofSeconds(5)), 5000, 20_000_000, work),
				new Chunker((text) -> text.split("\\s+").length, 60, 0), this.index, properties, Clock.systemUTC(),
				work);
		KnowledgeBases knowledgeBases = new KnowledgeBases(kbs, this.store, blobs, this.index, Clock.systemUTC(),
				this.workers::cancel);
		this.documents = new Documents(knowledgeBases, this.store, blobs, new MediaTypes(), this.index, this.workers,
				Clock.systemUTC());
		this.workers.start();
	}

	@AfterEach
	void stop() throws Exception {
		this.workers.stop();
		this.index.close();
	}

	@Test
	void replacingOnePageReEmbedsOnlyItsChunksKeepsTheIdsAndSwapsAtOnce() throws Exception {
		Path first = pdf(this.dir.resolve("v1.pdf"), -1);
		String doc = upload(first);
		awaitReady(doc, 1);
		List<Chunk> before = this.index.chunks(doc);
		int embeddedBefore = this.embedded.get();

		AtomicBoolean swapping = new AtomicBoolean(true);
		List<String> seen = new CopyOnWriteArrayList<>();
		Thread searcher = Thread.ofVirtual().start(() -> {
			while (swapping.get()) {
				seen.add(page17(doc));
			}
		});
		Documents.Replaced replaced = this.documents.replace("kb", doc,
				new Documents.Upload("ledger.pdf", pdf(this.dir.resolve("v2.pdf"), 17)), null);
		awaitReady(doc, 2);
		swapping.set(false);
		searcher.join();
		seen.add(page17(doc));

		assertThat(replaced.replaced()).isTrue();
		assertThat(replaced.document().id()).isEqualTo(doc);
		List<Chunk> after = this.index.chunks(doc);
		Set<String> beforeIds = before.stream().map(Chunk::id).collect(Collectors.toSet());
		List<Chunk> changed = after.stream().filter((c) -> !beforeIds.contains(c.id())).toList();
		assertThat(changed).isNotEmpty()
			.allSatisfy((c) -> assertThat(c.page()).isLessThanOrEqualTo(17))
			.allSatisfy((c) -> assertThat(c.pageEnd()).isGreaterThanOrEqualTo(17));
		assertThat(this.embedded.get() - embeddedBefore).isEqualTo(changed.size());
		assertThat(after.stream().filter((c) -> c.pageEnd() < 17 || c.page() > 17).map(Chunk::id).toList())
			.containsExactlyElementsOf(
					before.stream().filter((c) -> c.pageEnd() < 17 || c.page() > 17).map(Chunk::id).toList());
		// every search during the swap saw one version of page 17, never both, never
		// none
		assertThat(seen).isNotEmpty().allSatisfy((s) -> assertThat(s).isIn("old", "new"));
		assertThat(seen.get(seen.size() - 1)).isEqualTo("new");
		assertThat(this.documents.versions("kb", doc)).singleElement()
			.satisfies((v) -> assertThat(v.version()).isEqualTo(1));
		assertThat(after.get(0).metadata()).containsEntry("version", 2.0);
	}

	@Test
	void refusesASecondReplacementWhileOneIsIngestedAndChangesNothingForTheSameBytes() throws Exception {
		Path first = pdf(this.dir.resolve("v1.pdf"), -1);
		String doc = upload(first);
		awaitReady(doc, 1);
		assertThat(this.documents.replace("kb", doc, new Documents.Upload("ledger.pdf", first), null).replaced())
			.isFalse();
		this.workers.stop();
		this.documents.replace("kb", doc, new Documents.Upload("ledger.pdf", pdf(this.dir.resolve("v2.pdf"), 3)), null);
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> this.documents.replace("kb", doc,
					new Documents.Upload("ledger.pdf", pdf(this.dir.resolve("v3.pdf"), 4)), null))
			.withMessageContaining("version 2, QUEUED");
		assertThat(this.store.findById(doc).orElseThrow().version()).isEqualTo(2);
		this.workers.start();
		awaitReady(doc, 2);
	}

	/** Which version of page 17 a search finds: "old", "new", "both" or "none". */
	private String page17(String doc) {
		List<ScoredChunk> hits = this.index
			.search(new ChunkSearch("kb", new dev.ragchat.retrieval.query.QueryShaper().shape("page seventeen marker"),
					100, SearchMode.KEYWORD, List.of(doc), dev.ragchat.retrieval.MetadataFilter.of("filename",
							dev.ragchat.retrieval.MetadataFilter.Op.EQ, "ledger.pdf")));
		boolean old = hits.stream().anyMatch((h) -> h.chunk().text().contains("original"));
		boolean changed = hits.stream().anyMatch((h) -> h.chunk().text().contains("amended"));
		return old ? (changed ? "both" : "old") : (changed ? "new" : "none");
	}

	private String upload(Path file) {
		List<Documents.Submitted> submitted = this.documents.submit("kb",
				List.of(new Documents.Upload("ledger.pdf", file)), null, null);
		return submitted.get(0).document().id();
	}

	private void awaitReady(String doc, int version) {
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			Document document = this.store.findById(doc).orElseThrow();
			assertThat(document.version()).isEqualTo(version);
			assertThat(document.status()).isEqualTo(DocumentStatus.READY);
		});
	}

	/**
	 * A 50-page PDF, each page its own sentences; page 17 holds the seventeen marker,
	 * "original" or, on the changed page, "amended".
	 */
	private static Path pdf(Path file, int changedPage) throws IOException {
		try (PDDocument pdf = new PDDocument()) {
			for (int n = 1; n <= PAGES; n++) {
				PDPage page = new PDPage();
				pdf.addPage(page);
				List<String> lines = new ArrayList<>();
				lines.add("Ledger page " + n + " lists the harbour accounts of quarter " + n + ".");
				lines.add("Account " + (n * 7) + " paid the fees for berth " + (n * 3) + " in full.");
				if (n == 17) {
					lines.add("Page seventeen marker: the " + ((n == changedPage) ? "amended" : "original")
							+ " figures stand.");
				}
				else if (n == changedPage) {
					lines.add("This page was amended.");
				}
				try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
					content.beginText();
					content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
					content.newLineAtOffset(72, 700);
					for (String line : lines) {
						content.showText(line);
						content.newLineAtOffset(0, -16);
					}
					content.endText();
				}
			}
			pdf.save(file.toFile());
		}
		return file;
	}

}
