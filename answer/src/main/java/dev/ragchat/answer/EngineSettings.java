package dev.ragchat.answer;

import dev.ragchat.answer.ground.NamesRule;

/**
 * The engine's settings, handed down from the chat settings ({@code ragchat.chat.*}).
 *
 * @param questionTerms whether the extract's judge checks the question's names and
 * periods in the sources ({@code question-terms})
 * @param names how many of the question's names that check needs ({@code names})
 * @param pageContext how many characters of a paginated source's page are read with it
 * (0: none; {@code page-context})
 * @param minSimilarity the similarity floor before a language model
 * ({@code min-similarity})
 */
public record EngineSettings(boolean questionTerms, NamesRule names, int pageContext, double minSimilarity) {

}
