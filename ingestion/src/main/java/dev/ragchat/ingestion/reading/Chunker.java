package dev.ragchat.ingestion.reading;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.ragchat.retrieval.Chunk;
import dev.ragchat.retrieval.embedding.TokenCounter;
import dev.ragchat.retrieval.text.SentenceBreaks;

import org.springframework.util.Assert;

/**
 * Splits a parsed document into chunks of about {@code maxTokens} tokens (as the
 * embedding model counts them), with about {@code overlapTokens} of the previous chunk
 * repeated at the start of the next. It cuts between sentences (never after an initial or
 * an abbreviation such as "Gen.": {@link SentenceBreaks}), prefers to cut between
 * paragraphs, and always cuts where the heading path changes, so every chunk has one
 * heading path and a page range. Sentences longer than a chunk are cut between words. A
 * table row is one unit of its own, on a line of its own; a chunk that holds rows of a
 * table whose header row it does not hold repeats that header row (the document's own
 * text) on the line before its first row, so every row can be read with its columns.
 */
public final class Chunker {

	private final TokenCounter tokens;

	private final int maxTokens;

	private final int overlapTokens;

	public Chunker(TokenCounter tokens, int maxTokens, int overlapTokens) {
		Assert.isTrue(maxTokens >= 32 && maxTokens <= 510, "maxTokens must be between 32 and 510");
		Assert.isTrue(overlapTokens >= 0 && overlapTokens < maxTokens / 2, "overlapTokens must be below maxTokens / 2");
		this.tokens = tokens;
		this.maxTokens = maxTokens;
		this.overlapTokens = overlapTokens;
	}

	public List<Chunk> chunk(String knowledgeBase, String documentId, String filename, List<Section> sections) {
		return chunk(knowledgeBase, documentId, filename, Map.of(), sections);
	}

	public List<Chunk> chunk(String knowledgeBase, String documentId, String filename, Map<String, ?> metadata,
			List<Section> sections) {
		return chunk(knowledgeBase, documentId, filename, metadata, "", sections);
	}

	/**
	 * @param knowledgeBase the knowledge base
	 * @param documentId the document
	 * @param filename its file name
	 * @param metadata its searchable metadata
	 * @param title its title (see {@link Titles}), carried by every chunk
	 * @param sections its paragraphs and table rows
	 * @return its chunks in order
	 */
	public List<Chunk> chunk(String knowledgeBase, String documentId, String filename, Map<String, ?> metadata,
			String title, List<Section> sections) {
		List<Chunk> chunks = new ArrayList<>();
		List<Unit> current = new ArrayList<>();
		int carried = 0;
		int currentTokens = 0;
		for (Unit unit : units(sections)) {
			boolean newHeading = !current.isEmpty() && !current.get(0).heading().equals(unit.heading());
			boolean newPage = !current.isEmpty() && current.get(current.size() - 1).page() != unit.page();
			boolean full = currentTokens + unit.tokens() > this.maxTokens;
			boolean paragraphBreak = unit.startsParagraph() && currentTokens >= this.maxTokens * 3 / 4;
			if ((newHeading || newPage) && current.size() == carried) {
				current = new ArrayList<>();
				carried = 0;
				currentTokens = 0;
			}
			else if (current.size() > carried && (newHeading || newPage || full || paragraphBreak)) {
				chunks.add(
						toChunk(knowledgeBase, documentId, filename, metadata, title, chunks.size(), current, carried));
				current = (newHeading || newPage) ? new ArrayList<>() : overlap(current);
				carried = current.size();
				currentTokens = current.stream().mapToInt(Unit::tokens).sum();
			}
			current.add(unit);
			currentTokens += unit.tokens();
		}
		if (current.size() > carried) {
			chunks.add(toChunk(knowledgeBase, documentId, filename, metadata, title, chunks.size(), current, carried));
		}
		return chunks;
	}

	private List<Unit> overlap(List<Unit> previous) {
		List<Unit> tail = new ArrayList<>();
		int sum = 0;
		for (int i = previous.size() - 1; i > 0; i--) {
			Unit unit = previous.get(i);
			if (sum + unit.tokens() > this.overlapTokens) {
				break;
			}
			tail.add(0, unit);
			sum += unit.tokens();
		}
		return tail;
	}

	private List<Unit> units(List<Section> sections) {
		List<Unit> units = new ArrayList<>();
		for (Section section : sections) {
			if (section.isTableRow()) {
				units.add(new Unit(section.page(), section.headingPath(), section.text(),
						this.tokens.count(section.text()) - 2, true, section.tableHeader()));
				continue;
			}
			boolean first = true;
			for (String sentence : sentences(section.text())) {
				int count = this.tokens.count(sentence) - 2;
				if (count <= this.maxTokens - this.overlapTokens) {
					units.add(new Unit(section.page(), section.headingPath(), sentence, count, first, null));
				}
				else {
					for (String piece : byWords(sentence)) {
						units.add(new Unit(section.page(), section.headingPath(), piece, this.tokens.count(piece) - 2,
								first, null));
						first = false;
					}
				}
				first = false;
			}
		}
		return units;
	}

	private List<String> byWords(String sentence) {
		List<String> pieces = new ArrayList<>();
		StringBuilder piece = new StringBuilder();
		int budget = (this.maxTokens - this.overlapTokens) / 2;
		int words = 0;
		for (String word : sentence.split("\\s+")) {
			piece.append(word).append(' ');
			words++;
			if (words % 16 == 0 && this.tokens.count(piece.toString()) - 2 >= budget) {
				pieces.add(piece.toString().strip());
				piece.setLength(0);
			}
		}
		if (!piece.isEmpty()) {
			pieces.add(piece.toString().strip());
		}
		return pieces;
	}

	private static List<String> sentences(String text) {
		List<String> sentences = new ArrayList<>();
		for (String piece : SentenceBreaks.of(text)) {
			String sentence = piece.strip();
			if (!sentence.isEmpty()) {
				sentences.add(sentence);
			}
		}
		return sentences;
	}

	/**
	 * The chunk is cited by the page its own text starts on, not the page of the overlap
	 * it repeats.
	 */
	private static Chunk toChunk(String knowledgeBase, String documentId, String filename, Map<String, ?> metadata,
			String title, int ordinal, List<Unit> units, int carried) {
		StringBuilder text = new StringBuilder();
		Unit previous = null;
		String header = null;
		for (Unit unit : units) {
			boolean row = unit.tableHeader() != null;
			boolean sameTable = row && previous != null && previous.tableHeader() != null
					&& previous.tableHeader().equals(unit.tableHeader());
			if (!text.isEmpty()) {
				text.append(sameTable ? "\n" : unit.startsParagraph() ? "\n\n" : " ");
			}
			if (row && !unit.tableHeader().isEmpty() && !unit.tableHeader().equals(header)) {
				header = unit.tableHeader();
				if (!unit.text().equals(header)) {
					text.append(header).append('\n');
				}
			}
			text.append(unit.text());
			previous = unit;
		}
		int page = units.get(Math.min(carried, units.size() - 1)).page();
		int pageEnd = units.stream().mapToInt(Unit::page).max().orElseThrow();
		return new Chunk(documentId + ":" + ordinal, knowledgeBase, documentId, filename, page, pageEnd,
				units.get(0).heading(), ordinal, text.toString(), Chunk.values(metadata), title);
	}

	/**
	 * @param tableHeader for a table row, its table's header row ({@code ""}: none);
	 * {@code null} for text
	 */
	private record Unit(int page, String heading, String text, int tokens, boolean startsParagraph,
			String tableHeader) {

	}

}
