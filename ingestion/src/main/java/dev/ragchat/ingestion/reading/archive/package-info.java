/**
 * Archives bounded as they inflate: Office and OpenDocument files counted entry by entry
 * before a parser opens them, and the documents inside a document (attachments, embedded
 * parts) counted against one total
 * ({@link dev.ragchat.ingestion.reading.archive.ArchiveLimits}).
 */
package dev.ragchat.ingestion.reading.archive;
