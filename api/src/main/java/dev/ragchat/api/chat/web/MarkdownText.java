package dev.ragchat.api.chat.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Text that is not ours (answers, questions, quotes, titles, file names: what documents
 * and people wrote) as Markdown that a viewer shows as that very text: no HTML, no link,
 * no image, no emphasis, no heading, list, quote or code block of its own. CommonMark
 * reads a backslash-escaped ASCII punctuation character as itself, so the rule, for
 * CommonMark and GitHub's GFM, is a backslash
 * <ul>
 * <li>before each {@code \ ` * _ [ ] < > & # ~ | $ ^ { } @}, wherever it stands (code,
 * emphasis, links and images, HTML and autolinks, entities, headings, strikethrough,
 * tables, math, footnotes, e-mail autolinks);</li>
 * <li>before a {@code -}, {@code +} or {@code =} that begins a line, and before the
 * {@code .} or {@code )} after the digits that begin one (lists, thematic breaks, setext
 * headings);</li>
 * <li>before the {@code :} of {@code ://} and the {@code .} of {@code www.} (GFM's bare
 * links);</li>
 * </ul>
 * and each line's leading and trailing white space dropped (indented code, hard line
 * breaks), blank lines kept as one, so that paragraphs stay paragraphs. What else a line
 * holds (letters, digits, {@code . , : ; ? ! ' " ( ) / % -}) means nothing in Markdown
 * there and is left as it is, for the file to read well as text too.
 */
final class MarkdownText {

	private static final Pattern EVERYWHERE = Pattern.compile("([\\\\`*_\\[\\]<>&#~|$^{}@])");

	private static final Pattern LINE_START = Pattern.compile("^([-+=])");

	private static final Pattern NUMBERED = Pattern.compile("^(\\d+)([.)])");

	private static final Pattern BARE_LINK = Pattern.compile("(?i)(?<=www)\\.|:(?=//)");

	private static final Pattern BLANK_LINES = Pattern.compile("\\n\\s*\\n");

	private MarkdownText() {
	}

	/**
	 * @param text text that is not ours, on one line or several
	 * @return it as Markdown that shows it as text: its paragraphs, each line escaped
	 */
	static String of(String text) {
		if (text == null) {
			return "";
		}
		List<String> paragraphs = new ArrayList<>();
		for (String paragraph : BLANK_LINES.split(text.replace("\r\n", "\n").replace('\r', '\n').strip())) {
			List<String> lines = new ArrayList<>();
			for (String line : paragraph.split("\n")) {
				lines.add(line(line.strip()));
			}
			paragraphs.add(String.join("\n", lines));
		}
		return String.join("\n\n", paragraphs);
	}

	private static String line(String line) {
		String escaped = EVERYWHERE.matcher(line).replaceAll("\\\\$1");
		escaped = BARE_LINK.matcher(escaped).replaceAll((match) -> "\\\\" + match.group());
		escaped = LINE_START.matcher(escaped).replaceFirst("\\\\$1");
		return NUMBERED.matcher(escaped).replaceFirst("$1\\\\$2");
	}

}
