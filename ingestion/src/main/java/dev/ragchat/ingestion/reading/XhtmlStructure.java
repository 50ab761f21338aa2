package dev.ragchat.ingestion.reading;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Collects the sections of the XHTML Tika writes: paragraphs with the headings above
 * them, table rows with their header, one page per slide, a page's {@code main} content
 * over its chrome, the {@code head}'s text apart; hidden elements skipped, the characters
 * capped.
 */
final class XhtmlStructure extends DefaultHandler {

	private static final Set<String> BLOCKS = Set.of("p", "li", "td", "th", "tr", "pre", "blockquote", "div", "dd",
			"dt");

	/**
	 * Symbols that heading anchors end a heading with: ¶, §, and pictographs such as 🔗.
	 */
	private static final java.util.regex.Pattern ANCHOR_SYMBOLS = java.util.regex.Pattern
		.compile("[\\s\\u00B6\\u00A7\\p{So}]+$");

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
	 * The depth of the element a page hides ({@code hidden}, {@code aria-hidden}), whose
	 * content is skipped; 0 when none is open.
	 */
	private int hiddenAt;

	XhtmlStructure(long maxCharacters) {
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
			throw new TooMuchText();
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
	 * A table row becomes one section, its cells joined with {@code " | "}; the first row
	 * (or a row of {@code th} cells) is the header the other rows carry.
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
	 * header, skip links and banners stay out); all of a page whose {@code main} holds no
	 * text (a page that fills it with a script).
	 */
	List<Section> sections() {
		return mainHasText() ? this.mainSections : this.sections;
	}

	List<Section> headingsAsText() {
		return mainHasText() ? this.mainHeadings : this.headingsAsText;
	}

	/**
	 * @return the pages read: the slides of a presentation, else 1
	 */
	int pages() {
		return Math.max(1, this.page);
	}

	/**
	 * @return the head's text (the title and metadata Tika writes there), its white space
	 * collapsed
	 */
	String headText() {
		return this.headText.toString().replaceAll("\\s+", " ").strip();
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

	/**
	 * More characters than the cap: Tika stops, the reader refuses the document.
	 */
	static final class TooMuchText extends SAXException {

		TooMuchText() {
			super("too much text");
		}

	}

}
