/**
 * PDFs with PDFBox: text page by page (OCR where a page draws something it gave no text
 * for), the outline as heading paths, lines of figures as table rows, and the text
 * positions of a quote on its page.
 * <p>
 * A named interface of the {@code ingestion.reading} module, which other modules may use
 * ({@code ModularityTests}): ingestion's front reads PDFs through it ({@code PdfReader}),
 * and the answer engine finds a quote's place on its page ({@code PdfPages}). Kept as
 * one, because neither class can join the module's top package: {@code PdfReader} works
 * through this package's helpers ({@code Outline}, {@code Rows}, {@code TableLines},
 * {@code FontHeadings}), which use the top package ({@code Section}, {@code Paragraphs}),
 * so moving it up would make a cycle between the two packages; and the top package
 * already holds the most classes a package may (15). Nor is it a module of its own:
 * reading PDFs is one of the formats of {@code ingestion.reading} (a {@code PagedReader}
 * with its {@code Ocr} and {@code WorkFiles}), not a part another module builds on.
 */
@NamedInterface("pdf")
package dev.ragchat.ingestion.reading.pdf;

import org.springframework.modulith.NamedInterface;
