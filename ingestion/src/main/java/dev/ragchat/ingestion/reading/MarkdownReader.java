package dev.ragchat.ingestion.reading;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.ragchat.errors.RejectedInputException;

/**
 * Reads Markdown, keeping the heading path of ATX headings ({@code #} to {@code ######})
 * outside fenced code. A document of headings only has its headings as its text, one
 * paragraph each. Written by hand: Tika reads Markdown as plain text, and a full Markdown
 * parser would be needed for nothing else.
 */
final class MarkdownReader {

	private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");

	private final long maxCharacters;

	MarkdownReader(long maxCharacters) {
		this.maxCharacters = maxCharacters;
	}

	ParsedDocument read(Path file) throws IOException {
		if (Files.size(file) > this.maxCharacters * 4) {
			throw new RejectedInputException("The document holds more than " + this.maxCharacters
					+ " characters of text; " + DocumentReader.MAX_TEXT_SETTING + " raises the limit");
		}
		String[] headings = new String[6];
		List<Section> sections = new ArrayList<>();
		List<Section> headingsAsText = new ArrayList<>();
		StringBuilder paragraph = new StringBuilder();
		boolean fenced = false;
		for (String line : Files.readString(file, StandardCharsets.UTF_8).split("\\R")) {
			if (line.strip().startsWith("```") || line.strip().startsWith("~~~")) {
				fenced = !fenced;
			}
			Matcher heading = fenced ? null : HEADING.matcher(line);
			if (heading != null && heading.matches()) {
				add(sections, headings, paragraph);
				int level = heading.group(1).length();
				headings[level - 1] = heading.group(2);
				if (!heading.group(2).isBlank()) {
					headingsAsText.add(new Section(1, "", heading.group(2)));
				}
				for (int i = level; i < headings.length; i++) {
					headings[i] = null;
				}
			}
			else if (line.isBlank() && !fenced) {
				add(sections, headings, paragraph);
			}
			else {
				paragraph.append(line).append('\n');
			}
		}
		add(sections, headings, paragraph);
		if (sections.isEmpty() && !headingsAsText.isEmpty()) {
			return new ParsedDocument(headingsAsText, 1, List.of(), Titles.meaningful(headingsAsText.get(0).text()));
		}
		return new ParsedDocument(sections, 1, List.of(), Titles.firstHeading(sections));
	}

	private static void add(List<Section> sections, String[] headings, StringBuilder paragraph) {
		List<String> path = new ArrayList<>();
		for (String h : headings) {
			if (h != null && !h.isEmpty()) {
				path.add(h);
			}
		}
		for (String text : Paragraphs.split(paragraph.toString())) {
			sections.add(new Section(1, String.join(" > ", path), text));
		}
		paragraph.setLength(0);
	}

}
