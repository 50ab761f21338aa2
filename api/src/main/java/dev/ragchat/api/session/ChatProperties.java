package dev.ragchat.api.session;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How questions are answered.
 *
 * @param generator {@code extractive} (no model needed) or a configured language model
 * @param topK chunks retrieved per question unless the session says otherwise
 * @param minSimilarity the cosine similarity below which the documents are taken not to
 * answer a question
 * @param maxSentences sentences an extractive answer quotes at most
 * @param historyTurns earlier messages that inform the next answer
 * @param maxMessageLength the longest question accepted
 */
@ConfigurationProperties("ragchat.chat")
record ChatProperties(@DefaultValue("extractive") String generator, @DefaultValue("5") int topK,
		@DefaultValue("0.6") double minSimilarity, @DefaultValue("3") int maxSentences,
		@DefaultValue("6") int historyTurns, @DefaultValue("4000") int maxMessageLength) {

	static final java.util.Set<String> GENERATORS = java.util.Set.of("extractive", "gemini", "vertex-gemini");

	ChatProperties {
		if (!GENERATORS.contains(generator)) {
			throw new IllegalArgumentException(
					"ragchat.chat.generator must be one of " + GENERATORS + ", not '" + generator + "'");
		}
	}

}
