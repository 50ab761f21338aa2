package dev.ragchat.ingestion.reading;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.ragchat.errors.RejectedInputException;
import dev.ragchat.ingestion.ExternalProgram;
import dev.ragchat.ingestion.RequiresProgram;
import dev.ragchat.ingestion.TestFiles;
import dev.ragchat.ingestion.archive.ArchiveLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class DocumentReaderTests {

	static final Ocr NO_OCR = new Ocr("no-such-ocr-command", "eng", Duration.ofSeconds(5));

	@TempDir
	Path dir;

	final MediaTypes mediaTypes = new MediaTypes();

	@Test
	void readsAPdfPageByPageAndReportsProgress() throws Exception {
		Path pdf = TestFiles.factsPdf(this.dir.resolve("facts.pdf"));
		List<Integer> progress = new ArrayList<>();
		ParsedDocument parsed = reader(NO_OCR).read(pdf, "application/pdf", (done, total) -> progress.add(done));
		assertThat(parsed.pages()).isEqualTo(4);
		assertThat(progress).containsExactly(1, 2, 3, 4);
		assertThat(parsed.sections()).filteredOn((s) -> s.text().contains("automated in 1987"))
			.extracting(Section::page)
			.containsExactly(3);
	}

	@Test
	void keepsDocxHeadings() throws Exception {
		Path docx = TestFiles.handbookDocx(this.dir.resolve("handbook.docx"));
		ParsedDocument parsed = read(docx);
		assertThat(parsed.sections()).filteredOn((s) -> s.text().equals(TestFiles.DOCX_FACT))
			.extracting(Section::headingPath)
			.containsExactly("Setup > Linux");
		assertThat(parsed.sections()).filteredOn((s) -> s.text().startsWith("Start the agent"))
			.extracting(Section::headingPath)
			.containsExactly("Usage");
	}

	@Test
	void keepsHtmlHeadings() throws Exception {
		Path html = this.dir.resolve("guide.html");
		Files.writeString(html, "<html><body><h1>Guide</h1><p>Intro.</p><h2>Setup</h2><h3>Detail</h3>"
				+ "<p>Deep text.</p><h2>Other</h2><p>Other text.</p></body></html>");
		ParsedDocument parsed = read(html);
		assertThat(parsed.sections()).extracting(Section::headingPath, Section::text)
			.contains(org.assertj.core.groups.Tuple.tuple("Guide > Setup > Detail", "Deep text."),
					org.assertj.core.groups.Tuple.tuple("Guide > Other", "Other text."));
	}

	@Test
	void leavesOutAWebPagesNavigationSidebarAndFooter() throws Exception {
		Path html = this.dir.resolve("placement.html");
		Files.writeString(html, """
				<!DOCTYPE html><html><head><title>Pin Placement — Tool docs</title>
				<script>var theme = "dark";</script></head><body>
				<header><a href="index.html">Tool docs</a></header>
				<nav aria-label="Contents"><h2>Contents</h2><ul><li><a href="routing.html">Global Routing</a></li>
				<li><a href="timing.html">Timing Repair</a></li></ul></nav>
				<article><h1>Pin Placement</h1><p>Pins are placed on the die boundary.</p></article>
				<aside><p>Related: floorplanning.</p></aside>
				<footer><p>Copyright 2024. Built with a site generator.</p></footer></body></html>""");
		ParsedDocument parsed = read(html);
		assertThat(parsed.sections()).extracting(Section::headingPath, Section::text)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("", "Tool docs"),
					org.assertj.core.groups.Tuple.tuple("Pin Placement", "Pins are placed on the die boundary."));
		// the head's title is the document's title, not a paragraph of its text
		assertThat(parsed.title()).isEqualTo("Pin Placement — Tool docs");
	}

	@Test
	void readsOnlyTheMainContentOfAWebPageThatMarksIt() throws Exception {
		Path html = this.dir.resolve("timing.html");
		Files.writeString(html, """
				<html><head><title>Timing Repair</title></head><body>
				<header><h1>Tool docs</h1><p>Skip to content</p></header>
				<main><p>Home » Timing Repair</p><h2>Timing Repair</h2><p>repair_timing fixes setup violations.</p>
				<table><tr><th>Option</th><th>Meaning</th></tr><tr><td>-setup</td><td>setup only</td></tr></table>
				</main><p>Cookie notice: this site uses cookies.</p></body></html>""");
		assertThat(read(html).sections()).extracting(Section::headingPath, Section::text)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("", "Home » Timing Repair"),
					org.assertj.core.groups.Tuple.tuple("Timing Repair", "repair_timing fixes setup violations."),
					org.assertj.core.groups.Tuple.tuple("Timing Repair", "Option | Meaning"),
					org.assertj.core.groups.Tuple.tuple("Timing Repair", "-setup | setup only"));
		// a main that a script fills holds no text: the page is read whole
		Path scripted = this.dir.resolve("app.html");
		Files.writeString(scripted, "<html><body><h1>App</h1><p>Loading the guide.</p><main></main></body></html>");
		assertThat(read(scripted).sections()).extracting(Section::text).containsExactly("Loading the guide.");
	}

	@Test
	void leavesOutWhatABrowserDoesNotShowAsThePagesText() throws Exception {
		Path html = this.dir.resolve("repair.html");
		Files.writeString(html, """
				<html><body><noscript>Please enable JavaScript.</noscript>
				<h2>Repair Timing<a class="headerlink" href="#repair" aria-hidden="true">¶</a></h2>
				<p>repair_timing fixes setup violations.<button>Copy</button></p>
				<select><option>English</option><option>Deutsch</option></select>
				<template><p>A row filled by a script.</p></template>
				<div hidden><p>A draft nobody sees.</p><table><tr><td>hidden cell</td></tr></table></div>
				<div aria-hidden="false"><p>Shown to everyone.</p></div>
				<p>It runs after placement.</p>
				<h3>Options<a class="headerlink" href="#options" title="Link to this heading">¶</a></h3>
				<p>-setup repairs setup only.</p></body></html>""");
		assertThat(read(html).sections()).extracting(Section::headingPath, Section::text)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple("Repair Timing", "repair_timing fixes setup violations."),
					org.assertj.core.groups.Tuple.tuple("Repair Timing", "Shown to everyone."),
					org.assertj.core.groups.Tuple.tuple("Repair Timing", "It runs after placement."),
					org.assertj.core.groups.Tuple.tuple("Repair Timing > Options", "-setup repairs setup only."));
	}

	@Test
	void readsAWebPageBuiltOfDivsAsTheBlocksABrowserShows() throws Exception {
		Path html = this.dir.resolve("router.html");
		Files.writeString(html, "<html><body><div class=\"title\">Global Routing</div><section><div>The router"
				+ " assigns nets to tiles.</div><div>Congestion is reported per layer.</div></section>"
				+ "<article><header>Options</header><div>-verbose prints progress.</div></article></body></html>");
		assertThat(read(html).sections()).extracting(Section::text)
			.containsExactly("Global Routing", "The router assigns nets to tiles.", "Congestion is reported per layer.",
					"Options", "-verbose prints progress.");
	}

	@Test
	void readsAWebPageOfNavigationOnlyAsItsTitle() throws Exception {
		Path html = this.dir.resolve("index.html");
		Files.writeString(html, "<html><head><title>Tool docs</title></head><body><nav><ul><li><a href=\"a.html\">"
				+ "Placement</a></li></ul></nav></body></html>");
		assertThat(read(html).sections()).extracting(Section::text).containsExactly("Tool docs");
	}

	@Test
	void keepsMarkdownHeadingsButNotHashesInCode() throws Exception {
		Path md = this.dir.resolve("notes.md");
		Files.writeString(md, "# Notes\n\nFirst.\n\n## Build\n\n```\n# not a heading\n```\n\nRun make.\n");
		ParsedDocument parsed = read(md);
		assertThat(parsed.sections()).extracting(Section::headingPath).containsOnly("Notes", "Notes > Build");
		assertThat(parsed.sections()).filteredOn((s) -> s.text().equals("Run make."))
			.extracting(Section::headingPath)
			.containsExactly("Notes > Build");
	}

	@Test
	void readsMarkdownTablesAsRowsAndLinksAsTheirText() throws Exception {
		Path md = this.dir.resolve("routing.md");
		Files.writeString(md, """
				### Set Routing Alpha

				The `set_routing_alpha` command trades **wirelength** for [path depth](https://example.org/depth.md).

				| Switch Name | Description |
				| ----- | ----- |
				| `-net` | Net name. |
				| `alpha` | The trade-off, `[0, 1]`. |
				""");
		ParsedDocument parsed = read(md);
		assertThat(parsed.sections()).extracting(Section::headingPath, Section::text, Section::tableHeader)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple("Set Routing Alpha",
							"The set_routing_alpha command trades wirelength for path depth.", null),
					org.assertj.core.groups.Tuple.tuple("Set Routing Alpha", "Switch Name | Description",
							"Switch Name | Description"),
					org.assertj.core.groups.Tuple.tuple("Set Routing Alpha", "-net | Net name.",
							"Switch Name | Description"),
					org.assertj.core.groups.Tuple.tuple("Set Routing Alpha", "alpha | The trade-off, [0, 1].",
							"Switch Name | Description"));
		assertThat(parsed.title()).isEqualTo("Set Routing Alpha");
	}

	@Test
	void takesTheTitleOfMarkdownFrontMatterAndLeavesTheRestOut() throws Exception {
		Path md = this.dir.resolve("post.md");
		Files.writeString(md, "---\ntitle: \"Travel policy\"\nlayout: post\n---\nTrains are booked in second class.\n");
		ParsedDocument parsed = read(md);
		assertThat(parsed.sections()).extracting(Section::text).containsExactly("Trains are booked in second class.");
		assertThat(parsed.title()).isEqualTo("Travel policy");
	}

	@Test
	void readsAMarkdownFileOfHeadingsOnlyAsItsHeadings() throws Exception {
		Path md = this.dir.resolve("commands.md");
		Files.writeString(md, "## Commands\n\n### Options\n");
		ParsedDocument parsed = read(md);
		assertThat(parsed.sections()).extracting(Section::headingPath, Section::text)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("", "Commands"),
					org.assertj.core.groups.Tuple.tuple("", "Options"));
		assertThat(parsed.title()).isEqualTo("Commands");
	}

	@Test
	void readsATextOrHtmlFileOfHeadingsOnlyAsItsHeadings() throws Exception {
		Path txt = this.dir.resolve("commands.txt");
		Files.writeString(txt, "## Commands\n\n### Options\n");
		assertThat(read(txt).sections()).extracting(Section::text).containsExactly("## Commands", "### Options");
		Path html = this.dir.resolve("commands.html");
		Files.writeString(html, "<html><body><h2>Commands</h2><h3>Options</h3></body></html>");
		ParsedDocument parsed = read(html);
		assertThat(parsed.sections()).extracting(Section::headingPath, Section::text)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("", "Commands"),
					org.assertj.core.groups.Tuple.tuple("", "Options"));
		assertThat(parsed.title()).isEqualTo("Commands");
	}

	@Test
	void findsNoTextInAWhitespaceOnlyOrEmptyHeadedMarkdownFile() throws Exception {
		Path blank = this.dir.resolve("blank.md");
		Files.writeString(blank, " \n\n\t\n");
		assertThat(read(blank).sections()).isEmpty();
		Path emptyHeading = this.dir.resolve("empty-heading.md");
		Files.writeString(emptyHeading, "## \n\n");
		assertThat(read(emptyHeading).sections()).isEmpty();
	}

	@Test
	@RequiresProgram(ExternalProgram.TESSERACT)
	void readsAScannedPageThroughOcr() throws Exception {
		Ocr tesseract = new Ocr(ExternalProgram.TESSERACT.file().toString(), "eng", Duration.ofSeconds(60));
		Path pdf = TestFiles.scannedPdf(this.dir.resolve("scan.pdf"));
		ParsedDocument parsed = reader(tesseract).read(pdf, "application/pdf", (d, t) -> {
		});
		assertThat(String.join(" ", parsed.sections().stream().map(Section::text).toList())).contains("INVOICE 4711");
		assertThat(parsed.warnings()).isEmpty();
	}

	@Test
	void warnsAboutAScannedPageWhenOcrIsMissing() throws Exception {
		Path pdf = TestFiles.scannedPdf(this.dir.resolve("scan.pdf"));
		ParsedDocument parsed = reader(NO_OCR).read(pdf, "application/pdf", (d, t) -> {
		});
		assertThat(parsed.sections()).isEmpty();
		assertThat(parsed.warnings()).singleElement().asString().contains("Page 1").contains("OCR is not available");
	}

	@Test
	void refusesPasswordProtectedPdfs() throws Exception {
		Path pdf = TestFiles.encryptedPdf(this.dir.resolve("locked.pdf"));
		assertThatExceptionOfType(RejectedInputException.class)
			.isThrownBy(() -> reader(NO_OCR).read(pdf, "application/pdf", (d, t) -> {
			}))
			.withMessageContaining("encrypted");
	}

	@Test
	void refusesZipBombs() throws Exception {
		Path bomb = TestFiles.zipBombDocx(this.dir.resolve("bomb.docx"));
		assertThatExceptionOfType(RejectedInputException.class).isThrownBy(() -> read(bomb))
			.withMessageContaining("zip bomb");
	}

	@Test
	void refusesAnOfficeFileThatInflatesPastTheBoundAsItInflates() throws Exception {
		Path bomb = TestFiles.zipBombDocx(this.dir.resolve("bomb.docx"), 50_000_000L);
		assertThatExceptionOfType(RejectedInputException.class).isThrownBy(() -> bounded(10, 10_000).read(bomb,
				"application/vnd.openxmlformats-officedocument.wordprocessingml.document", (d, t) -> {
				}))
			.withMessage("The file inflates past 10 MB; RAGCHAT_INGESTION_ARCHIVE_MAX_INFLATED raises the limit");
	}

	@Test
	void refusesAnArchiveOfTooManyEntries() throws Exception {
		Path docx = TestFiles.handbookDocx(this.dir.resolve("handbook.docx"));
		Path crowded = this.dir.resolve("crowded.docx");
		try (java.util.zip.ZipFile original = new java.util.zip.ZipFile(docx.toFile());
				java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(crowded))) {
			for (java.util.zip.ZipEntry entry : java.util.Collections.list(original.entries())) {
				zip.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
				original.getInputStream(entry).transferTo(zip);
			}
			for (int i = 0; i < 20; i++) {
				zip.putNextEntry(new java.util.zip.ZipEntry("customXml/item" + i + ".xml"));
				zip.write("<a/>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
			}
		}
		DocumentReader reader = bounded(10, 12);
		assertThat(
				reader.read(docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", (d, t) -> {
				}).sections())
			.isNotEmpty();
		assertThatExceptionOfType(RejectedInputException.class).isThrownBy(() -> reader.read(crowded,
				"application/vnd.openxmlformats-officedocument.wordprocessingml.document", (d, t) -> {
				}))
			.withMessage("The file holds more than 12 archive entries or embedded documents;"
					+ " RAGCHAT_INGESTION_ARCHIVE_MAX_ENTRIES raises the limit");
	}

	@Test
	void refusesAnEmailWhoseZipAttachmentInflatesPastTheBoundAsItInflates() throws Exception {
		java.io.ByteArrayOutputStream attachment = new java.io.ByteArrayOutputStream();
		try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(attachment)) {
			// read to its end by the XML parser, and almost no text: only the count of
			// inflated bytes stops it
			zip.putNextEntry(new java.util.zip.ZipEntry("notes.xml"));
			zip.write("<?xml version=\"1.0\"?><notes><!--".getBytes(java.nio.charset.StandardCharsets.UTF_8));
			byte[] comment = "x".repeat(1 << 20).getBytes(java.nio.charset.StandardCharsets.UTF_8);
			for (int i = 0; i < 20; i++) {
				zip.write(comment);
			}
			zip.write("--><note>Bring the charts.</note></notes>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}
		Path eml = Files.writeString(this.dir.resolve("mail.eml"),
				String.join("\r\n", "From: a@example.com", "To: b@example.com", "Subject: The charts",
						"MIME-Version: 1.0", "Content-Type: multipart/mixed; boundary=\"b1\"", "", "--b1",
						"Content-Type: text/plain", "", "See the attachment.", "--b1",
						"Content-Type: application/zip; name=\"notes.zip\"",
						"Content-Disposition: attachment; filename=\"notes.zip\"", "Content-Transfer-Encoding: base64",
						"", java.util.Base64.getMimeEncoder().encodeToString(attachment.toByteArray()), "--b1--", ""));
		assertThatExceptionOfType(RejectedInputException.class)
			.isThrownBy(() -> bounded(5, 10_000).read(eml, "message/rfc822", (d, t) -> {
			}))
			.withMessage("The documents inside the file inflate past 5 MB;"
					+ " RAGCHAT_INGESTION_ARCHIVE_MAX_INFLATED raises the limit");
		assertThat(bounded(50, 10_000).read(eml, "message/rfc822", (d, t) -> {
		}).sections()).extracting(Section::text).contains("See the attachment.");
	}

	private DocumentReader bounded(int megabytes, int entries) {
		return Readers.of(NO_OCR, 100, 50_000_000, this.dir,
				new ArchiveLimits(org.springframework.util.unit.DataSize.ofMegabytes(megabytes), entries));
	}

	@Test
	void refusesEntityDeclarations() throws Exception {
		Path xhtml = TestFiles.entityBombXhtml(this.dir.resolve("laughs.xhtml"));
		assertThatExceptionOfType(RejectedInputException.class).isThrownBy(() -> read(xhtml))
			.withMessageContaining("entities");
	}

	@Test
	void refusesPdfsOverThePageLimit() throws Exception {
		Path pdf = TestFiles.factsPdf(this.dir.resolve("facts.pdf"));
		assertThatExceptionOfType(RejectedInputException.class)
			.isThrownBy(() -> Readers.of(NO_OCR, 3, 1_000_000).read(pdf, "application/pdf", (d, t) -> {
			}))
			.withMessageContaining("at most 3");
	}

	@Test
	void summarisesThousandsOfPagesWithoutTextInAFewWarnings() throws Exception {
		Path pdf = TestFiles.mostlyBlankPdf(this.dir.resolve("blank.pdf"), 1_200, true);
		ParsedDocument parsed = Readers.of(NO_OCR, 5_000, 1_000_000).read(pdf, "application/pdf", (d, t) -> {
		});
		assertThat(parsed.pages()).isEqualTo(1_200);
		assertThat(parsed.sections()).singleElement().extracting(Section::page).isEqualTo(1);
		assertThat(parsed.warnings()).containsExactly(
				"Page 1200 has no text layer, only images, and OCR is not available (install tesseract-ocr);"
						+ " not indexed",
				"1,198 pages (2–1199) have no text and nothing to read (blank)");
	}

	@Test
	void runsOcrOnlyOnPagesThatDrawSomething() throws Exception {
		Path calls = this.dir.resolve("ocr-calls");
		Path command = this.dir.resolve("fake-tesseract");
		Files.writeString(command, "#!/bin/sh\n[ \"$1\" = --version ] && exit 0\necho \"$1\" >> " + calls + "\n");
		command.toFile().setExecutable(true);
		Ocr counting = new Ocr(command.toString(), "eng", Duration.ofSeconds(10));
		assumeTrue(counting.isAvailable(), "needs a POSIX shell");
		Path pdf = TestFiles.mostlyBlankPdf(this.dir.resolve("blank.pdf"), 60, true);
		ParsedDocument parsed = Readers.of(counting, 100, 1_000_000, this.dir).read(pdf, "application/pdf", (d, t) -> {
		});
		assertThat(Files.readAllLines(calls)).hasSize(1);
		assertThat(parsed.warnings()).contains("Page 60 has no text layer and OCR found no text");
	}

	@Test
	void findsOcrInstalledAfterStartWithoutARestart() throws Exception {
		Path command = this.dir.resolve("tesseract-installed-later");
		Ocr ocr = new Ocr(command.toString(), "eng", Duration.ofSeconds(10));
		assertThat(ocr.isAvailable()).isFalse();
		Files.writeString(command, "#!/bin/sh\n[ \"$1\" = --version ] && exit 0\necho INSTALLED LATER\n");
		command.toFile().setExecutable(true);
		assertThat(ocr.isAvailable()).isTrue();
		assertThat(ocr.read(TestFiles.factsPdf(this.dir.resolve("any.pdf")))).contains("INSTALLED LATER");
	}

	@Test
	void namesTheLimitALongSingleLineOfTextHitsAndTheSettingThatRaisesIt() throws Exception {
		Path text = this.dir.resolve("line.txt");
		Files.writeString(text, "word ".repeat(60_000));
		assertThatExceptionOfType(RejectedInputException.class)
			.isThrownBy(() -> Readers.of(NO_OCR, 100, 100_000).read(text, "text/plain", (d, t) -> {
			}))
			.withMessage("The document holds more than 100000 characters of text;"
					+ " RAGCHAT_INGESTION_MAX_TEXT raises the limit");
		Path markdown = this.dir.resolve("line.md");
		Files.writeString(markdown, "# Words\n\n" + "word ".repeat(100_000));
		assertThatExceptionOfType(RejectedInputException.class)
			.isThrownBy(() -> Readers.of(NO_OCR, 100, 100_000).read(markdown, "text/markdown", (d, t) -> {
			}))
			.withMessageContaining("more than 100000 characters of text")
			.withMessageContaining("RAGCHAT_INGESTION_MAX_TEXT");
	}

	@Test
	void namesThePageLimitAndTheSettingThatRaisesIt() throws Exception {
		Path pdf = TestFiles.factsPdf(this.dir.resolve("facts.pdf"));
		assertThatExceptionOfType(RejectedInputException.class)
			.isThrownBy(() -> Readers.of(NO_OCR, 3, 1_000_000).read(pdf, "application/pdf", (d, t) -> {
			}))
			.withMessage("The PDF has 4 pages; at most 3 are accepted; RAGCHAT_INGESTION_MAX_PAGES raises the limit");
	}

	private ParsedDocument read(Path file) throws Exception {
		return reader(NO_OCR).read(file, this.mediaTypes.detect(file, file.getFileName().toString()), (d, t) -> {
		});
	}

	private static DocumentReader reader(Ocr ocr) {
		return Readers.of(ocr, 100, 50_000_000);
	}

}
