/**
 * The in-process embedding models: bge-small-en-v1.5 and all-MiniLM-L6-v2 run with ONNX
 * Runtime ({@link dev.ragchat.retrieval.onnx.OnnxEmbeddingModel}), their admission to the
 * cores, and the graph for runs without padding.
 * <p>
 * A module of its own, not a part of {@code retrieval.embedding}, because
 * {@code retrieval.config} builds the models ({@code InProcessModel},
 * {@code OnnxEmbeddingModel}); it uses the embedding ports of {@code retrieval.embedding}
 * ({@code QueryEmbedder}, {@code SharedVectors}), which do not use it back.
 */
package dev.ragchat.retrieval.onnx;
