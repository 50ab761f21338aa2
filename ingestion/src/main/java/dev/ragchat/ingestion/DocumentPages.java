package dev.ragchat.ingestion;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import dev.ragchat.errors.NotFoundException;
import dev.ragchat.ingestion.reading.WorkFiles;
import dev.ragchat.ingestion.reading.pdf.PdfPages;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.ScratchFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pages of PDF documents: where a cited passage stands on its page, and pictures of
 * pages with a passage highlighted. Pictures are cached on disk in an owner-only
 * directory ({@code pages} in the data directory), one folder per document with a local
 * copy of its original, and removed with the document or its knowledge base.
 */
public final class DocumentPages {

	private static final Logger logger = LoggerFactory.getLogger(DocumentPages.class);

	private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

	private static final String PDF = "application/pdf";

	private final Documents documents;

	private final BlobStore blobs;

	private final Path cacheDir;

	private final Path scratchDir;

	private final int dpi;

	private final int maxEdge;

	/**
	 * @param documents the documents
	 * @param blobs where their originals are
	 * @param cacheDir where rendered pages are kept
	 * @param scratchDir where PDFBox may buffer
	 * @param dpi the highest resolution of a rendered page
	 * @param maxEdge the longest edge of a rendered page in pixels
	 */
	DocumentPages(Documents documents, BlobStore blobs, Path cacheDir, Path scratchDir, int dpi, int maxEdge) {
		this.documents = documents;
		this.blobs = blobs;
		this.cacheDir = cacheDir;
		this.scratchDir = scratchDir;
		this.dpi = dpi;
		this.maxEdge = maxEdge;
	}

	/**
	 * Finds a passage of a chunk on the chunk's pages of a PDF.
	 * @param knowledgeBase the knowledge base
	 * @param documentId the document
	 * @param fromPage the first page to look on
	 * @param toPage the last page to look on
	 * @param passage the passage
	 * @return the passage as the page has it, with its rectangles; empty for documents
	 * other than PDFs, when it is not found, or when the original cannot be read
	 */
	public Optional<PdfPages.Located> locate(String knowledgeBase, String documentId, int fromPage, int toPage,
			String passage) {
		try {
			Document document = this.documents.get(knowledgeBase, documentId);
			if (!PDF.equals(document.mediaType())) {
				return Optional.empty();
			}
			try (PDDocument pdf = open(document)) {
				for (int page = Math.max(1, fromPage); page <= Math.min(toPage, pdf.getNumberOfPages()); page++) {
					Optional<PdfPages.Located> located = PdfPages.locate(pdf, page, passage);
					if (located.isPresent()) {
						return located;
					}
				}
			}
		}
		catch (IOException | NotFoundException ex) {
			logger.debug("Cannot locate a passage in {}: {}", documentId, ex.getMessage());
		}
		return Optional.empty();
	}

	/**
	 * A picture of a PDF page, from the cache or rendered now. A page whose document is
	 * deleted while it renders is not kept: whichever of the two ends last removes the
	 * document's folder.
	 * @param knowledgeBase the knowledge base
	 * @param documentId the document
	 * @param page the page (1-based)
	 * @param passage a passage of that page to highlight, or {@code null}
	 * @return the PNG file (read it before the document may be deleted)
	 * @throws NotFoundException if there is no such document (or it was deleted
	 * meanwhile), it is not a PDF, it failed ingestion or cannot be opened, it has no
	 * such page or the passage is not on it
	 */
	public Path png(String knowledgeBase, String documentId, int page, String passage) {
		Document document = this.documents.get(knowledgeBase, documentId);
		if (!PDF.equals(document.mediaType())) {
			throw new NotFoundException("Page previews exist for PDF documents only; '" + document.filename() + "' is "
					+ document.mediaType());
		}
		if (document.status() == DocumentStatus.FAILED) {
			throw new NotFoundException("'" + document.filename() + "' FAILED ingestion"
					+ ((document.error() != null) ? " (" + document.error() + ")" : "")
					+ ": it has no pages to preview");
		}
		Path png;
		try {
			png = render(document, page, passage);
		}
		catch (IOException | UncheckedIOException ex) {
			if (deleted(document)) {
				throw gone(document);
			}
			throw new UncheckedIOException("Cannot render page " + page + " of " + documentId,
					(ex instanceof UncheckedIOException unchecked) ? unchecked.getCause() : (IOException) ex);
		}
		if (deleted(document)) {
			throw gone(document);
		}
		return png;
	}

