/**
 * Text as English writes it: where its sentences end
 * ({@link dev.ragchat.retrieval.text.SentenceBreaks}), shared by the chunker (chunks end
 * between sentences) and the answer's quotes. The rules are Unicode's (UAX #29, through
 * ICU4J) and the abbreviations CLDR's; no word list about a subject lives here.
 */
package dev.ragchat.retrieval.text;
