/**
 * The answer engine: a question in, a cited answer out, stateless.
 * {@link dev.ragchat.answer.AnswerEngine#answer} reads as the path's numbered steps; each
 * step is a stage in its own package, with its own input:
 * <ul>
 * <li>{@code query}: a follow-up becomes a question that stands on its own;</li>
 * <li>{@code search}: shape, retrieve, rerank, least score (the one search, which
 * {@code /search} and MCP call too);</li>
 * <li>{@code judge}: do the sources answer? (the ground step's rules for the extract, the
 * similarity floor before a language model; {@code ground} holds the rules);</li>
 * <li>{@code generate}: the answer from the numbered sources (the extract or a language
 * model);</li>
 * <li>{@code cite}: markers become citations with quotes verified in the sources.</li>
 * </ul>
 * Sessions, history, media and metrics belong to {@code chat}, which calls the engine; no
 * stage imports a web type, a session or a store ({@code ArchitectureTests}).
 */
package dev.ragchat.answer;
