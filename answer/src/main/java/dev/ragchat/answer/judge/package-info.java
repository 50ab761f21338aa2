/**
 * The judge stage: do the sources answer the question? One interface
 * ({@link dev.ragchat.answer.judge.Judge}), chosen with the generator: with the extract,
 * the rules of the ground step ({@link dev.ragchat.answer.judge.RulesJudge}); with a
 * language model, only the similarity floor
 * ({@link dev.ragchat.answer.judge.SimilarityFloor}) before the model judges the sources
 * itself. Before either, the search's own verdict
 * ({@link dev.ragchat.answer.judge.SourcesJudge}: nothing found, or nothing at the
 * reranker's least score). What a judge answers with when the sources do not answer
 * ({@code Refusal}, {@code Clarification}) is the engine's API, one package up.
 */
package dev.ragchat.answer.judge;
