/**
 * Ingestion: knowledge bases, uploads, originals in a blob store, parsing (Tika, PDFBox,
 * OCR), chunking, durable ingestion jobs and the document catalog. Its front is
 * {@link dev.ragchat.ingestion.KnowledgeBases} and
 * {@link dev.ragchat.ingestion.Documents}; everything else stays package-private.
 */
package dev.ragchat.ingestion;
