/**
 * Where originals are kept (a local folder or S3) and the configuration that chooses it.
 */
package dev.ragchat.ingestion.blobs;
