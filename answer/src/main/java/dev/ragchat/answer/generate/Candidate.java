package dev.ragchat.answer.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.ragchat.answer.AnswerGenerator.Question;
import dev.ragchat.answer.text.CitationMarkers;
import dev.ragchat.answer.text.Overlap;
import dev.ragchat.answer.text.Sentences;
import dev.ragchat.retrieval.query.Periods;

/**
 * A sentence of the sources the extract may quote ({@link ExtractiveGenerator}), with
 * what it does and, once scored, how near the question it is.
 */
final class Candidate {

	/**
	 * A sentence that opens by pointing back to the one before: it does not stand on its
	 * own.
	 */
	private static final Pattern POINTS_BACK = Pattern
		.compile("(It|Its|This|These|They|Their|Them|Such|Those|That|He|His|She|Her)\\b");

	private static final int MAX_CANDIDATES = 300;

	private static final Pattern FIGURE = Pattern.compile("\\p{N}");

	/**
	 * How many short items a lead-in ("Take the following steps:") is read with at most.
	 */
	static final int LIST_ITEMS = 5;

	final String text;

	final int source;

	final int position;

	/** A table row's label, {@code null} for other text. */
	final String rowLabel;

	/**
	 * What it does: only a statement grounds an answer and is quoted.
	 */
	final Kind kind;

	/** Whether it does not state anything (a title, label, question or lead-in). */
	final boolean title;

	double similarity;

	/**
	 * How well its words match the question's ({@link Overlap}; a row's label and
	 * figures).
	 */
	double match;

	/** Its embedding's similarity to the question, as asked or standing alone. */
	double nearness;

	Candidate(String text, int source, int position, String rowLabel, Kind kind) {
		this.kind = kind;
		this.title = kind != Kind.STATEMENT;
		this.text = text;
		this.source = source;
		this.position = position;
		this.rowLabel = rowLabel;
	}

	/**
	 * The sentences of the sources, each once (overlapping chunks repeat sentences; the
	 * first source that has it keeps it), each marked whether it states something. A
	 * page's own question ("Do I need a lawyer?") and a line that announces what follows
	 * ("Take the following steps:") state nothing alone: each is also read with what
	 * follows it in its source (the question with the next statement, the lead-in with
	 * short items it introduces, at most {@link #LIST_ITEMS}, or the statement that
	 * follows it), and that reading is a statement.
	 */
	static List<Candidate> of(Question question) {
		List<Candidate> candidates = new ArrayList<>();
		java.util.Set<String> seen = new java.util.HashSet<>();
		for (int source = 0; source < question.sources().size(); source++) {
			List<Candidate> own = new ArrayList<>();
			int position = 0;
			String text = CitationMarkers.neutralise(question.sources().get(source).chunk().text());
			String header = null;
			String heads = null;
			boolean inTable = false;
			for (String line : text.split("\n")) {
				// the first line of a table of cells that gives no figure but years names
				// its columns: a label, read as a title is
				boolean cells = line.contains(" | ");
				boolean columns = cells && !inTable
						&& !FIGURE.matcher(Periods.YEAR.matcher(line).replaceAll(" ")).find();
				inTable = cells;
				// the heads of the columns are quoted with each row
				heads = !cells ? null : columns ? line.strip() : heads;
				// a table row is quoted with its column headers, never the table as a
				// whole
				if (Sentences.isHeader(line)) {
					header = line.strip();
					continue;
				}
				boolean row = Sentences.isRow(line);
				Kind lineKind = (columns || Sentences.isTitle(line)) ? Kind.TITLE
						: (!row && Sentences.isLabel(line)) ? Kind.LABEL : null;
				List<String> sentences = (header != null && row) ? List.of(Sentences.rowWithHeader(header, line))
						: (heads != null && !columns) ? List.of(Sentences.cellsWithHeads(heads, line))
								: Sentences.of(line);
				String label = row ? Sentences.rowLabel(line) : null;
				String before = null;
				for (String sentence : sentences) {
					// a sentence that opens by pointing back ("It is often used …") is
					// quoted with the one before it in its paragraph, which names what
					// it speaks of
					String quote = (before != null && POINTS_BACK.matcher(sentence).lookingAt())
							? before + " " + sentence : sentence;
					before = sentence;
					Kind kind = (lineKind != null) ? lineKind
							: (label == null && Sentences.isQuestion(quote)) ? Kind.QUESTION
									: (label == null && Sentences.isLeadIn(quote)) ? Kind.LEAD_IN : Kind.STATEMENT;
					if (seen.add(quote.toLowerCase(Locale.ROOT))) {
						own.add(new Candidate(quote, source + 1, position++, label, kind));
					}
				}
			}
			for (int i = 0; i < own.size(); i++) {
				Candidate read = own.get(i);
				candidates.add(read);
				Candidate completed = completed(own, i);
				if (completed != null && seen.add(completed.text.toLowerCase(Locale.ROOT))) {
					candidates.add(completed);
				}
			}
		}
		return (candidates.size() > MAX_CANDIDATES) ? candidates.subList(0, MAX_CANDIDATES) : candidates;
	}

	/**
	 * A question of the source read with the statement that follows it, a lead-in with
	 * the lines it introduces; {@code null} for other sentences, or when nothing that
	 * completes them follows.
	 */
	private static Candidate completed(List<Candidate> own, int at) {
		Candidate opener = own.get(at);
		if (opener.kind == Kind.QUESTION) {
			return (at + 1 < own.size() && own.get(at + 1).kind == Kind.STATEMENT)
					? new Candidate(opener.text + " " + own.get(at + 1).text, opener.source, opener.position, null,
							Kind.STATEMENT)
					: null;
		}
		if (opener.kind != Kind.LEAD_IN) {
			return null;
		}
		// the short items of a list, or the one statement that follows (a statement
		// stands on its own: more of them would crowd out every other quote)
		List<String> items = new ArrayList<>();
		for (int i = at + 1; i < own.size() && items.size() < LIST_ITEMS; i++) {
			Candidate item = own.get(i);
			if (item.kind == Kind.STATEMENT && items.isEmpty()) {
				items.add(item.text.replaceAll("[.;]$", ""));
				break;
			}
			if (item.kind != Kind.LABEL) {
				break;
			}
			items.add(item.text.replaceAll("[.;]$", ""));
		}
		return items.isEmpty() ? null : new Candidate(opener.text + " " + String.join("; ", items) + ".", opener.source,
				opener.position, null, Kind.STATEMENT);
	}

	/** What a sentence of a source does. */
	enum Kind {

		/** It states something: it may answer and be quoted. */
		STATEMENT,

		/** A title or heading ({@link Sentences#isTitle}): it names what follows. */
		TITLE,

		/**
		 * A short line without a stop ({@link Sentences#isLabel}): a label or an item.
		 */
		LABEL,

		/** The page's own question: what follows it answers. */
		QUESTION,

		/** A line that announces what follows ("as follows:"). */
		LEAD_IN

	}

}
