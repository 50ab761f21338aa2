package dev.ragchat.answer.generate;

/**
 * What the answer generators take from the chat settings ({@code ragchat.chat.*}, bound
 * one package up).
 *
 * @param minSimilarity below it a source does not count as answering the question
 * @param maxSentences the most sentences an extractive answer quotes
 * @param overlapWeight how much the question's own words weigh in choosing sentences
 * @param rankWeight how much a sentence's source's place in the retrieval weighs in
 * choosing sentences
 * @param sentenceCache how many sentence vectors the extract keeps for later answers
 * @param quoteFirstSource whether an extractive answer always quotes the first source
 */
public record AnswerSettings(double minSimilarity, int maxSentences, double overlapWeight, double rankWeight,
		int sentenceCache, boolean quoteFirstSource) {

}
