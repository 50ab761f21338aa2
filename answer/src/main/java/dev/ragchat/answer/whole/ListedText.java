package dev.ragchat.answer.whole;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

import dev.ragchat.answer.Listing;

/**
 * The text of an answer to a question about the whole scope: how many of the documents in
 * scope say it, then the first {@value Listing#SHOWN} items, each with its page, its
 * figure or name when one is asked, and its quote, cited.
 */
final class ListedText {

	private static final String TRUNCATED = "The scan stopped before it read every passage that writes these words;"
			+ " more documents may say it.";

	private ListedText() {
	}

	/**
	 * @param question the question
	 * @param found the items
	 * @param scanned how many documents the scope holds
	 * @param truncated whether the scan stopped before it read every passage
	 * @return the text
	 */
	static String of(WholeQuestion question, List<Lister.Found> found, int scanned, boolean truncated) {
		NumberFormat numbers = NumberFormat.getIntegerInstance(Locale.ENGLISH);
		String of = " of the " + numbers.format(scanned) + ((question.things() != null) ? " " + question.things() + " "
				: " document" + ((scanned == 1) ? "" : "s") + " in scope ");
		if (found.isEmpty()) {
			return "None" + of + "says " + quoted(question) + "." + (truncated ? " " + TRUNCATED : "");
		}
		StringBuilder text = new StringBuilder(numbers.format(found.size())).append(of)
			.append((found.size() == 1) ? "says" : "say")
			.append(" ")
			.append(quoted(question))
			.append(":\n");
		for (int i = 0; i < Math.min(found.size(), Listing.SHOWN); i++) {
			Lister.Found item = found.get(i);
			Listing.Value value = item.value();
			text.append("\n- ")
				.append(Lister.title(item.chunk().chunk()))
				.append(", page ")
				.append(item.chunk().chunk().page())
				.append(": ")
				.append((value != null) ? value.text() + ". " : "")
				.append(item.sentence().strip())
				.append(" [")
				.append(i + 1)
				.append("]");
		}
		if (found.size() > Listing.SHOWN) {
			text.append("\n\n… and ")
				.append(numbers.format(found.size() - Listing.SHOWN))
				.append(" more: every one is in the answer's items.");
		}
		return truncated ? text.append("\n\n").append(TRUNCATED).toString() : text.toString();
	}

	/** What is asked and each condition, quoted: "a fee" and "governed by …". */
	private static String quoted(WholeQuestion question) {
		return "\"" + String.join("\" and \"", question.says()) + "\"";
	}

}
