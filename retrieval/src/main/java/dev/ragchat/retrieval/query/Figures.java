package dev.ragchat.retrieval.query;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Figures as people write them: thousands separators ("1,600" is 1600) and amounts with a
 * scale ("$1.6 billion" is "1,600 million"). One rule for the keyword analyser and the
 * query shaper.
 */
public final class Figures {

	/** A thousands separator inside a figure. */
	public static final Pattern THOUSANDS = Pattern.compile("(?<=\\d),(?=\\d{3}(?!\\d))");

	/** An amount with its scale: "$1.6 billion", "1,600 million". */
	private static final Pattern SCALED = Pattern
		.compile("(?i)(?<![\\p{L}\\p{N}.,])(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?\\s*(billion|bn|million|mn)\\b");

	private Figures() {
	}

	/**
	 * Amounts written at the other scale, as figures are indexed (no separators): "1600"
	 * for "$1.6 billion", "1.6" for "1,600 million".
	 * @param text what was asked
	 * @return the amounts at the other scale, in order
	 */
	public static List<String> atOtherScale(String text) {
		List<String> amounts = new ArrayList<>();
		Matcher matcher = SCALED.matcher(text);
		while (matcher.find()) {
			BigDecimal amount = new BigDecimal(
					matcher.group(1).replace(",", "") + ((matcher.group(2) != null) ? matcher.group(2) : ""));
			boolean billions = matcher.group(3).toLowerCase(Locale.ROOT).startsWith("b");
			BigDecimal other = billions ? amount.movePointRight(3) : amount.movePointLeft(3);
			if (other.signum() > 0) {
				amounts.add(other.stripTrailingZeros().toPlainString());
			}
		}
		return amounts;
	}

}
