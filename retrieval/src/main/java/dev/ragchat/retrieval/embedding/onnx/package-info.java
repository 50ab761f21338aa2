/**
 * The in-process embedding models: bge-small-en-v1.5 and all-MiniLM-L6-v2 run with ONNX
 * Runtime ({@link dev.ragchat.retrieval.embedding.onnx.OnnxEmbeddingModel}), their
 * admission to the cores, and the graph for runs without padding.
 * <p>
 * A named interface of the {@code retrieval.embedding} module, which other modules may
 * use ({@code ModularityTests}): {@code retrieval.config} builds the models.
 */
@NamedInterface("onnx")
package dev.ragchat.retrieval.embedding.onnx;

import org.springframework.modulith.NamedInterface;
