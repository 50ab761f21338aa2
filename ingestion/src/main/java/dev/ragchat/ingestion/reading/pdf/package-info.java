/**
 * PDFs with PDFBox: text page by page (OCR where a page draws something it gave no text
 * for), the outline as heading paths, lines of figures as table rows, and the text
 * positions of a quote on its page.
 */
package dev.ragchat.ingestion.reading.pdf;
