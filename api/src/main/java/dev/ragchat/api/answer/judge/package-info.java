/**
 * The judge stage: do the sources answer the question? One interface
 * ({@link dev.ragchat.api.answer.judge.Judge}), chosen with the generator: with the
 * extract, the rules of the ground step
 * ({@link dev.ragchat.api.answer.judge.RulesJudge}); with a language model, only the
 * similarity floor ({@link dev.ragchat.api.answer.judge.SimilarityFloor}) before the
 * model judges the sources itself. Before either, the search's own verdict
 * ({@link dev.ragchat.api.answer.judge.SourcesJudge}: nothing found, or nothing at the
 * reranker's least score).
 * <p>
 * A named interface of the {@code api.answer} module, which other modules may use
 * ({@code ModularityTests}): a refusal or a question back ({@code Refusal},
 * {@code Clarification}) that chat, OpenAI and evaluation answer with.
 */
@NamedInterface("judge")
package dev.ragchat.api.answer.judge;

import org.springframework.modulith.NamedInterface;
