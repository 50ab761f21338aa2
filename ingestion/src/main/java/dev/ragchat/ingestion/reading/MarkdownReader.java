package dev.ragchat.ingestion.reading;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.ragchat.errors.RejectedInputException;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Reads Markdown as the web page it renders to: CommonMark with GitHub's pipe tables
 * (commonmark-java), then the HTML reader, so a Markdown file is chunked exactly as the
 * same page on a website would be: headings give the heading path (outside fenced code),
 * a table's rows are rows with their header, and links, emphasis and code spans are their
 * text, not their markup. A document of headings only has its headings as its text.
 */
final class MarkdownReader {

	private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());

	/**
	 * YAML front matter (Jekyll, Hugo, Docusaurus): a block between two {@code ---} lines
	 * at the very start. Matched by hand because commonmark-java's front-matter extension
	 * is not published for the version used here; it is metadata, not text, and its
	 * {@code title} is the document's title.
	 */
	private static final Pattern FRONT_MATTER = Pattern
		.compile("\\A\\uFEFF?---[ \\t]*\\R(.{0,16384}?)\\R(?:---|\\.\\.\\.)[ \\t]*(?:\\R|\\z)", Pattern.DOTALL);

	private static final Pattern FRONT_MATTER_TITLE = Pattern.compile("^title:[ \\t]*([\"']?)(.+?)\\1[ \\t]*$",
			Pattern.MULTILINE);

	private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();

	private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).build();

	private final TikaReader html;

	private final long maxCharacters;

	MarkdownReader(TikaReader html, long maxCharacters) {
		this.html = html;
		this.maxCharacters = maxCharacters;
	}

	ParsedDocument read(Path file) throws IOException {
		if (Files.size(file) > this.maxCharacters * 4) {
			throw new RejectedInputException("The document holds more than " + this.maxCharacters
					+ " characters of text; " + DocumentReader.MAX_TEXT_SETTING + " raises the limit");
		}
		String markdown = Files.readString(file, StandardCharsets.UTF_8);
		String title = "";
		Matcher frontMatter = FRONT_MATTER.matcher(markdown);
		if (frontMatter.find()) {
			Matcher titled = FRONT_MATTER_TITLE.matcher(frontMatter.group(1));
			title = titled.find() ? titled.group(2).strip() : "";
			markdown = markdown.substring(frontMatter.end());
		}
		String body;
		try {
			Node document = this.parser.parse(markdown);
			body = this.renderer.render(document);
		}
		catch (RuntimeException ex) {
			// commonmark-java refuses input beyond its limits (table cells, nesting)
			throw new RejectedInputException("The Markdown could not be read: " + ex.getMessage());
		}
		String head = title.isEmpty() ? "" : "<title>" + title.replace("&", "&amp;").replace("<", "&lt;") + "</title>";
		return this.html.readHtml("<!DOCTYPE html><html><head><meta charset=\"utf-8\">" + head + "</head><body>\n"
				+ body + "</body></html>\n");
	}

}
