/**
 * The rerank step's HTTP adapter, next to the search stage that reranks with it
 * ({@code ragchat.rerank.url}): a server speaking the rerank protocol of llama.cpp's
 * server, vLLM, Infinity and Hugging Face's Text Embeddings Inference orders what hybrid
 * search found, for answers and for {@code /search}.
 */
package dev.ragchat.answer.search.rerank;
