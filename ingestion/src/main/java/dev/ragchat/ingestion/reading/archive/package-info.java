/**
 * Archives bounded as they inflate: Office and OpenDocument files counted entry by entry
 * before a parser opens them, and the documents inside a document (attachments, embedded
 * parts) counted against one total
 * ({@link dev.ragchat.ingestion.reading.archive.ArchiveLimits}).
 * <p>
 * A named interface of the {@code ingestion.reading} module, which other modules may use
 * ({@code ModularityTests}): ingestion's front bounds documents inside documents with
 * {@code ArchiveLimits}.
 */
@NamedInterface("archive")
package dev.ragchat.ingestion.reading.archive;

import org.springframework.modulith.NamedInterface;
