package dev.ragchat.ingestion.reading.pdf;

import java.nio.file.Path;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding a cited passage on its PDF page: word for word across blanks, and a table row
 * an answer wrote again in its own way.
 */
class PdfPagesTests {

	/** A balance sheet's rows: label, then the figures of two years in columns. */
	static final List<List<String>> ROWS = List.of(List.of("Current content liabilities", "$ 4,173,041", "$ 3,329,796"),
			List.of("Accounts payable", "359,555", "312,842"), List.of("Accrued expenses", "315,094", "197,632"),
			List.of("Deferred revenue", "618,622", "443,472"),
			List.of("Total current liabilities", "5,466,312", "4,586,657"));

	@TempDir
	Path dir;

	@Test
	void findsEachReformattedRowOfATableOnItsOwnLine() throws Exception {
		try (PDDocument pdf = Loader.loadPDF(table(this.dir.resolve("sheet.pdf")).toFile())) {
			// the rows as an answer writes them: another separator, no currency sign, one
			// figure left out, a word added
			List<String> quotes = List.of("Current content liabilities: 4,173,041 (2017)",
					"Accrued expenses were $315,094 in 2017", "Total current liabilities | 5,466,312 | 4,586,657");
			List<Integer> rows = List.of(0, 2, 4);
			for (int i = 0; i < quotes.size(); i++) {
				assertThat(PdfPages.locate(pdf, 1, quotes.get(i))).as(quotes.get(i)).isPresent();
				PdfPages.Located located = PdfPages.locate(pdf, 1, quotes.get(i)).orElseThrow();
				assertThat(located.boxes()).hasSize(1);
				assertThat(row(located.boxes().get(0))).isEqualTo(rows.get(i));
				assertThat(located.quote()).startsWith(ROWS.get(rows.get(i)).get(0));
			}
		}
	}

	@Test
	void findsNothingRatherThanAnotherRow() throws Exception {
		try (PDDocument pdf = Loader.loadPDF(table(this.dir.resolve("sheet.pdf")).toFile())) {
			// the label of one row with the figure of none
			assertThat(PdfPages.locate(pdf, 1, "Accounts payable were 999,999")).isEmpty();
			assertThat(PdfPages.locate(pdf, 1, "The ferry leaves at nine")).isEmpty();
		}
	}

	@Test
	void findsAPassageWordForWordAcrossBlanksAndLineBreaks() throws Exception {
		try (PDDocument pdf = Loader.loadPDF(table(this.dir.resolve("sheet.pdf")).toFile())) {
			PdfPages.Located located = PdfPages.locate(pdf, 1, "Deferred   revenue 618,622\n443,472").orElseThrow();
			assertThat(row(located.boxes().get(0))).isEqualTo(3);
		}
	}

	/** Which row a box is on: rows are 20 points apart from 700 up. */
	private static int row(PdfPages.Box box) {
		double middle = (box.y() + box.height() / 2) * 792;
		return (int) Math.round((middle - (792 - 700) + 4) / 20);
	}

	static Path table(Path file) throws Exception {
		try (PDDocument pdf = new PDDocument()) {
			PDPage page = new PDPage();
			pdf.addPage(page);
			try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
				PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
				for (int r = 0; r < ROWS.size(); r++) {
					float[] columns = { 72, 330, 450 };
					for (int c = 0; c < 3; c++) {
						content.beginText();
						content.setFont(font, 10);
						content.newLineAtOffset(columns[c], 700 - 20 * r);
						content.showText(ROWS.get(r).get(c));
						content.endText();
					}
				}
			}
			pdf.save(file.toFile());
		}
		return file;
	}

}
