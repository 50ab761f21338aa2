/**
 * PDFs with PDFBox: text page by page (OCR where a page draws something it gave no text
 * for), the outline as heading paths, lines of figures as table rows, and the text
 * positions of a quote on its page.
 * <p>
 * A named interface of the {@code ingestion.reading} module, which other modules may use
 * ({@code ModularityTests}): ingestion's front reads PDFs through it, and the answer
 * engine finds a quote's place on its page ({@code PdfPages}).
 */
@NamedInterface("pdf")
package dev.ragchat.ingestion.reading.pdf;

import org.springframework.modulith.NamedInterface;
