/**
 * Embedding models: bge-small in process, Gemini on Vertex AI or with an API key; the
 * query and token-count ports.
 */
package dev.ragchat.retrieval.embedding;
