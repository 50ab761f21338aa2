/**
 * The chunk index on MongoDB Atlas: Vector Search and Atlas Search
 * (`ragchat.retrieval.index=atlas`).
 */
package dev.ragchat.retrieval.atlas;
