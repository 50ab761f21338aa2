/**
 * Sync sources: a knowledge base that mirrors a server folder (under an allow-listed
 * root) or an S3 bucket/prefix. {@link dev.ragchat.sources.Sources} is the front; a sync
 * run compares the files with the documents that came from the source (by path and
 * SHA-256) and goes through the ingestion front: new files are uploaded, changed ones
 * replaced in place, missing ones deleted only when asked. Runs are kept with their
 * progress and report in the catalog ({@link dev.ragchat.sources.SourceStore}).
 */
package dev.ragchat.sources;
