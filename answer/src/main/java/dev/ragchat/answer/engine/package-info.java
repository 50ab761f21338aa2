/**
 * The answer engine's implementation, behind {@link dev.ragchat.answer.AnswerEngine}:
 * {@link dev.ragchat.answer.engine.StagedAnswerEngine} runs the stages in order (query,
 * search, judge, widen, generate, cite), {@code EngineConfiguration} builds it and the
 * one search with the stages the configuration chooses; the trace ({@code Tracing}) and
 * the text read in images ({@code ImageText}) are its own, and it answers questions about
 * the whole knowledge base ("which documents say ...", "how many ...") through
 * {@code answer.whole}. Internal to the {@code answer} module: it depends on the engine's
 * API one package up, never the other way.
 */
package dev.ragchat.answer.engine;