	private Path render(Document document, int page, String passage) throws IOException {
		Path dir = folder(document);
		Path png = dir.resolve("page-" + page + ((passage != null) ? "-" + digest(passage) : "") + ".png");
		if (Files.isRegularFile(png)) {
			return png;
		}
		try (PDDocument pdf = open(document)) {
			if (page < 1 || page > pdf.getNumberOfPages()) {
				throw new NotFoundException("'" + document.filename() + "' has " + pdf.getNumberOfPages()
						+ " pages; there is no page " + page);
			}
			List<PdfPages.Box> boxes = List.of();
			if (passage != null) {
				boxes = PdfPages.locate(pdf, page, passage)
					.orElseThrow(() -> new NotFoundException("The passage is not on page " + page))
					.boxes();
			}
			BufferedImage image = PdfPages.render(pdf, page, this.dpi, this.maxEdge, boxes);
			Path temp = WorkFiles.create(dir, "render-", ".tmp");
			try {
				// into the owner-only file (ImageIO would replace a File with a new one)
				try (java.io.OutputStream out = Files.newOutputStream(temp)) {
					ImageIO.write(image, "png", out);
				}
				Files.move(temp, png, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			finally {
				Files.deleteIfExists(temp);
			}
		}
		return png;
	}

	/**
	 * Whether the document was deleted (while one of its pages rendered); if so its
	 * folder, which the rendering may have made again after the delete removed it, goes.
	 */
	private boolean deleted(Document document) {
		try {
			this.documents.get(document.knowledgeBase(), document.id());
			return false;
		}
		catch (NotFoundException ex) {
			evict(document.knowledgeBase(), document.id());
			return true;
		}
	}

	private static NotFoundException gone(Document document) {
		return new NotFoundException("No document '" + document.id() + "' in '" + document.knowledgeBase() + "'");
	}

	/**
	 * Removes a document's cached pages.
	 * @param knowledgeBase its knowledge base
	 * @param documentId the document
	 */
	public void evict(String knowledgeBase, String documentId) {
		remove(this.cacheDir.resolve(safe(knowledgeBase)).resolve(safe(documentId)));
	}

	/**
	 * Removes the cached pages of a knowledge base's documents.
	 * @param knowledgeBase the knowledge base
	 */
	public void evict(String knowledgeBase) {
		remove(this.cacheDir.resolve(safe(knowledgeBase)));
	}

	/**
	 * The document's folder in the cache, with a local copy of its original (PDFBox reads
	 * a file at random, which a blob stream cannot offer).
	 */
	private Path folder(Document document) {
		Path dir = this.cacheDir.resolve(safe(document.knowledgeBase())).resolve(safe(document.id()));
		try {
			privateDirectory(this.cacheDir);
			privateDirectory(dir.getParent());
			privateDirectory(dir);
			Path original = dir.resolve("original.pdf");
			if (!Files.isRegularFile(original)) {
				Path temp = WorkFiles.create(dir, "original-", ".tmp");
				// into the owner-only file as created (a replacing copy would make a new
				// file with the default mode)
				try {
					try (InputStream in = this.blobs.open(document.blobKey());
							java.io.OutputStream out = Files.newOutputStream(temp)) {
						in.transferTo(out);
					}
					Files.move(temp, original, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
				}
				finally {
					Files.deleteIfExists(temp);
				}
			}
			return dir;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot copy the original of " + document.id(), ex);
		}
	}

	private PDDocument open(Document document) throws IOException {
		Path original = folder(document).resolve("original.pdf");
		MemoryUsageSetting scratch = MemoryUsageSetting.setupTempFileOnly();
		if (this.scratchDir != null && Files.isDirectory(this.scratchDir)) {
			scratch.setTempDir(this.scratchDir.toFile());
		}
		try {
			return Loader.loadPDF(original.toFile(), () -> new ScratchFile(scratch));
		}
		catch (IOException ex) {
			if (!Files.isRegularFile(original)) {
				throw ex;
			}
			// corrupt or password-protected: it fails (or failed) ingestion the same way
			throw new NotFoundException(
					"'" + document.filename() + "' cannot be opened as a PDF: it has no pages to preview");
		}
	}

	private static void privateDirectory(Path dir) throws IOException {
		if (Files.isDirectory(dir)) {
			return;
		}
		Files.createDirectories(dir);
		if (POSIX) {
			Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
		}
	}

	/**
	 * Removes a folder of the cache. A page may be rendered into it, or another request
	 * may remove it, at the same time: what vanished meanwhile is fine, what appeared is
	 * removed on a second walk.
	 */
	private static void remove(Path dir) {
		for (int attempt = 1; attempt <= 3 && Files.exists(dir); attempt++) {
			try (Stream<Path> tree = Files.walk(dir)) {
				for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
					Files.deleteIfExists(path);
				}
			}
			catch (IOException | UncheckedIOException ex) {
				if (attempt == 3) {
					logger.warn("Cannot remove cached pages in {}: {}", dir, ex.getMessage());
				}
			}
		}
	}

	/** Ids are made by ragchat; this only guards the cache against a path in one. */
	private static String safe(String id) {
		if (!id.matches("[A-Za-z0-9_-]{1,100}")) {
			throw new NotFoundException("No document '" + id + "'");
		}
		return id;
	}

	private static String digest(String passage) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(passage.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash, 0, 12);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
