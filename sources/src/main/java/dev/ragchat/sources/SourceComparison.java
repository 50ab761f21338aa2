package dev.ragchat.sources;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragchat.errors.RagChatException;
import dev.ragchat.ingestion.Document;
import dev.ragchat.ingestion.DocumentStatus;
import dev.ragchat.ingestion.Documents;
import dev.ragchat.sources.files.SourceFiles;
import dev.ragchat.sources.files.SyncLimits;

/**
 * A source's files compared with the documents that came from it, one file at a time,
 * through the ingestion front ({@link Documents}). The documents are found by their
 * metadata ({@code source}, {@code path}), read once when the comparison starts. A file
 * without a document is uploaded; a file whose SHA-256 differs from its document's
 * replaces it in place (the next version); a file with its document's bytes is unchanged.
 * A file larger than the upload limit is skipped before a byte of it is copied; a copy
 * that would go below the free-space floor ({@link SyncLimits}) is refused
 * ({@link SyncLimits.FloorReached}). What it queued, and the documents it found still on
 * their way to the index, are left for the run to wait for ({@link #queued}); the
 * documents whose file it did not meet are {@link #missing}.
 */
final class SourceComparison {

	private static final ObjectMapper json = new ObjectMapper();

	private final Documents documents;

	private final SyncLimits limits;

	private final Source source;

	private final SourceFiles files;

	private final Tally report;

	/** The source's documents by path, as the comparison started. */
	private final Map<String, Document> stored;

	/** Those whose file the comparison has not met yet. */
	private final Map<String, Document> unmet;

	private final Map<String, Queued> queued = new LinkedHashMap<>();

	/**
	 * Starts a comparison: reads the documents that came from the source.
	 * @param documents the ingestion front
	 * @param limits what a sync may copy
	 * @param source the source
	 * @param files its files
	 * @param report where each file's outcome is counted
	 */
	SourceComparison(Documents documents, SyncLimits limits, Source source, SourceFiles files, Tally report) {
		this.documents = documents;
		this.limits = limits;
		this.source = source;
		this.files = files;
		this.report = report;
		this.stored = documentsOf(documents, source);
		this.unmet = new TreeMap<>(this.stored);
	}

	/**
	 * @return the documents that came from the source, and their originals (for a walk
	 * that reads them: a crawl follows a stored page's links)
	 */
	SourceFiles.Stored stored() {
		return new SourceFiles.Stored() {

			@Override
			public Document find(String path) {
				return SourceComparison.this.stored.get(path);
			}

			@Override
			public InputStream open(Document document) throws IOException {
				return SourceComparison.this.documents
					.original(SourceComparison.this.source.knowledgeBase(), document.id())
					.content()
					.open();
			}

		};
	}

	/**
	 * Compares a file with its document, and reports it unless it was queued.
	 * @param entry a file of the walk
	 * @return whether its document is current (added, replaced or unchanged)
	 * @throws SyncLimits.FloorReached if copying it would go below the free-space floor
	 */
	boolean compare(SourceFiles.Entry entry) throws SyncLimits.FloorReached {
		Document document = this.unmet.remove(entry.path());
		String documentId = (document != null) ? document.id() : null;
		if (entry.skipped() != null) {
			this.report.skipped(entry.path(), documentId, entry.skipped());
			return false;
		}
		if (entry.failed() != null) {
			this.report.failed(entry.path(), documentId, entry.failed());
			return false;
		}
		if (entry.notModified() && document != null) {
			// its server says so: nothing was downloaded
			return unchanged(entry, document);
		}
		String tooLarge = this.limits.tooLarge(entry.size());
		if (tooLarge != null) {
			this.report.skipped(entry.path(), documentId, tooLarge);
			return false;
		}
		if (this.files.fetchCopies()) {
			this.limits.ensureRoom(entry.path(), entry.size());
		}
		try (SourceFiles.Local local = this.files.fetch(entry)) {
			return compareFetched(entry, document, local.file());
		}
		catch (RagChatException ex) {
			this.report.failed(entry.path(), documentId, ex.getMessage());
		}
		catch (SourceFiles.Skipped ex) {
			this.report.skipped(entry.path(), documentId, ex.getMessage());
		}
		catch (IOException | UncheckedIOException ex) {
			this.report.failed(entry.path(), documentId, "cannot be read: " + ex.getMessage());
		}
		return false;
	}

