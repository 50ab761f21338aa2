package dev.ragchat.retrieval;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.util.Assert;

/**
 * A piece of a document, the unit that is embedded, indexed and cited.
 *
 * @param id unique id ({@code <documentId>:<ordinal>})
 * @param knowledgeBase the knowledge base it belongs to
 * @param documentId the document it comes from
 * @param filename the document's file name
 * @param page the first page it comes from (1-based; 1 for formats without pages)
 * @param pageEnd the last page it comes from
 * @param headingPath the headings above it, outermost first, joined with {@code " > "}
 * (empty when the format has none)
 * @param ordinal its position in the document (0-based)
 * @param text its text
 * @param metadata the values a {@link MetadataFilter} filters on: the document's
 * top-level metadata values and its own fields (such as {@code filename},
 * {@code version}), each a {@code String}, a {@code Double} (every number) or a
 * {@code Boolean}
 * @param title the document's title (empty when unknown): with the heading path, part of
 * what is embedded and keyword-indexed ({@link #indexText()}), never part of {@code text}
 */
public record Chunk(String id, String knowledgeBase, String documentId, String filename, int page, int pageEnd,
		String headingPath, int ordinal, String text, Map<String, Object> metadata, String title) {

	private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

	private static final Pattern LETTERS = Pattern.compile("\\p{L}+");

	public Chunk {
		Assert.hasText(id, "id must not be empty");
		Assert.hasText(knowledgeBase, "knowledgeBase must not be empty");
		Assert.hasText(documentId, "documentId must not be empty");
		Assert.notNull(filename, "filename must not be null");
		Assert.isTrue(page >= 1 && pageEnd >= page, "pages must be 1-based with pageEnd >= page");
		Assert.notNull(headingPath, "headingPath must not be null (use \"\")");
		Assert.isTrue(ordinal >= 0, "ordinal must not be negative");
		Assert.hasText(text, "text must not be empty");
		metadata = values(metadata);
		title = (title != null) ? title : "";
	}

	/**
	 * A chunk without a title.
	 */
	public Chunk(String id, String knowledgeBase, String documentId, String filename, int page, int pageEnd,
			String headingPath, int ordinal, String text, Map<String, ?> metadata) {
		this(id, knowledgeBase, documentId, filename, page, pageEnd, headingPath, ordinal, text, values(metadata), "");
	}

	/**
	 * @param metadata values of any type, or {@code null}
	 * @return the texts, numbers (as {@code Double}) and booleans among them
	 */
	public static Map<String, Object> values(Map<String, ?> metadata) {
		if (metadata == null) {
			return Map.of();
		}
		Map<String, Object> values = new java.util.HashMap<>();
		metadata.forEach((key, value) -> {
			if (value instanceof Number number) {
				values.put(key, number.doubleValue());
			}
			else if (value instanceof String || value instanceof Boolean) {
				values.put(key, value);
			}
		});
		return Map.copyOf(values);
	}

	/**
	 * What is embedded and keyword-indexed: the words of the document's file name (what
	 * its uploader called it, {@link #nameWords(String)}) unless its title holds them
	 * all, the document's title and the heading path, each on a line of its own, then the
	 * text. The text shown and quoted stays {@link #text()}, exactly the document's.
	 * @return the text an index embeds and searches
	 */
	public String indexText() {
		StringBuilder index = new StringBuilder();
		String name = nameWords(this.filename);
		if (!name.isEmpty() && !containsAll(this.title, name)) {
			index.append(name).append('\n');
		}
		if (!this.title.isBlank()) {
			index.append(this.title).append('\n');
		}
		if (!this.headingPath.isBlank()) {
			index.append(this.headingPath).append('\n');
		}
		return index.append(this.text).toString();
	}

	/**
	 * The words of a file's name: its name without folder and extension, cut at anything
	 * but letters and digits, keeping the words of letters alone
	 * ({@code "nike_annual-report_2022.pdf"}: {@code "nike annual report"}). Numbers are
	 * left out: a name's dates, versions, counters and ids would mark every chunk of the
	 * document alike (a year in the name would make each of its pages "about" that year).
	 * @param filename a file's name, or {@code null}
	 * @return its words, joined by spaces; empty when it has none
	 */
	public static String nameWords(String filename) {
		return Arrays.stream(NOT_WORD.split(stem(filename)))
			.filter((word) -> word.length() > 1 && LETTERS.matcher(word).matches())
			.collect(java.util.stream.Collectors.joining(" "));
	}

	/**
	 * @param filename a file's name, or {@code null}
	 * @return it without its folder and its extension (of at most five characters);
	 * {@code ""} for {@code null}
	 */
	public static String stem(String filename) {
		if (filename == null) {
			return "";
		}
		String name = filename.substring(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1);
		int dot = name.lastIndexOf('.');
		return (dot > 0 && name.length() - dot <= 6) ? name.substring(0, dot) : name;
	}

	private static boolean containsAll(String title, String words) {
		String lower = title.toLowerCase(Locale.ROOT);
		return Arrays.stream(words.toLowerCase(Locale.ROOT).split(" ")).allMatch(lower::contains);
	}

	/**
	 * A chunk without metadata.
	 */
	public Chunk(String id, String knowledgeBase, String documentId, String filename, int page, int pageEnd,
			String headingPath, int ordinal, String text) {
		this(id, knowledgeBase, documentId, filename, page, pageEnd, headingPath, ordinal, text, Map.of());
	}

}
