package dev.ragchat.ingestion.reading;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import dev.ragchat.errors.RejectedInputException;
import dev.ragchat.ingestion.archive.ArchiveLimits;
import dev.ragchat.ingestion.archive.CountingEmbeddedExtractor;
import dev.ragchat.ingestion.archive.Inflation;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.tika.exception.TikaException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.AutoDetectParserConfig;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.html.HtmlMapper;
import org.apache.tika.parser.microsoft.OfficeParserConfig;
import org.apache.tika.parser.microsoft.ooxml.OOXMLParser;
import org.xml.sax.SAXException;

/**
 * Reads Office, OpenDocument, HTML, text, CSV and e-mail files with Apache Tika, keeping
 * the heading path (h1 to h6 in Tika's XHTML, {@link XhtmlStructure}) and, for
 * presentations, one page per slide; a document of headings only has its headings as its
 * text. A web page's navigation, sidebars and footer are left out ({@link PageChrome}); a
 * document's title (the {@code head} of Tika's XHTML) is its title, not a paragraph of
 * its text. Tika's own guards are on: compression ratio and nesting limits (zip bombs),
 * secure XML parsing (entity expansion, external entities); on top, a cap on extracted
 * characters.
 * <p>
 * Archives are bounded as they inflate ({@link ArchiveLimits}): an Office or OpenDocument
 * file's entries are counted before any parser opens it ({@link Inflation#scan}), Apache
 * POI never reads one entry past the bound ({@code ZipSecureFile}), and the documents
 * inside a document are counted as Tika extracts them
 * ({@link CountingEmbeddedExtractor}). Word and PowerPoint files are read with Tika's
 * streaming (SAX) extractors, so their size never becomes an in-memory XML tree.
 */
final class TikaReader {

	private final AutoDetectParser parser;

	private final long maxCharacters;

	private final ArchiveLimits limits;

	TikaReader(long maxCharacters, ArchiveLimits limits) {
		this.maxCharacters = maxCharacters;
		this.limits = limits;
		this.parser = new AutoDetectParser();
		AutoDetectParserConfig config = new AutoDetectParserConfig();
		config.setOutputThreshold(1_000_000L);
		config.setMaximumCompressionRatio(100L);
		config.setMaximumDepth(100);
		config.setMaximumPackageEntryDepth(10);
		this.parser.setAutoDetectParserConfig(config);
		boundOfficeEntries(limits);
	}

	/**
	 * POI's own guard, checked as each entry of an Office file inflates: no entry past
	 * the bound, no more entries than allowed. These are process-wide settings, which
	 * Tika's {@code OOXMLParser} also sets when its class loads (no ratio check, 10,000
	 * entries), so it is loaded first. The inflate-ratio check stays off as Tika leaves
	 * it: legitimate spreadsheets compress past any ratio that stops bombs, while
	 * absolute bounds never misfire.
	 */
	private static void boundOfficeEntries(ArchiveLimits limits) {
		try {
			Class.forName(OOXMLParser.class.getName(), true, OOXMLParser.class.getClassLoader());
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException(ex);
		}
		ZipSecureFile.setMaxEntrySize(limits.maxInflated().toBytes());
		ZipSecureFile.setMaxFileCount(limits.maxEntries());
	}

	ParsedDocument read(Path file, String mediaType) throws IOException {
		refuseEntityDeclarations(file, mediaType);
		try {
			Inflation.scan(file, this.limits);
		}
		catch (Inflation.TooLarge ex) {
			throw new RejectedInputException(ex.getMessage());
		}
		try (InputStream in = TikaInputStream.get(file)) {
			return read(in, mediaType);
		}
	}