	/**
	 * @return the documents whose file the comparison did not meet, by path
	 */
	Map<String, Document> missing() {
		return this.unmet;
	}

	/**
	 * @return the documents it queued, or found still on their way to the index, by id
	 */
	Map<String, Queued> queued() {
		return this.queued;
	}

	/**
	 * Compares a file, fetched to local disk, with its document.
	 */
	private boolean compareFetched(SourceFiles.Entry entry, Document document, Path file)
			throws IOException, SyncLimits.FloorReached {
		String documentId = (document != null) ? document.id() : null;
		long size = Files.size(file);
		String tooLarge = this.limits.tooLarge(size);
		if (tooLarge != null) {
			// it grew since it was listed
			this.report.skipped(entry.path(), documentId, tooLarge);
			return false;
		}
		String sha256 = sha256(file);
		if (document != null && sha256.equals(document.sha256())) {
			return unchanged(entry, document);
		}
		// a copy into the originals' store follows
		this.limits.ensureRoom(entry.path(), size);
		Documents.Upload upload = new Documents.Upload(entry.filename(), file);
		return (document != null) ? replace(entry, documentId, upload) : add(entry, upload);
	}

	private boolean add(SourceFiles.Entry entry, Documents.Upload upload) {
		Documents.Submitted submitted = this.documents
			.submit(this.source.knowledgeBase(), List.of(upload), metadata(this.source, entry.path()), null)
			.get(0);
		if (submitted.duplicateOf() != null) {
			this.report.skipped(entry.path(), submitted.duplicateOf(), "the same bytes as document "
					+ submitted.duplicateOf() + ", already in the knowledge base; not added twice");
			return false;
		}
		this.queued.put(submitted.document().id(), new Queued(entry.path(), "added"));
		return true;
	}

	private boolean replace(SourceFiles.Entry entry, String documentId, Documents.Upload upload) {
		Documents.Replaced replaced = this.documents.replace(this.source.knowledgeBase(), documentId, upload, null);
		if (replaced.replaced()) {
			this.queued.put(documentId, new Queued(entry.path(), "replaced"));
		}
		else {
			this.report.unchanged();
		}
		return true;
	}

	/**
	 * A file whose document has its bytes.
	 * @return whether its document is current (not FAILED)
	 */
	private boolean unchanged(SourceFiles.Entry entry, Document document) {
		if (document.status() == DocumentStatus.FAILED) {
			this.report.failed(entry.path(), document.id(),
					"its ingestion failed: " + document.error() + " (change the file to try again)");
			return false;
		}
		if (!document.status().isFinal()) {
			// queued by a run that was cut off, or by hand: its report waits for it too
			this.queued.put(document.id(), new Queued(entry.path(), "unchanged"));
		}
		else {
			this.report.unchanged();
		}
		return true;
	}

	/**
	 * @param documents the ingestion front
	 * @param source a source
	 * @return the documents that came from it, by their path in it: the knowledge base's
	 * list read once
	 */
	private static Map<String, Document> documentsOf(Documents documents, Source source) {
		Map<String, Document> byPath = new TreeMap<>();
		for (Document document : documents.list(source.knowledgeBase())) {
			if (document.metadata() == null) {
				continue;
			}
			try {
				JsonNode metadata = json.readTree(document.metadata());
				if (source.id().equals(metadata.path("source").asText(null)) && metadata.path("path").isTextual()) {
					byPath.putIfAbsent(metadata.path("path").asText(), document);
				}
			}
			catch (JsonProcessingException ex) {
				// stored metadata was checked on upload
			}
		}
		return Map.copyOf(byPath);
	}

	/**
	 * @param source a source
	 * @param path a file's path in it
	 * @return the metadata of the file's document: where it came from, filterable
	 */
	static String metadata(Source source, String path) {
		return json.createObjectNode().put("source", source.id()).put("path", path).toString();
	}

	static String sha256(Path file) throws IOException {
		MessageDigest digest;
		try {
			digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
			in.transferTo(OutputStream.nullOutputStream());
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	/**
	 * A file whose document a run waits for (it queued it, or found it still being
	 * ingested), and what it will count as once READY.
	 *
	 * @param path the file's path
	 * @param outcome {@code added}, {@code replaced} or {@code unchanged}
	 */
	record Queued(String path, String outcome) {

	}

}
