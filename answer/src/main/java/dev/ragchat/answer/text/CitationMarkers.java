package dev.ragchat.answer.text;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps {@code [n]} markers ragchat's own. Markers written into a document ("the manual
 * [7]") are dropped from source text before it is quoted or shown to a model, so they
 * cannot reach an answer or point at another source; and any marker in an answer that
 * names no retrieved source is dropped from it, while it streams and in the stored text.
 * The markers that remain are renumbered 1, 2, … in the order the answer first uses them
 * (a {@link Numbering}), so an answer cites {@code [1]} to {@code [n]} and nothing else.
 */
public final class CitationMarkers {

	/**
	 * Marker-like brackets in source text: {@code [7]}, {@code [1, 2]}, {@code [3-5]},
	 * with the blanks before them.
	 */
	private static final Pattern IN_SOURCE = Pattern
		.compile("[\\h]*\\[\\h*\\d{1,6}(?:\\h*[,;\\u2013-]\\h*\\d{1,6})*\\h*]");

	/** A marker in an answer (the form {@link Conversations} maps to citations). */
	private static final Pattern IN_ANSWER = Pattern.compile("[\\h]*\\[(\\d{1,6})]");

	/**
	 * What may still become a marker at the end of a streamed piece: blanks, "[", digits.
	 */
	private static final Pattern OPEN_END = Pattern.compile("\\h*(?:\\[\\d{0,6})?$");

	private CitationMarkers() {
	}

	/**
	 * @param text text of a document
	 * @return the text without marker-like brackets
	 */
	public static String neutralise(String text) {
		return IN_SOURCE.matcher(text).replaceAll("");
	}

	/**
	 * @param answer an answer
	 * @param sources how many sources it was written from (markers 1 to that number are
	 * kept)
	 * @return the answer without markers that name no source
	 */
	public static String keepValid(String answer, int sources) {
		return keepValid(answer, sources, null);
	}

	/**
	 * @param answer an answer
	 * @param sources how many sources it was written from
	 * @param numbering renumbers the kept markers in order of first use, or {@code null}
	 * to keep their numbers
	 * @return the answer without markers that name no source, the others renumbered
	 */
	public static String keepValid(String answer, int sources, Numbering numbering) {
		Matcher matcher = IN_ANSWER.matcher(answer);
		StringBuilder kept = new StringBuilder(answer.length());
		while (matcher.find()) {
			String replacement = "";
			if (valid(matcher.group(1), sources)) {
				replacement = (numbering != null) ? matcher.group().substring(0, matcher.start(1) - matcher.start())
						+ numbering.number(Integer.parseInt(matcher.group(1))) + "]" : matcher.group();
			}
			matcher.appendReplacement(kept, Matcher.quoteReplacement(replacement));
		}
		return matcher.appendTail(kept).toString();
	}

	private static boolean valid(String number, int sources) {
		int index = Integer.parseInt(number);
		return index >= 1 && index <= sources;
	}

	/**
	 * Passes streamed text on with {@link #keepValid} applied, holding back only what may
	 * still turn into a marker (trailing blanks, an unclosed "[12"), so that what streams
	 * is exactly what is stored.
	 */
	public static final class Filter implements Consumer<String> {

		private final Consumer<String> next;

		private final int sources;

		private final Numbering numbering;

		private final StringBuilder pending = new StringBuilder();

		public Filter(Consumer<String> next, int sources) {
			this(next, sources, null);
		}

		/**
		 * @param next told the filtered text
		 * @param sources how many sources the answer was written from
		 * @param numbering renumbers the kept markers, or {@code null}
		 */
		public Filter(Consumer<String> next, int sources, Numbering numbering) {
			this.next = next;
			this.sources = sources;
			this.numbering = numbering;
		}

		@Override
		public void accept(String piece) {
			this.pending.append(piece);
			Matcher open = OPEN_END.matcher(this.pending);
			int cut = open.find() ? open.start() : this.pending.length();
			if (cut > 0) {
				emit(this.pending.substring(0, cut));
				this.pending.delete(0, cut);
			}
		}

		/** Passes on what was held back, at the end of the answer. */
		public void flush() {
			if (!this.pending.isEmpty()) {
				emit(this.pending.toString());
				this.pending.setLength(0);
			}
		}

		private void emit(String text) {
			String kept = keepValid(text, this.sources, this.numbering);
			if (!kept.isEmpty()) {
				this.next.accept(kept);
			}
		}

	}

	/**
	 * Numbers the sources an answer cites 1, 2, … in the order it first cites them.
	 */
	public static final class Numbering {

		private final Map<Integer, Integer> numbers = new LinkedHashMap<>();

		/**
		 * @param source a source's number among the retrieved ones (1-based)
		 * @return its number in the answer
		 */
		public int number(int source) {
			return this.numbers.computeIfAbsent(source, (s) -> this.numbers.size() + 1);
		}

		/**
		 * @return the cited sources' numbers among the retrieved ones, in the order of
		 * their numbers in the answer
		 */
		public List<Integer> cited() {
			return List.copyOf(this.numbers.keySet());
		}

	}

}
