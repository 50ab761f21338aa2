package dev.ragchat.api.chat;

import dev.ragchat.answer.EngineSettings.NamesRule;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How questions are answered.
 *
 * @param generator {@code extractive} (no model needed) or a configured language model
 * @param topK chunks retrieved per question unless the session says otherwise
 * @param minSimilarity the cosine similarity (of a sentence, or of two adjacent sentences
 * read together) below which the documents are taken not to answer a question (default
 * 0.68, chosen by cross-validation over the development corpora)
 * @param maxSentences sentences an extractive answer quotes at most
 * @param historyTurns earlier messages that inform the next answer
 * @param maxMessageLength the longest question accepted
 * @param questionTerms whether an answer also needs the question's names and periods in
 * its sources or their documents, aliases allowed (the ground step, see
 * {@code Grounding}; default true): without them it is not grounded
 * @param names with question terms on, how many of the question's names the sources must
 * support: {@code all}, {@code any} or {@code proper} (default: every name written as a
 * proper name; chosen with the similarity threshold by cross-validation over the
 * development corpora: docs/decisions/0013-grounding-threshold-and-names.md)
 * @param overlapWeight how much the words a quote shares with the question count, beside
 * its embedding similarity, when an extractive answer chooses its quotes (a table row by
 * the share of its label's words the question uses; see {@code Overlap}; default 0.1)
 * @param rankWeight how much a quote's source's place in the retrieval counts, beside its
 * similarity, when an extractive answer chooses its quotes: the first of n sources adds
 * the whole weight, the last 1/n of it, so that the answer cites what search ranked first
 * when its sentences are about as near the question as others
 * @param sentenceCache how many sentence vectors the extract keeps for later answers
 * @param maxAnswersInProgress answers written at once
 * @param answerWait how long a question waits for one of them
 * @param quoteFirstSource whether an extractive answer quotes the source search ranked
 * first: when none of the chosen sentences is from it, its nearest sentence joins them
 * (one more than {@code maxSentences}) if it reaches {@code minSimilarity} (default true;
 * docs/decisions/0016-quote-first-source.md)
 * @param pageContext how many characters a source of a paginated document (PDF, Office)
 * is read with, its page's other chunks nearest first, or one of a document without
 * pages, with its passage nearest the query (small-to-big; 0: sources as retrieved;
 * docs/decisions/0017-page-context.md)
 */
@ConfigurationProperties("ragchat.chat")
public record ChatProperties(@DefaultValue("extractive") Generator generator, @DefaultValue("5") int topK,
		@DefaultValue("0.68") double minSimilarity, @DefaultValue("3") int maxSentences,
		@DefaultValue("6") int historyTurns, @DefaultValue("4000") int maxMessageLength,
		@DefaultValue("true") boolean questionTerms, @DefaultValue("0.1") double overlapWeight,
		@DefaultValue("proper") NamesRule names, @DefaultValue("0.03") double rankWeight,
		@DefaultValue("20000") int sentenceCache, @DefaultValue("8") int maxAnswersInProgress,
		@DefaultValue("2s") java.time.Duration answerWait, @DefaultValue("true") boolean quoteFirstSource,
		@DefaultValue("3000") int pageContext) {

	/** The property that chooses how answers are written. */
	public static final String GENERATOR = "ragchat.chat.generator";

	/**
	 * How answers are written.
	 */
	public enum Generator {

		/** Quoted from the sources, with no model. */
		EXTRACTIVE,

		/** Gemini through the Gemini API, with an API key. */
		GEMINI,

		/** Gemini on Vertex AI. */
		VERTEX_GEMINI,

		/**
		 * Any server speaking OpenAI's chat completions API ({@code openai-compatible}).
		 */
		OPENAI_COMPATIBLE,

		/** An Ollama server. */
		OLLAMA,

		/** A GGUF file run in process by llama.cpp ({@code llama-cpp}). */
		LLAMA_CPP

	}

}
