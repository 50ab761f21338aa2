package dev.ragchat.ingestion;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragchat.errors.RejectedInputException;
import dev.ragchat.ingestion.reading.Chunker;
import dev.ragchat.ingestion.reading.DocumentReader;
import dev.ragchat.ingestion.reading.PageProgress;
import dev.ragchat.ingestion.reading.ParsedDocument;
import dev.ragchat.ingestion.reading.Titles;
import dev.ragchat.ingestion.reading.WorkFiles;
import dev.ragchat.retrieval.Chunk;
import dev.ragchat.retrieval.ChunkIndex;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of one attempt at a document ({@link IngestionWorkers} runs them): its
 * original copied into a work file, read page by page (the quick lane's rule checked as
 * the pages come), chunked with ids keyed by content, embedded and indexed in one step,
 * and the document READY. Every other end of an attempt is thrown: {@link Failed},
 * {@link Cancelled}, {@link HandBack}. Its {@link Job} writes the progress and stops the
 * attempt when the document is gone or its time is up.
 */
final class IngestionSteps {

	private static final Logger logger = LoggerFactory.getLogger(IngestionSteps.class);

	private static final Duration PROGRESS_EVERY = Duration.ofMillis(250);

	/**
	 * The characters a page read by OCR counts as at least, towards the quick lane's
	 * bound: reading it costs seconds, as embedding that much text does; with the default
	 * bound, 20 scanned pages make a document large.
	 */
	static final int OCR_PAGE_CHARACTERS = 10_000;

	private static final ObjectMapper json = new ObjectMapper();

	private static final java.time.format.DateTimeFormatter TIMES = java.time.format.DateTimeFormatter
		.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(java.time.ZoneOffset.UTC);

	private final Counter pagesIngested;

	private final DocumentStore store;

	private final BlobStore blobs;

	private final DocumentReader reader;

	private final Chunker chunker;

	private final ChunkIndex index;

	private final IngestionProperties properties;

	private final Clock clock;

	private final Path workDir;

	IngestionSteps(DocumentStore store, BlobStore blobs, DocumentReader reader, Chunker chunker, ChunkIndex index,
			IngestionProperties properties, Clock clock, Path workDir, MeterRegistry meters) {
		this.pagesIngested = Counter.builder("ragchat.ingestion.pages")
			.description("Pages of the documents made ready (searchable)")
			.register(meters);
		this.store = store;
		this.blobs = blobs;
		this.reader = reader;
		this.chunker = chunker;
		this.index = index;
		this.properties = properties;
		this.clock = clock;
		this.workDir = workDir;
	}

	/**
	 * @param id a claimed document
	 * @param quick whether the quick lane claimed it
	 * @return its job, with the time it may take from now
	 */
	Job job(String id, boolean quick) {
		return new Job(id, quick, this.clock.instant().plus(this.properties.maxTime()));
	}