	/**
	 * Reads a web page held in memory (the HTML a Markdown file renders to).
	 * @param html the page
	 * @return its paragraphs, table rows and headings
	 * @throws IOException when it cannot be read
	 */
	ParsedDocument readHtml(String html) throws IOException {
		refuseEntityDeclarations(html);
		try (InputStream in = TikaInputStream.get(html.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
			return read(in, "text/html; charset=UTF-8");
		}
	}

	private ParsedDocument read(InputStream in, String mediaType) throws IOException {
		XhtmlStructure handler = new XhtmlStructure(this.maxCharacters);
		Metadata metadata = new Metadata();
		metadata.set(Metadata.CONTENT_TYPE, mediaType);
		ParseContext context = new ParseContext();
		context.set(HtmlMapper.class, PageChrome.INSTANCE);
		OfficeParserConfig office = new OfficeParserConfig();
		office.setUseSAXDocxExtractor(true);
		office.setUseSAXPptxExtractor(true);
		context.set(OfficeParserConfig.class, office);
		Inflation embedded = new Inflation(this.limits, true);
		context.set(Parser.class, this.parser);
		context.set(EmbeddedDocumentExtractor.class, new CountingEmbeddedExtractor(context, embedded));
		try {
			this.parser.parse(in, handler, metadata, context);
		}
		catch (SAXException | TikaException | IOException ex) {
			if (hasCause(ex, XhtmlStructure.TooMuchText.class)) {
				throw new RejectedInputException("The document holds more than " + this.maxCharacters
						+ " characters of text; " + DocumentReader.MAX_TEXT_SETTING + " raises the limit");
			}
			if (embedded.exceeded() != null) {
				throw new RejectedInputException(embedded.exceeded());
			}
			String bound = officeBound(ex);
			if (bound != null) {
				throw new RejectedInputException(bound);
			}
			if (ex instanceof IOException io) {
				throw io;
			}
			throw new RejectedInputException("The document could not be read: " + reason(ex));
		}
		if (embedded.exceeded() != null) {
			// a parser that skipped the embedded document it could not read
			throw new RejectedInputException(embedded.exceeded());
		}
		handler.flush();
		String title = Titles.meaningful(metadata.get(TikaCoreProperties.TITLE));
		List<Section> sections = handler.sections();
		List<Section> headings = handler.headingsAsText();
		if (sections.isEmpty() && !headings.isEmpty()) {
			// a document of headings only: its headings are its text
			return new ParsedDocument(headings, handler.pages(), List.of(),
					title.isEmpty() ? Titles.meaningful(headings.get(0).text()) : title);
		}
		String headText = handler.headText();
		if (sections.isEmpty() && !headText.isEmpty()) {
			// a web page of navigation alone: its title is its text
			return new ParsedDocument(List.of(new Section(1, "", headText)), handler.pages(), List.of(), title);
		}
		return new ParsedDocument(sections, handler.pages(), List.of(),
				title.isEmpty() ? Titles.firstHeading(sections) : title);
	}

	/**
	 * Markup that declares its own entities is refused before any parser sees it: no
	 * document a person uploads needs them, and they are how entity-expansion ("billion
	 * laughs") and external-entity attacks start.
	 */
	private static void refuseEntityDeclarations(Path file, String mediaType) throws IOException {
		if (!(mediaType.contains("html") || mediaType.contains("xml"))) {
			return;
		}
		byte[] head = new byte[64 * 1024];
		int read;
		try (InputStream in = java.nio.file.Files.newInputStream(file)) {
			read = in.readNBytes(head, 0, head.length);
		}
		refuseEntityDeclarations(new String(head, 0, read, java.nio.charset.StandardCharsets.ISO_8859_1));
	}

	private static void refuseEntityDeclarations(String start) {
		if (start.contains("<!ENTITY")) {
			throw new RejectedInputException("The document declares XML entities, which ragchat does not accept");
		}
	}

	private static boolean hasCause(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
			if (cause instanceof SAXException sax && type.isInstance(sax.getException())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * @return the reason when POI refused an entry past {@link #boundOfficeEntries its
	 * bounds}, or {@code null}
	 */
	private String officeBound(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			String message = String.valueOf(cause.getMessage());
			if (message.contains("ZipSecureFile.setMaxEntrySize")) {
				return "A part of the file inflates past " + this.limits.maxInflated().toMegabytes() + " MB; "
						+ ArchiveLimits.MAX_INFLATED_SETTING + " raises the limit";
			}
			if (message.contains("ZipSecureFile.setMaxFileCount")) {
				return "The file holds more than " + String.format(Locale.ROOT, "%,d", this.limits.maxEntries())
						+ " archive entries or embedded documents; " + ArchiveLimits.MAX_ENTRIES_SETTING
						+ " raises the limit";
			}
		}
		return null;
	}

	private static String reason(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			String message = String.valueOf(cause.getMessage());
			if (message.contains("Suspected zip bomb") || message.contains("zip bomb")) {
				return "suspected zip bomb (too much output for its size, or nested too deep)";
			}
			if (message.toLowerCase(Locale.ROOT).contains("entity")) {
				return "XML entity expansion refused";
			}
		}
		return ex.getClass().getSimpleName();
	}

}
