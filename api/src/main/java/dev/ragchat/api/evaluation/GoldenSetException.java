package dev.ragchat.api.evaluation;

import dev.ragchat.errors.RejectedInputException;

/**
 * A golden set ragchat will not take, with the line and the field that are wrong, for a
 * problem that names them.
 */
public class GoldenSetException extends RejectedInputException {

	private final Integer line;

	private final String field;

	/**
	 * @param line the line's number, counted from 1, or {@code null} (the whole set)
	 * @param field the field, as {@code pages[0].page}, or {@code null} (the whole line)
	 * @param message what is wrong, naming both
	 */
	GoldenSetException(Integer line, String field, String message) {
		super(message);
		this.line = line;
		this.field = field;
	}

	/**
	 * @return the line's number, counted from 1, or {@code null} when the whole set is
	 * refused
	 */
	public Integer line() {
		return this.line;
	}

	/**
	 * @return the field that is wrong ({@code pages[0].page}), or {@code null} when the
	 * line is not a JSON object or the whole set is refused
	 */
	public String field() {
		return this.field;
	}

}
