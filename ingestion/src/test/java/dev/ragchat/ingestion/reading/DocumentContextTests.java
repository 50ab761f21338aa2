package dev.ragchat.ingestion.reading;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.ragchat.retrieval.Chunk;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class DocumentContextTests {

	static final Ocr NO_OCR = new Ocr("no-such-ocr-command", "eng", Duration.ofSeconds(5));

	static final String OPERATIONS = "Item 8. Financial Statements > ACME CORP. CONSOLIDATED STATEMENTS OF OPERATIONS";

	static final String BALANCE_SHEETS = "Item 8. Financial Statements > CONSOLIDATED BALANCE SHEETS";

	@TempDir
	Path dir;

	@Test
	void keepsAPdfTablesRowsAsRowsWithTheirHeader() throws Exception {
		Path pdf = statement(this.dir.resolve("ACME_2022_10K.pdf"), null, false);
		ParsedDocument parsed = Readers.of(NO_OCR, 10, 1_000_000).read(pdf, "application/pdf", (d, t) -> {
		});
		List<Section> rows = parsed.sections().stream().filter(Section::isTableRow).toList();
		assertThat(rows).extracting(Section::text)
			.containsExactly("Years Ended December 31, 2022 2021", "Total revenues $ 66,608 $ 62,286",
					"Net income (loss) 1,577 (2,032)");
		assertThat(rows).allSatisfy((row) -> assertThat(row.tableHeader()).isEqualTo(rows.get(0).text()));
		assertThat(parsed.sections()).filteredOn((s) -> !s.isTableRow())
			.extracting(Section::text)
			.containsExactly("Our revenues grew in 2022 as customers bought more.");
	}

	@Test
	void repeatsTheHeaderRowInAChunkThatStartsInsideATable() throws Exception {
		Path pdf = statement(this.dir.resolve("ACME_2022_10K.pdf"), null, true);
		ParsedDocument parsed = Readers.of(NO_OCR, 10, 1_000_000).read(pdf, "application/pdf", (d, t) -> {
		});
		List<Chunk> chunks = new Chunker((text) -> text.split("\\s+").length + 2, 40, 0).chunk("kb", "doc",
				"ACME_2022_10K.pdf", java.util.Map.of(), Titles.of(parsed, "ACME_2022_10K.pdf"), parsed.sections());
		assertThat(chunks).hasSizeGreaterThan(1);
		List<Chunk> withRows = chunks.stream().filter((c) -> c.text().contains("Revenue line")).toList();
		assertThat(withRows).hasSizeGreaterThan(1)
			.allSatisfy((c) -> assertThat(c.text()).contains("Years Ended December 31, 2022 2021\n"));
		assertThat(withRows.get(1).text().lines().toList()).allSatisfy(
				(line) -> assertThat(line).matches("Years Ended December 31, 2022 2021|Revenue line \\d+ \\d+ \\d+"));
	}

	@Test
	void givesEveryChunkItsTitleAndHeadingPathWhileItsTextStaysTheDocuments() throws Exception {
		Path pdf = statement(this.dir.resolve("ACME_2022_10K.pdf"), "Acme Corp Annual Report 2022", false);
		ParsedDocument parsed = Readers.of(NO_OCR, 10, 1_000_000).read(pdf, "application/pdf", (d, t) -> {
		});
		List<Chunk> chunks = new Chunker((text) -> text.split("\\s+").length + 2, 200, 20).chunk("kb", "doc",
				"ACME_2022_10K.pdf", java.util.Map.of(), Titles.of(parsed, "ACME_2022_10K.pdf"), parsed.sections());
		assertThat(chunks).allSatisfy((chunk) -> {
			assertThat(chunk.title()).isEqualTo("Acme Corp Annual Report 2022");
			assertThat(chunk.headingPath()).isEqualTo("Financial Statements > Consolidated Statements of Operations");
			assertThat(chunk.indexText()).startsWith("Acme Corp Annual Report 2022\n"
					+ "Financial Statements > Consolidated Statements of Operations\n");
			assertThat(chunk.text()).doesNotContain("Acme").doesNotContain("Financial Statements");
		});
		assertThat(String.join("\n", chunks.stream().map(Chunk::text).toList()))
			.contains("Our revenues grew in 2022 as customers bought more.");
	}

	@Test
	void findsHeadingPathsByFontSizeAndWeightInAPdfWithoutAnOutline() throws Exception {
		Path pdf = this.dir.resolve("ACME_2022_10K.pdf");
		try (PDDocument document = new PDDocument()) {
			PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
			PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
			page(document, List.of(new Line(bold, 20, "FORM 10-K"), new Line(regular, 10, "Annual report for 2022.")));
			page(document, List.of(new Line(bold, 16, "Item 8. Financial Statements"),
					new Line(regular, 10, "The statements below are audited."), new Line(bold, 10, "ACME CORP."),
					new Line(bold, 10, "CONSOLIDATED STATEMENTS OF OPERATIONS"),
					new Line(regular, 10, "Years Ended December 31, 2022 2021"), new Line(bold, 10, "Net sales"),
					new Line(regular, 10, "Total revenues 66,608 62,286"),
					new Line(regular, 10, "Net income 1,577 2,032")));
			page(document,
					List.of(new Line(regular, 10, "Revenue grew in every region of the world."),
							new Line(bold, 10, "CONSOLIDATED BALANCE SHEETS"),
							new Line(regular, 10, "Total assets are shown at cost."),
							new Line(regular, 10, "They include the goodwill of past acquisitions.")));
			document.save(pdf.toFile());
		}
		ParsedDocument parsed = Readers.of(NO_OCR, 10, 1_000_000).read(pdf, "application/pdf", (d, t) -> {
		});
		// the cover page's heading is not carried; a bold row label in sentence case is
		// no
		// heading
		assertThat(parsed.sections()).extracting(Section::page, Section::text, Section::headingPath)
			.containsExactly(tuple(1, "FORM 10-K", "FORM 10-K"), tuple(1, "Annual report for 2022.", "FORM 10-K"),
					tuple(2, "Item 8. Financial Statements", "Item 8. Financial Statements"),
					tuple(2, "The statements below are audited.", "Item 8. Financial Statements"),
					tuple(2, "ACME CORP.", OPERATIONS), tuple(2, "CONSOLIDATED STATEMENTS OF OPERATIONS", OPERATIONS),
					tuple(2, "Years Ended December 31, 2022 2021", OPERATIONS), tuple(2, "Net sales", OPERATIONS),
					tuple(2, "Total revenues 66,608 62,286", OPERATIONS),
					tuple(2, "Net income 1,577 2,032", OPERATIONS),
					tuple(3, "Revenue grew in every region of the world.", OPERATIONS),
					tuple(3, "CONSOLIDATED BALANCE SHEETS", BALANCE_SHEETS),
					tuple(3, "Total assets are shown at cost.", BALANCE_SHEETS),
					tuple(3, "They include the goodwill of past acquisitions.", BALANCE_SHEETS));
	}

	private static void page(PDDocument document, List<Line> lines) throws IOException {
		PDPage page = new PDPage();
		document.addPage(page);
		try (PDPageContentStream content = new PDPageContentStream(document, page)) {
			content.beginText();
			content.newLineAtOffset(72, 740);
			for (Line line : lines) {
				content.setFont(line.font(), line.size());
				content.showText(line.text());
				content.newLineAtOffset(0, -line.size() * 1.5f);
			}
			content.endText();
		}
	}

	@Test
	void titlesADocumentWithoutAMeaningfulTitleByItsFileName() {
		assertThat(Titles.of(new ParsedDocument(List.of(), 1, List.of(), Titles.meaningful("Microsoft Word - x.docx")),
				"3M_2018_10K.pdf"))
			.isEqualTo("3M 2018 10K");
		assertThat(Titles.meaningful("untitled")).isEmpty();
		assertThat(Titles.meaningful("Form 8-K for Foot Locker INC filed 05/19/2022"))
			.isEqualTo("Form 8-K for Foot Locker INC filed 05/19/2022");
	}

	/**
	 * A page of prose and a small income statement, drawn line by line as filings' PDFs
	 * are (columns set apart by no-break spaces), optionally with a metadata title and an
	 * outline, or with many rows.
	 */
	static Path statement(Path file, String title, boolean manyRows) throws IOException {
		try (PDDocument pdf = new PDDocument()) {
			PDPage page = new PDPage();
			pdf.addPage(page);
			List<String> lines = new java.util.ArrayList<>(List.of(
					"Our revenues grew in 2022 as customers bought more.", "", "Years Ended December 31, 2022 2021",
					"Total revenues $\u00A066,608 $\u00A062,286", "Net income (loss) 1,577 (2,032)"));
			if (manyRows) {
				lines = new java.util.ArrayList<>(lines.subList(0, 3));
				for (int i = 1; i <= 30; i++) {
					lines.add("Revenue line " + i + " " + (1000 + i) + " " + (900 + i));
				}
			}
			try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
				content.beginText();
				content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 10);
				content.newLineAtOffset(72, 740);
				for (String line : lines) {
					content.showText(line);
					content.newLineAtOffset(0, line.isEmpty() ? -30 : -14);
				}
				content.endText();
			}
			if (title != null) {
				pdf.getDocumentInformation().setTitle(title);
				PDDocumentOutline outline = new PDDocumentOutline();
				PDOutlineItem statements = new PDOutlineItem();
				statements.setTitle("Financial Statements");
				PDPageFitDestination destination = new PDPageFitDestination();
				destination.setPage(page);
				statements.setDestination(destination);
				PDOutlineItem operations = new PDOutlineItem();
				operations.setTitle("Consolidated Statements of Operations");
				operations.setDestination(destination);
				statements.addLast(operations);
				outline.addLast(statements);
				pdf.getDocumentCatalog().setDocumentOutline(outline);
			}
			pdf.save(file.toFile());
		}
		return file;
	}

	private record Line(PDType1Font font, float size, String text) {

	}

}
