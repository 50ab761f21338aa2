/**
 * The search stage, the one way anything in ragchat searches a knowledge base: shape the
 * query, retrieve (as deep as a reranker reads), rerank, keep what reaches the reranker's
 * least score. {@code /search}, the MCP {@code search} tool, the answer engine and the
 * ground step's look-ups all go through {@link dev.ragchat.answer.search.Search}
 * ({@code ArchitectureTests}: nothing else calls the query shaper, the retriever or the
 * reranker).
 * <p>
 * A named interface of the {@code answer} module, which other modules may use
 * ({@code ModularityTests}): the one search ({@code Search}, {@code SearchRequest},
 * {@code Found}) that knowledge's {@code /search} and MCP call, and chat's scope.
 */
@NamedInterface("search")
package dev.ragchat.answer.search;

import org.springframework.modulith.NamedInterface;
