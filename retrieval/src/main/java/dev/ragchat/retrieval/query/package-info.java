/**
 * Query shaping, the answer path's step above the chunk index port: which words of a
 * question matter and how much ({@link dev.ragchat.retrieval.query.QueryShaper}), and the
 * general rules for periods and figures ({@link dev.ragchat.retrieval.query.Periods},
 * {@link dev.ragchat.retrieval.query.Figures}) that the keyword analyser, the PDF table
 * reader and the grounding check share. No word list about a subject lives here: the only
 * list is Lucene's English stop set (Snowball's), see
 * {@link dev.ragchat.retrieval.query.StopWords}.
 */
package dev.ragchat.retrieval.query;
