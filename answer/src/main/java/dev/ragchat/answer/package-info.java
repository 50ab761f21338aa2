/**
 * The answer engine: a question in, a cited answer out, stateless.
 * <p>
 * This package is the engine's API, all that other modules use of it:
 * <ul>
 * <li>the engine ({@link dev.ragchat.answer.AnswerEngine}), its request
 * ({@link dev.ragchat.answer.AnswerRequest}, with the history's
 * {@link dev.ragchat.answer.Turn}s, the scope {@link dev.ragchat.answer.SearchScope} and
 * the generator that writes the answer, {@link dev.ragchat.answer.AnswerGenerator}) and
 * its settings ({@link dev.ragchat.answer.EngineSettings});</li>
 * <li>the answer ({@link dev.ragchat.answer.Answer}): its
 * {@link dev.ragchat.answer.Citation}s, a {@link dev.ragchat.answer.Refusal} or a
 * {@link dev.ragchat.answer.Clarification} (a question asked back), a
 * {@link dev.ragchat.answer.Listing} (a question about the whole knowledge base) and the
 * {@link dev.ragchat.answer.Trace};</li>
 * <li>the one search ({@link dev.ragchat.answer.Search}, its
 * {@link dev.ragchat.answer.SearchRequest} and result {@link dev.ragchat.answer.Found}),
 * which {@code /search} and the MCP {@code search} tool call.</li>
 * </ul>
 * Everything below it is internal: {@code engine} implements the engine and runs its
 * stages in order, each a package with its own input:
 * <ul>
 * <li>{@code query}: a follow-up becomes a question that stands on its own;</li>
 * <li>{@code search}: shape, retrieve, rerank, least score (the one search);</li>
 * <li>{@code judge}: do the sources answer? (the ground step's rules for the extract, the
 * similarity floor before a language model; {@code ground} holds the rules);</li>
 * <li>{@code widen}: a summary's document in focus, a paginated source's page;</li>
 * <li>{@code generate}: the answer from the numbered sources (the extract or a language
 * model);</li>
 * <li>{@code cite}: markers become citations with quotes verified in the sources.</li>
 * </ul>
 * The stages depend on this package, never the other way ({@code ArchitectureTests}: no
 * cycles between packages). The one named interface is {@code generate}: the model
 * catalog ({@code api.models}) builds and keeps the chosen models. Sessions, history,
 * media and metrics belong to {@code chat}, which calls the engine; no stage imports a
 * web type, a session or a store ({@code ArchitectureTests}).
 */
package dev.ragchat.answer;
