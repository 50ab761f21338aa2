package dev.ragchat.answer;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The engine's settings, handed down from the chat settings ({@code ragchat.chat.*}).
 *
 * @param questionTerms whether the extract's judge checks the question's names and
 * periods in the sources ({@code question-terms})
 * @param names how many of the question's names that check needs ({@code names})
 * @param pageContext how many characters of a paginated source's page, or of a page-less
 * source's nearest passage, are read with it (0: none; {@code page-context})
 * @param minSimilarity the similarity floor before a language model
 * ({@code min-similarity})
 */
public record EngineSettings(boolean questionTerms, NamesRule names, int pageContext, double minSimilarity) {

	/**
	 * How many of the question's names must be supported (its periods always must).
	 */
	public enum NamesRule {

		/** Every name: refuses more questions about what the documents do not cover. */
		ALL,

		/**
		 * At least one, when the question names any: refuses fewer answerable questions.
		 */
		ANY,

		/**
		 * Every name written as a proper name, a capital then lower case ("Adobe",
		 * "Kenvue"); abbreviations and codes ("COGS", "ATF4", "4-PBA") may be missing, as
		 * documents often write them out differently or not at all.
		 */
		PROPER;

		/** A proper name: a capital, then lower case ("Adobe", "Kenvue"). */
		public static final Pattern PROPER_NAME = Pattern.compile("\\p{Lu}[\\p{Ll}'’.-]+");

		/**
		 * @param name a name of a question
		 * @return whether it is a proper name: a capital and then lower-case letters
		 * ("Apple", "Boeing"), not an abbreviation or a code
		 */
		public static boolean isProperName(String name) {
			return PROPER_NAME.matcher(name).matches();
		}

		/**
		 * @param names the question's names
		 * @param unsupported the names and periods the sources do not speak of
		 * @return whether the sources support the question by this rule (a period they do
		 * not speak of never does)
		 */
		public boolean satisfied(List<String> names, List<String> unsupported) {
			if (unsupported.stream().anyMatch((term) -> !names.contains(term))) {
				return false;
			}
			return switch (this) {
				case ALL -> unsupported.isEmpty();
				case ANY -> names.isEmpty() || unsupported.size() < names.size();
				case PROPER -> unsupported.stream().noneMatch((name) -> PROPER_NAME.matcher(name).matches());
			};
		}

	}

}
