/**
 * Ingestion: readers (Tika, PDFBox, OCR), chunking, the blob store, the document catalog
 * and ingestion jobs. Its front is submit, status, delete and original content;
 * everything else stays package-private. Filled in by the ingestion issue.
 */
package dev.ragchat.ingestion;
