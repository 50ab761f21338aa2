package dev.ragchat.ingestion;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTString;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * Makes the documents tests (and the {@code http/} walk-through) upload: a PDF with one
 * fact per page, a DOCX with headings, a PDF page that is only a picture of text.
 */
public final class TestFiles {

	/** The fact on page 3 of {@link #factsPdf}. */
	public static final String PAGE_THREE_FACT = "The lighthouse on Kestrel Point was automated in 1987.";

	/** The fact under "Setup > Linux" in {@link #handbookDocx}. */
	public static final String DOCX_FACT = "On Linux the agent stores its cache in /var/cache/ragagent.";

	/** The text painted on the scanned page of {@link #scannedPdf}. */
	public static final String SCANNED_FACT = "INVOICE 4711 TOTAL 99 EUR";

	private static final List<String> PAGES = List.of(
			"Harbour history. The harbour was dredged in 1902 to let larger steamers in.",
			"Fishing fleet. In 1950 the fleet counted forty boats, most of them trawlers.",
			PAGE_THREE_FACT + " Before that, three keepers lived there in rotation.",
			"Tourism. The old customs house became a maritime museum in 2004.");

	private TestFiles() {
	}

	public static Path factsPdf(Path file) throws IOException {
		try (PDDocument pdf = new PDDocument()) {
			for (String text : PAGES) {
				PDPage page = new PDPage();
				pdf.addPage(page);
				try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
					content.beginText();
					content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
					content.newLineAtOffset(72, 700);
					for (String sentence : text.split("(?<=\\.) ")) {
						content.showText(sentence);
						content.newLineAtOffset(0, -16);
					}
					content.endText();
				}
			}
			pdf.save(file.toFile());
		}
		return file;
	}

	/**
	 * A PDF whose first page holds one sentence and whose other pages are blank (no text,
	 * no images; every tenth draws a frame of lines), like the 5,000-page file of the
	 * hardening issues.
	 * @param file where to write it
	 * @param pages how many pages in all
	 * @param scannedLast whether the last page is {@link #scannedPdf}'s picture instead
	 * @return the file
	 * @throws IOException if it cannot be written
	 */
	public static Path mostlyBlankPdf(Path file, int pages, boolean scannedLast) throws IOException {
		Path scan = scannedLast ? scannedPdf(Files.createTempFile(file.toAbsolutePath().getParent(), "scan", ".pdf"))
				: null;
		try (PDDocument pdf = new PDDocument();
				PDDocument scanned = (scan != null) ? org.apache.pdfbox.Loader.loadPDF(scan.toFile()) : null) {
			PDPage first = new PDPage();
			pdf.addPage(first);
			try (PDPageContentStream content = new PDPageContentStream(pdf, first)) {
				content.beginText();
				content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
				content.newLineAtOffset(72, 700);
				content.showText("The only text of this file: the blank pages follow.");
				content.endText();
			}
			for (int i = 2; i <= pages - ((scanned != null) ? 1 : 0); i++) {
				PDPage page = new PDPage();
				pdf.addPage(page);
				if (i % 10 == 0) {
					try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
						content.addRect(36, 36, 540, 720);
						content.stroke();
					}
				}
			}
			if (scanned != null) {
				pdf.importPage(scanned.getPage(0));
			}
			pdf.save(file.toFile());
		}
		finally {
			if (scan != null) {
				Files.deleteIfExists(scan);
			}
		}
		return file;
	}

	public static Path handbookDocx(Path file) throws IOException {
		try (XWPFDocument docx = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
			XWPFStyles styles = docx.createStyles();
			style(styles, "Heading1", "heading 1");
			style(styles, "Heading2", "heading 2");
			heading(docx, "Heading1", "Setup");
			paragraph(docx, "Install the agent before the first run.");
			heading(docx, "Heading2", "Linux");
			paragraph(docx, DOCX_FACT);
			heading(docx, "Heading1", "Usage");
			paragraph(docx, "Start the agent with the run command.");
			docx.write(out);
		}
		return file;
	}

	public static Path scannedPdf(Path file) throws IOException {
		BufferedImage image = new BufferedImage(1700, 400, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, image.getWidth(), image.getHeight());
		g.setColor(Color.BLACK);
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 72));
		g.drawString(SCANNED_FACT, 60, 220);
		g.dispose();
		try (PDDocument pdf = new PDDocument()) {
			PDPage page = new PDPage();
			pdf.addPage(page);
			PDImageXObject picture = LosslessFactory.createFromImage(pdf, image);
			try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
				content.drawImage(picture, 36, 500, 540, 127);
			}
			pdf.save(file.toFile());
		}
		return file;
	}

	public static Path truncatedPdf(Path file) throws IOException {
		byte[] whole = Files.readAllBytes(factsPdf(file));
		Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2));
		return file;
	}

	public static Path encryptedPdf(Path file) throws IOException {
		try (PDDocument pdf = new PDDocument()) {
			pdf.addPage(new PDPage());
			pdf.protect(new org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy("owner-secret", "user-secret",
					new org.apache.pdfbox.pdmodel.encryption.AccessPermission()));
			pdf.save(file.toFile());
		}
		return file;
	}

	/**
	 * A DOCX whose text is about 1000 times larger than the file.
	 * @param file where to write it
	 * @return the file
	 * @throws IOException if it cannot be written
	 */
	public static Path zipBombDocx(Path file) throws IOException {
		return zipBombDocx(file, 50_000_000L);
	}

	/**
	 * A valid DOCX whose {@code word/document.xml} inflates to about {@code inflated}
	 * bytes (paragraphs of one repeated word), about a thousand times its file's size;
	 * written as a stream, never held.
	 * @param file where to write it
	 * @param inflated about how many bytes its text part inflates to
	 * @return the file
	 * @throws IOException if it cannot be written
	 */
	public static Path zipBombDocx(Path file, long inflated) throws IOException {
		try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(
				new java.io.BufferedOutputStream(Files.newOutputStream(file)))) {
			zip.putNextEntry(new java.util.zip.ZipEntry("[Content_Types].xml"));
			zip.write(
					("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
							+ "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
							+ "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
							+ "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>")
						.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			zip.putNextEntry(new java.util.zip.ZipEntry("_rels/.rels"));
			zip.write(
					("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
							+ "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>")
						.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			zip.putNextEntry(new java.util.zip.ZipEntry("word/document.xml"));
			zip.write(
					("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>")
						.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			byte[] paragraph = ("<w:p><w:r><w:t>" + "bomb ".repeat(2000) + "</w:t></w:r></w:p>")
				.getBytes(java.nio.charset.StandardCharsets.UTF_8);
			for (long written = 0; written < inflated; written += paragraph.length) {
				zip.write(paragraph);
			}
			zip.write("</w:body></w:document>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}
		return file;
	}

	/**
	 * An XHTML file with a "billion laughs" entity expansion.
	 * @param file where to write it
	 * @return the file
	 * @throws IOException if it cannot be written
	 */
	public static Path entityBombXhtml(Path file) throws IOException {
		StringBuilder dtd = new StringBuilder("<!ENTITY lol0 \"lollollollollollollollollollol\">");
		for (int i = 1; i <= 9; i++) {
			dtd.append("<!ENTITY lol").append(i).append(" \"");
			dtd.append(("&lol" + (i - 1) + ";").repeat(10));
			dtd.append("\">");
		}
		Files.writeString(file, "<?xml version=\"1.0\"?>\n<!DOCTYPE html [" + dtd + "]>\n"
				+ "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>t</title></head><body><p>&lol9;</p></body></html>");
		return file;
	}

	/**
	 * A PDF whose XFA form refers to an external entity ({@code file:///etc/passwd}).
	 * @param file where to write it
	 * @return the file
	 * @throws IOException if it cannot be written
	 */
	public static Path xfaXxePdf(Path file) throws IOException {
		try (PDDocument pdf = new PDDocument()) {
			PDPage page = new PDPage();
			pdf.addPage(page);
			try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
				content.beginText();
				content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
				content.newLineAtOffset(72, 700);
				content.showText("This form has an XFA part.");
				content.endText();
			}
			org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm form = new org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm(
					pdf);
			pdf.getDocumentCatalog().setAcroForm(form);
			org.apache.pdfbox.cos.COSStream xfa = pdf.getDocument().createCOSStream();
			try (OutputStream out = xfa.createOutputStream()) {
				out.write(("<?xml version=\"1.0\"?><!DOCTYPE xdp [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
						+ "<xdp:xdp xmlns:xdp=\"http://ns.adobe.com/xdp/\"><template>&xxe;</template></xdp:xdp>")
					.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			}
			form.getCOSObject().setItem(org.apache.pdfbox.cos.COSName.XFA, xfa);
			pdf.save(file.toFile());
		}
		return file;
	}

	private static void style(XWPFStyles styles, String id, String name) {
		CTStyle style = CTStyle.Factory.newInstance();
		style.setStyleId(id);
		style.setType(STStyleType.PARAGRAPH);
		CTString styleName = CTString.Factory.newInstance();
		styleName.setVal(name);
		style.setName(styleName);
		styles.addStyle(new XWPFStyle(style));
	}

	private static void heading(XWPFDocument docx, String style, String text) {
		XWPFParagraph paragraph = docx.createParagraph();
		paragraph.setStyle(style);
		paragraph.createRun().setText(text);
	}

	private static void paragraph(XWPFDocument docx, String text) {
		docx.createParagraph().createRun().setText(text);
	}

	/**
	 * Writes the walk-through's fixtures.
	 * @param args the target directory
	 * @throws IOException if they cannot be written
	 */
	public static void main(String[] args) throws IOException {
		Path dir = Files.createDirectories(Path.of(args[0]));
		factsPdf(dir.resolve("harbour-facts.pdf"));
		handbookDocx(dir.resolve("agent-handbook.docx"));
		scannedPdf(dir.resolve("scanned-invoice.pdf"));
	}

}
