/**
 * Archives bounded as they inflate: Office and OpenDocument files counted entry by entry
 * before a parser opens them, and the documents inside a document (attachments, embedded
 * parts) counted against one total ({@link dev.ragchat.ingestion.archive.ArchiveLimits}).
 * <p>
 * A module of its own, not a part of {@code ingestion.reading}, because two use it:
 * ingestion.reading bounds what its readers inflate, and ingestion's front binds the
 * limits ({@code ArchiveLimits}) and bounds documents inside documents. It depends on no
 * other module.
 */
package dev.ragchat.ingestion.archive;
