package dev.ragchat.ingestion.reading;

import java.util.Set;

import org.apache.tika.parser.html.DefaultHtmlMapper;
import org.apache.tika.parser.html.HtmlMapper;

/**
 * How Tika maps a web page: as {@link DefaultHtmlMapper} does, and the content of the
 * elements that hold what every page of a site repeats rather than the page's own text is
 * left out: {@code nav} (a site's or a page's navigation links), {@code aside} (content
 * tangentially related: sidebars) and {@code footer} (who wrote it, copyright, links to
 * related pages), as the HTML Living Standard defines them (§ 4.3.4, 4.3.5, 4.3.8). A
 * documentation site's table of contents would otherwise be indexed, embedded and quoted
 * with every page. A page's {@code header} is kept: it often holds the page's own title.
 * {@code main}, which Tika's default mapping drops (keeping its content), is kept as an
 * element, so that a page that marks its dominant content is read for that alone. So are
 * the other block elements it drops ({@code div}, {@code section}, {@code article},
 * {@code header}, {@code figure} and their kind), as {@code div}: a page built of them
 * (most of today's web) is read as the blocks a browser shows, not as one paragraph whose
 * blocks' words run together ("…of the routerIn this section…").
 * <p>
 * What a browser does not show as the page's text is left out too: a {@code template}'s
 * inert content (§ 4.12.3), {@code noscript} (shown only without scripting, § 4.12.2),
 * the labels and choices of form controls ({@code button}, {@code select},
 * {@code datalist}: "Copy", "Toggle navigation", a language picker), and any element
 * marked {@code hidden} (§ 6.1) or {@code aria-hidden="true"} (WAI-ARIA 1.2: decorative
 * icons, heading anchors such as "¶"); the reader skips the latter, whose attributes this
 * mapper keeps.
 */
final class PageChrome implements HtmlMapper {

	static final HtmlMapper INSTANCE = new PageChrome();

	/** Tika's HTML parser asks with upper-case names. */
	private static final Set<String> CHROME = Set.of("NAV", "ASIDE", "FOOTER", "TEMPLATE", "NOSCRIPT", "BUTTON",
			"SELECT", "DATALIST");

	/** The attributes that hide an element, kept for the reader. */
	private static final Set<String> HIDING = Set.of("hidden", "aria-hidden");

	/**
	 * HTML's block elements (flow content a browser starts on a line of its own) that
	 * {@link DefaultHtmlMapper} drops.
	 */
	private static final Set<String> BLOCKS = Set.of("DIV", "SECTION", "ARTICLE", "HEADER", "HGROUP", "FIGURE",
			"FIGCAPTION", "DETAILS", "SUMMARY", "FIELDSET", "LEGEND", "CENTER");

	private PageChrome() {
	}

	@Override
	public String mapSafeElement(String name) {
		if ("MAIN".equals(name)) {
			return "main";
		}
		return BLOCKS.contains(name) ? "div" : DefaultHtmlMapper.INSTANCE.mapSafeElement(name);
	}

	@Override
	public String mapSafeAttribute(String elementName, String attributeName) {
		String name = attributeName.toLowerCase(java.util.Locale.ROOT);
		return HIDING.contains(name) ? name : DefaultHtmlMapper.INSTANCE.mapSafeAttribute(elementName, attributeName);
	}

	/**
	 * @param attributes an element's attributes, as this mapper keeps them
	 * @return whether the page hides the element and its content
	 */
	static boolean hides(org.xml.sax.Attributes attributes) {
		return attributes.getIndex("hidden") >= 0 || "true".equalsIgnoreCase(attributes.getValue("aria-hidden"));
	}

	@Override
	public boolean isDiscardElement(String name) {
		return CHROME.contains(name) || DefaultHtmlMapper.INSTANCE.isDiscardElement(name);
	}

}
