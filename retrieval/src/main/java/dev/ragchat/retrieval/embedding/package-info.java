/**
 * Embedding models: in process ({@code retrieval.onnx}), Gemini on Vertex AI or with an
 * API key, OpenAI-compatible servers; the query and token-count ports.
 */
package dev.ragchat.retrieval.embedding;
