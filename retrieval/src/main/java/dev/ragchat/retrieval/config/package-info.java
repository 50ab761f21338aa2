/**
 * Retrieval settings and the configurations that choose the chunk index and the embedding
 * model.
 */
package dev.ragchat.retrieval.config;
