/**
 * Text the stages share: sentences and how near a query they are
 * ({@link dev.ragchat.answer.text.Sentences},
 * {@link dev.ragchat.answer.text.SentenceVectors}), word overlap, and citation markers
 * ({@link dev.ragchat.answer.text.CitationMarkers}: a source cannot plant one, an
 * answer's are renumbered in order of first use).
 */
package dev.ragchat.answer.text;
