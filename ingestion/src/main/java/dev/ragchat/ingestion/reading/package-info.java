/**
 * Reading documents (PDFBox, Tika, Markdown, Tesseract OCR), media types and chunking.
 */
package dev.ragchat.ingestion.reading;
