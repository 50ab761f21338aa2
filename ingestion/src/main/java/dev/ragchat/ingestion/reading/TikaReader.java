package dev.ragchat.ingestion.reading;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.ragchat.errors.RejectedInputException;
import dev.ragchat.ingestion.reading.archive.ArchiveLimits;
import dev.ragchat.ingestion.reading.archive.CountingEmbeddedExtractor;
import dev.ragchat.ingestion.reading.archive.Inflation;
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
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads Office, OpenDocument, HTML, text, CSV and e-mail files with Apache Tika, keeping
 * the heading path (h1 to h6 in Tika's XHTML) and, for presentations, one page per slide;
 * a document of headings only has its headings as its text. A web page's navigation,
 * sidebars and footer are left out ({@link PageChrome}); a document's title (the
 * {@code head} of Tika's XHTML) is its title, not a paragraph of its text. Tika's own
 * guards are on: compression ratio and nesting limits (zip bombs), secure XML parsing
 * (entity expansion, external entities); on top, a cap on extracted characters.
 * <p>
 * Archives are bounded as they inflate ({@link ArchiveLimits}): an Office or OpenDocument
 * file's entries are counted before any parser opens it ({@link Inflation#scan}), Apache
 * POI never reads one entry past the bound ({@code ZipSecureFile}), and the documents
 * inside a document are counted as Tika extracts them
 * ({@link CountingEmbeddedExtractor}). Word and PowerPoint files are read with Tika's
 * streaming (SAX) extractors, so their size never becomes an in-memory XML tree.
 */
final class TikaReader {

	private static final Set<String> BLOCKS = Set.of("p", "li", "td", "th", "tr", "pre", "blockquote", "div", "dd",
			"dt");

	/**
	 * Symbols that heading anchors end a heading with: ¶, §, and pictographs such as 🔗.
	 */
	private static final java.util.regex.Pattern ANCHOR_SYMBOLS = java.util.regex.Pattern
		.compile("[\\s\\u00B6\\u00A7\\p{So}]+$");

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
		StructureHandler handler = new StructureHandler(this.maxCharacters);
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
			if (hasCause(ex, TooMuchTextException.class)) {
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
			return new ParsedDocument(headings, Math.max(1, handler.page), List.of(),
					title.isEmpty() ? Titles.meaningful(headings.get(0).text()) : title);
		}
		String headText = handler.headText.toString().replaceAll("\\s+", " ").strip();
		if (sections.isEmpty() && !headText.isEmpty()) {
			// a web page of navigation alone: its title is its text
			return new ParsedDocument(List.of(new Section(1, "", headText)), Math.max(1, handler.page), List.of(),
					title);
		}
		return new ParsedDocument(sections, Math.max(1, handler.page), List.of(),
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

	/**
	 * Collects paragraphs with the headings above them.
	 */
	private static final class StructureHandler extends DefaultHandler {

		private final List<Section> sections = new ArrayList<>();

		/** Each heading as a paragraph of its own, for a document of headings only. */
		private final List<Section> headingsAsText = new ArrayList<>();

		private final String[] headings = new String[6];

		private final StringBuilder text = new StringBuilder();

		private final StringBuilder heading = new StringBuilder();

		private final long maxCharacters;

		private long characters;

		private int headingLevel;

		private int page;

		/**
		 * Inside a table: its depth (nested tables are read as cells of the outer one).
		 */
		private int tableDepth;

		private final List<String> cells = new ArrayList<>();

		private final StringBuilder cell = new StringBuilder();

		private boolean headerCells;

		private String tableHeader;

		/** Inside the XHTML's head (the title and metadata Tika writes there). */
		private boolean head;

		/** The head's text: the document's title, its text only when it has no other. */
		private final StringBuilder headText = new StringBuilder();

		/** Inside a web page's {@code main}: its depth. */
		private int mainDepth;

		/** The sections and headings read inside {@code main}. */
		private final List<Section> mainSections = new ArrayList<>();

		private final List<Section> mainHeadings = new ArrayList<>();

		/** How deep the current element is nested. */
		private int depth;

		/**
		 * The depth of the element a page hides ({@code hidden}, {@code aria-hidden}),
		 * whose content is skipped; 0 when none is open.
		 */
		private int hiddenAt;

		StructureHandler(long maxCharacters) {
			this.maxCharacters = maxCharacters;
		}

		@Override
		public void startElement(String uri, String localName, String qName, Attributes attributes) {
			this.depth++;
			if (this.hiddenAt == 0 && PageChrome.hides(attributes)) {
				this.hiddenAt = this.depth;
			}
			if (this.hiddenAt > 0) {
				return;
			}
			String name = localName.toLowerCase(Locale.ROOT);
			if ("head".equals(name)) {
				this.head = true;
				return;
			}
			if ("main".equals(name)) {
				// the page's own content: its headings start afresh (a site header's
				// heading does not head it)
				flush();
				Arrays.fill(this.headings, null);
				this.mainDepth++;
				return;
			}
			if ("table".equals(name)) {
				if (this.tableDepth++ == 0) {
					flush();
					this.tableHeader = null;
				}
				return;
			}
			if (this.tableDepth > 0) {
				if ("tr".equals(name) && this.tableDepth == 1) {
					this.cells.clear();
					this.headerCells = false;
				}
				else if (("td".equals(name) || "th".equals(name)) && this.tableDepth == 1) {
					this.cell.setLength(0);
					this.headerCells |= "th".equals(name);
				}
				return;
			}
			int level = headingLevel(name);
			if (level > 0) {
				flush();
				this.headingLevel = level;
				this.heading.setLength(0);
			}
			else if (BLOCKS.contains(name)) {
				if ("div".equals(name) && "slide-content".equals(attributes.getValue("class"))) {
					flush();
					this.page++;
				}
				flush();
			}
		}

		@Override
		public void endElement(String uri, String localName, String qName) {
			if (this.hiddenAt > 0) {
				if (this.hiddenAt == this.depth--) {
					this.hiddenAt = 0;
				}
				return;
			}
			this.depth--;
			String name = localName.toLowerCase(Locale.ROOT);
			if ("head".equals(name)) {
				this.head = false;
				return;
			}
			if ("main".equals(name)) {
				flush();
				this.mainDepth--;
				return;
			}
			if (this.tableDepth > 0) {
				endInTable(name);
				return;
			}
			int level = headingLevel(name);
			if (level > 0 && level == this.headingLevel) {
				// a documentation generator's link to the heading itself ("Options¶",
				// Sphinx's
				// and MkDocs' pilcrow, a § or a link symbol) is not part of its text
				this.headings[level - 1] = ANCHOR_SYMBOLS.matcher(this.heading.toString().replaceAll("\\s+", " "))
					.replaceAll("")
					.strip();
				if (!this.headings[level - 1].isEmpty()) {
					add(new Section(Math.max(1, this.page), "", this.headings[level - 1]), this.headingsAsText,
							this.mainHeadings);
				}
				for (int i = level; i < this.headings.length; i++) {
					this.headings[i] = null;
				}
				this.headingLevel = 0;
			}
			else if (BLOCKS.contains(name)) {
				flush();
			}
		}

		@Override
		public void characters(char[] ch, int start, int length) throws SAXException {
			this.characters += length;
			if (this.characters > this.maxCharacters) {
				throw new TooMuchTextException();
			}
			if (this.hiddenAt > 0) {
				return;
			}
			if (this.head) {
				this.headText.append(ch, start, length);
				return;
			}
			if (this.tableDepth > 0) {
				this.cell.append(ch, start, length);
				return;
			}
			((this.headingLevel > 0) ? this.heading : this.text).append(ch, start, length);
		}

		/**
		 * A table row becomes one section, its cells joined with {@code " | "}; the first
		 * row (or a row of {@code th} cells) is the header the other rows carry.
		 */
		private void endInTable(String name) {
			if ("table".equals(name)) {
				this.tableDepth--;
				return;
			}
			if (this.tableDepth != 1) {
				return;
			}
			if ("td".equals(name) || "th".equals(name)) {
				this.cells.add(this.cell.toString().replaceAll("\\s+", " ").strip());
				this.cell.setLength(0);
			}
			else if ("tr".equals(name)) {
				List<String> filled = this.cells.stream().filter((c) -> !c.isEmpty()).toList();
				if (!filled.isEmpty()) {
					String row = String.join(" | ", this.cells).strip();
					if (this.tableHeader == null || this.headerCells) {
						this.tableHeader = row;
					}
					add(new Section(Math.max(1, this.page), headingPath(), row, this.tableHeader), this.sections,
							this.mainSections);
				}
				this.cells.clear();
			}
		}

		@Override
		public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
			characters(ch, start, length);
		}

		void flush() {
			if (this.text.isEmpty()) {
				return;
			}
			String path = headingPath();
			for (String paragraph : Paragraphs.split(this.text.toString())) {
				add(new Section(Math.max(1, this.page), path, paragraph), this.sections, this.mainSections);
			}
			this.text.setLength(0);
		}

		private void add(Section section, List<Section> all, List<Section> inMain) {
			all.add(section);
			if (this.mainDepth > 0) {
				inMain.add(section);
			}
		}

		/**
		 * The document's sections: of a web page that marks its dominant content with
		 * {@code main} (HTML Living Standard § 4.4.14), only what is inside it (a site's
		 * header, skip links and banners stay out); all of a page whose {@code main}
		 * holds no text (a page that fills it with a script).
		 */
		List<Section> sections() {
			return mainHasText() ? this.mainSections : this.sections;
		}

		List<Section> headingsAsText() {
			return mainHasText() ? this.mainHeadings : this.headingsAsText;
		}

		private boolean mainHasText() {
			return !this.mainSections.isEmpty() || !this.mainHeadings.isEmpty();
		}

		private String headingPath() {
			List<String> path = new ArrayList<>();
			for (String h : this.headings) {
				if (h != null && !h.isEmpty()) {
					path.add(h);
				}
			}
			return String.join(" > ", path);
		}

		private static int headingLevel(String name) {
			if (name.length() == 2 && name.charAt(0) == 'h' && name.charAt(1) >= '1' && name.charAt(1) <= '6') {
				return name.charAt(1) - '0';
			}
			return 0;
		}

	}

	private static final class TooMuchTextException extends SAXException {

		TooMuchTextException() {
			super("too much text");
		}

	}

}