	/**
	 * Ingests a claimed document: READY at the end, or one of the ends thrown.
	 * @param document the document
	 * @param job its job
	 * @throws IOException when its original cannot be copied (the attempt broke)
	 */
	void run(Document document, Job job) throws IOException {
		Path file = WorkFiles.create(this.workDir, "doc-", ".bin");
		try {
			// into the file as created (a replacing copy would make a new one, without
			// its owner-only mode)
			try (InputStream in = this.blobs.open(document.blobKey()); OutputStream out = Files.newOutputStream(file)) {
				in.transferTo(out);
			}
			ParsedDocument parsed = read(document, file, job);
			try {
				index(document, parsed, job);
			}
			catch (Failed ex) {
				// the FAILED document keeps what reading it warned of
				throw new Failed(ex.getMessage(), parsed.warnings());
			}
		}
		finally {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				logger.debug("Cannot delete {}", file, ex);
			}
		}
	}

	private ParsedDocument read(Document document, Path file, Job job) {
		try {
			return this.reader.read(file, document.mediaType(), new PageProgress() {

				/** The text read so far, as the quick lane counts it. */
				private long characters;

				@Override
				public void page(int page, int characters, boolean ocr) {
					this.characters += ocr ? Math.max(characters, OCR_PAGE_CHARACTERS) : characters;
					if (job.quick && this.characters > IngestionSteps.this.properties.quickMaxText().toBytes()) {
						throw new HandBack("its text passed " + this.characters + " characters at page " + page);
					}
				}

				@Override
				public void pages(int done, int total) {
					if (job.quick && total > IngestionSteps.this.properties.quickMaxPages()) {
						throw new HandBack("it has " + total + " pages");
					}
					job.progress(DocumentStatus.PARSING, new Document.Progress(done, total, 0, 0), done == total);
				}

			});
		}
		catch (Failed | Cancelled | HandBack ex) {
			throw ex;
		}
		catch (RejectedInputException ex) {
			// a reader's refusal (a limit, an encrypted or corrupt file) is the reason
			throw new Failed(ex.getMessage());
		}
		catch (Exception ex) {
			// a reader failing on the bytes fails the same way every time: no retry
			throw new Failed("The document could not be read: " + ex.getMessage());
		}
	}

	/**
	 * Chunks the document read, embeds and indexes its chunks (in place of its previous
	 * version's, at once) and marks it READY.
	 */
	private void index(Document document, ParsedDocument parsed, Job job) {
		String id = document.id();
		List<Chunk> chunks = keyedByContent(this.chunker.chunk(document.knowledgeBase(), id, document.filename(),
				searchableValues(document), Titles.of(parsed, document.filename()), parsed.sections()));
		if (chunks.isEmpty()) {
			throw new Failed("No text could be extracted from the document"
					+ (parsed.warnings().isEmpty() ? "" : ": " + String.join("; ", parsed.warnings())));
		}
		if (job.quick && characters(parsed) > this.properties.quickMaxText().toBytes()) {
			// a format read at once (not page by page): its text is known only now
			throw new HandBack("it has " + characters(parsed) + " characters of text");
		}
		int pages = parsed.pages();
		job.progress(DocumentStatus.EMBEDDING, new Document.Progress(pages, pages, 0, chunks.size()), true);
		boolean written = this.index.replace(id, chunks,
				(done) -> job.progress(DocumentStatus.EMBEDDING,
						new Document.Progress(pages, pages, done, chunks.size()), false),
				() -> !job.cancelled && this.store.findById(id).isPresent());
		if (!written || this.store.findById(id).isEmpty()) {
			// deleted meanwhile, or the workers stop (see the catch of Cancelled)
			throw new Cancelled();
		}
		this.store.ready(id, new Document.Progress(pages, pages, chunks.size(), chunks.size()), parsed.warnings(),
				this.clock.instant());
		this.pagesIngested.increment(pages);
		logger.info("Indexed {} ({} pages, {} chunks)", id, pages, chunks.size());
	}

	/**
	 * Gives each chunk an id keyed by its content, {@code <documentId>:<hash>} (the first
	 * 16 hex digits of the SHA-256 of what is indexed; {@code -2}, {@code -3} … for
	 * repeats within the document): a new version of a document keeps the ids, and the
	 * index keeps the vectors, of every chunk whose text did not change.
	 * @param chunks a document's chunks
	 * @return the same chunks, keyed by content
	 */
	static List<Chunk> keyedByContent(List<Chunk> chunks) {
		Map<String, Integer> seen = new HashMap<>();
		return chunks.stream().map((c) -> {
			String hash = HexFormat.of()
				.formatHex(sha256().digest(c.indexText().getBytes(StandardCharsets.UTF_8)))
				.substring(0, 16);
			int repeat = seen.merge(hash, 1, Integer::sum);
			String id = c.documentId() + ":" + hash + ((repeat > 1) ? "-" + repeat : "");
			return new Chunk(id, c.knowledgeBase(), c.documentId(), c.filename(), c.page(), c.pageEnd(),
					c.headingPath(), c.ordinal(), c.text(), c.metadata(), c.title());
		}).toList();
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The values a document's chunks carry for search filters
	 * ({@link dev.ragchat.retrieval.MetadataFilter}): its metadata's top-level text,
	 * number and boolean values whose keys are filter keys, then its own fields, which
	 * win over metadata keys of the same name: {@code filename}, {@code mediaType},
	 * {@code createdAt}, {@code updatedAt} (when the current version was uploaded; both
	 * ISO-8601 UTC, so that they compare as text in time order), {@code version}.
	 * @param document a document
	 * @return its values
	 */
	static Map<String, Object> searchableValues(Document document) {
		Map<String, Object> values = new java.util.LinkedHashMap<>();
		if (document.metadata() != null) {
			try {
				json.readTree(document.metadata()).properties().forEach((entry) -> {
					JsonNode value = entry.getValue();
					if (!dev.ragchat.retrieval.MetadataFilter.KEY.matcher(entry.getKey()).matches()) {
						return;
					}
					if (value.isNumber()) {
						values.put(entry.getKey(), value.doubleValue());
					}
					else if (value.isBoolean()) {
						values.put(entry.getKey(), value.booleanValue());
					}
					else if (value.isTextual()) {
						values.put(entry.getKey(), value.textValue());
					}
				});
			}
			catch (JsonProcessingException ex) {
				// stored metadata was checked on upload: nothing to add
			}
		}
		values.put("filename", document.filename());
		values.put("mediaType", document.mediaType());
		values.put("createdAt", time(document.createdAt()));
		values.put("updatedAt", time(document.updatedAt()));
		values.put("version", (double) document.version());
		return values;
	}

	/**
	 * @param instant a time
	 * @return it as filters compare it: ISO-8601 UTC, always to the millisecond, so that
	 * text order is time order
	 */
	static String time(java.time.Instant instant) {
		return TIMES.format(instant);
	}

	private static long characters(ParsedDocument parsed) {
		return parsed.sections().stream().mapToLong((section) -> section.text().length()).sum();
	}

	/**
	 * A running job: whether it was cancelled, when its time is up, when it last wrote
	 * its progress.
	 */
	final class Job {

		private final String id;

		private final boolean quick;

		private final Instant deadline;

		private volatile boolean cancelled;

		private Instant lastProgress = Instant.MIN;

		private Job(String id, boolean quick, Instant deadline) {
			this.id = id;
			this.quick = quick;
			this.deadline = deadline;
		}

		/**
		 * Stops the job at its next page or embedding batch: its document was deleted,
		 * its lease lost, or the workers stop.
		 */
		void cancel() {
			this.cancelled = true;
		}

		/**
		 * Writes progress (at most every {@link #PROGRESS_EVERY} unless forced) and stops
		 * the job if its document is gone or its time is up.
		 */
		void progress(DocumentStatus status, Document.Progress progress, boolean force) {
			Instant now = IngestionSteps.this.clock.instant();
			if (force || !now.isBefore(this.lastProgress.plus(PROGRESS_EVERY))) {
				this.lastProgress = now;
				if (!IngestionSteps.this.store.progress(this.id, status, progress)) {
					this.cancelled = true;
				}
			}
			if (this.cancelled) {
				throw new Cancelled();
			}
			if (now.isAfter(this.deadline)) {
				throw new Failed(
						"Ingestion took longer than the " + IngestionSteps.this.properties.maxTime().toMinutes()
								+ " minutes one document may take (ragchat.ingestion.max-time); it stopped at page "
								+ progress.pagesDone() + " of " + progress.pagesTotal() + " (" + progress.chunksDone()
								+ " of " + progress.chunksTotal() + " chunks embedded)");
			}
		}

	}

	/**
	 * The document fails, for the reason its message gives, without another attempt (a
	 * reader's refusal, no text, the time budget spent); reported as its FAILED reason,
	 * with the warnings of its reading when it was read.
	 */
	static final class Failed extends RuntimeException {

		private final List<String> warnings;

		Failed(String reason) {
			this(reason, List.of());
		}

		Failed(String reason, List<String> warnings) {
			super(reason, null, false, false);
			this.warnings = warnings;
		}

		List<String> warnings() {
			return this.warnings;
		}

	}

	/**
	 * The job's document was deleted, or the workers stop: stop and write nothing.
	 */
	static final class Cancelled extends RuntimeException {

		Cancelled() {
			super("cancelled", null, false, false);
		}

	}

	/**
	 * The quick lane's document turned out to be large (see the rule in the comment of
	 * {@link IngestionWorkers}).
	 */
	static final class HandBack extends RuntimeException {

		HandBack(String why) {
			super(why, null, false, false);
		}

	}

}
