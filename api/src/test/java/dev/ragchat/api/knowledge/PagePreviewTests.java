package dev.ragchat.api.knowledge;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import javax.imageio.ImageIO;

import dev.ragchat.api.Calls;
import dev.ragchat.ingestion.TestFiles;
import dev.ragchat.ingestion.reading.pdf.PdfPages;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Pictures of PDF pages with a cited passage highlighted: bounded PNGs, the highlight
 * only inside the passage's boxes, the same authorization as the document, cached and
 * removed with it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PagePreviewTests {

	@Autowired
	dev.ragchat.retrieval.ChunkIndex chunkIndex;

	@Autowired
	MockMvc mvc;

	@Value("${ragchat.master-key}")
	String masterKey;

	@Value("${ragchat.data-dir}")
	Path dataDir;

	@TempDir
	Path dir;

	String kb;

	String key;

	Path pdfFile;

	String pdf;

	@BeforeEach
	void document() throws Exception {
		this.kb = Calls.createKnowledgeBase(this.mvc, this.masterKey, "previews");
		this.key = Calls
			.issueKey(this.mvc, this.masterKey, "{\"scopes\":[\"upload\"],\"knowledgeBases\":[\"" + this.kb + "\"]}")
			.get("key")
			.asText();
		this.pdfFile = TestFiles.factsPdf(this.dir.resolve("harbour.pdf"));
		this.pdf = Calls.uploadAndAwait(this.mvc, this.key, this.kb, "harbour.pdf", Files.readAllBytes(this.pdfFile))
			.get("id")
			.asText();
	}

	@Test
	void rendersAPageAsABoundedPng() throws Exception {
		BufferedImage page = png(pages() + "/3");
		assertThat(page.getWidth()).isBetween(300, 1600);
		assertThat(page.getHeight()).isBetween(300, 1600);
		// US Letter keeps its proportions
		assertThat((double) page.getHeight() / page.getWidth()).isCloseTo(11 / 8.5,
				org.assertj.core.data.Offset.offset(0.02));
	}

	@Test
	void highlightsTheQuoteInsideItsBoxesAndNowhereElse() throws Exception {
		List<PdfPages.Box> boxes;
		try (PDDocument document = Loader.loadPDF(this.pdfFile.toFile())) {
			boxes = PdfPages.locate(document, 3, TestFiles.PAGE_THREE_FACT).orElseThrow().boxes();
		}
		BufferedImage plain = png(pages() + "/3");
		BufferedImage highlighted = png(pages() + "/3?quote="
				+ java.net.URLEncoder.encode(TestFiles.PAGE_THREE_FACT, java.nio.charset.StandardCharsets.UTF_8));
		assertThat(highlighted.getWidth()).isEqualTo(plain.getWidth());
		int inside = 0;
		int insideChanged = 0;
		int outsideChanged = 0;
		for (int y = 0; y < plain.getHeight(); y++) {
			for (int x = 0; x < plain.getWidth(); x++) {
				boolean changed = plain.getRGB(x, y) != highlighted.getRGB(x, y);
				if (inAny(boxes, x, y, plain, 3)) {
					if (inAny(boxes, x, y, plain, 0)) {
						inside++;
						insideChanged += changed ? 1 : 0;
					}
				}
				else {
					outsideChanged += changed ? 1 : 0;
				}
			}
		}
		assertThat(inside).isPositive();
		assertThat(insideChanged).isGreaterThan(inside / 2);
		assertThat(outsideChanged).isZero();
	}

	@Test
	void highlightsAChunkById() throws Exception {
		BufferedImage plain = png(pages() + "/3");
		BufferedImage highlighted = png(pages() + "/3?highlight=" + chunkId(2));
		assertThat(differing(plain, highlighted)).isPositive();
		this.mvc.perform(get(pages() + "/3?highlight=doc_other:2").secure(true).header("X-API-Key", this.key))
			.andExpect(status().isNotFound());
		// chunk 0 is on page 1, not on page 3
		this.mvc.perform(get(pages() + "/3?highlight=" + chunkId(0)).secure(true).header("X-API-Key", this.key))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value(containsString("not on page 3")));
	}

	@Test
	void highlightsTheQuoteWhereItIsOnThePageElseTheChunkItWasCitedFrom() throws Exception {
		String quote = java.net.URLEncoder.encode(TestFiles.PAGE_THREE_FACT, java.nio.charset.StandardCharsets.UTF_8);
		String elsewhere = java.net.URLEncoder.encode("A sentence that no page of the harbour holds at all",
				java.nio.charset.StandardCharsets.UTF_8);
		BufferedImage chunk = png(pages() + "/3?highlight=" + chunkId(2));
		BufferedImage quoted = png(pages() + "/3?quote=" + quote);
		assertThat(differing(chunk, quoted)).isPositive();
		// a chip's own sentence, found on the page: it, not the whole chunk
		assertThat(differing(png(pages() + "/3?highlight=" + chunkId(2) + "&quote=" + quote), quoted)).isZero();
		// a sentence that is not on the page: the chunk it was cited from, not nothing
		// and not another passage
		assertThat(differing(png(pages() + "/3?highlight=" + chunkId(2) + "&quote=" + elsewhere), chunk)).isZero();
	}

	/** Chunk ids are keyed by content: the id of the chunk at a position. */
	private String chunkId(int ordinal) {
		return this.chunkIndex.chunks(this.pdf).get(ordinal).id();
	}

	@Test
	void refusesPagesOutOfRangeWith404Problems() throws Exception {
		for (String page : List.of("0", "5")) {
			this.mvc.perform(get(pages() + "/" + page).secure(true).header("X-API-Key", this.key))
				.andExpect(status().isNotFound())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.detail").value(containsString("4 pages")));
		}
	}

	@Test
	void saysPreviewsExistForPdfsOnly() throws Exception {
		String docx = Calls
			.uploadAndAwait(this.mvc, this.key, this.kb, "handbook.docx",
					Files.readAllBytes(TestFiles.handbookDocx(this.dir.resolve("handbook.docx"))))
			.get("id")
			.asText();
		this.mvc
			.perform(get("/api/v1/knowledge-bases/" + this.kb + "/documents/" + docx + "/pages/1").secure(true)
				.header("X-API-Key", this.key))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value(containsString("PDF documents only")));
	}

	@Test
	void showsPagesOnlyToKeysThatMaySeeTheDocument() throws Exception {
		String other = Calls.createKnowledgeBase(this.mvc, this.masterKey, "elsewhere");
		String otherKey = Calls
			.issueKey(this.mvc, this.masterKey, "{\"scopes\":[\"upload\"],\"knowledgeBases\":[\"" + other + "\"]}")
			.get("key")
			.asText();
		this.mvc.perform(get(pages() + "/1").secure(true).header("X-API-Key", otherKey))
			.andExpect(status().isNotFound());
		this.mvc.perform(get(pages() + "/1").secure(true)).andExpect(status().isUnauthorized());
		this.mvc
			.perform(get("/api/v1/knowledge-bases/" + other + "/documents/" + this.pdf + "/pages/1").secure(true)
				.header("X-API-Key", otherKey))
			.andExpect(status().isNotFound());
	}

	@Test
	void keepsRenderedPagesOwnerOnlyAndRemovesThemWithTheDocument() throws Exception {
		png(pages() + "/2");
		Path cached = this.dataDir.toAbsolutePath().normalize().resolve("pages").resolve(this.kb).resolve(this.pdf);
		try (var files = Files.list(cached)) {
			assertThat(files.map((f) -> f.getFileName().toString())).contains("page-2.png");
		}
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cached))).isEqualTo("rwx------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cached.resolve("page-2.png"))))
			.isEqualTo("rw-------");
		this.mvc
			.perform(delete("/api/v1/knowledge-bases/" + this.kb + "/documents/" + this.pdf).secure(true)
				.header("X-API-Key", this.key))
			.andExpect(status().isNoContent());
		assertThat(cached).doesNotExist();
		this.mvc.perform(get(pages() + "/2").secure(true).header("X-API-Key", this.key))
			.andExpect(status().isNotFound());
	}

	@Test
	void keepsTheCachedCopyOfTheOriginalOwnerOnly() throws Exception {
		png(pages() + "/1");
		Path original = this.dataDir.toAbsolutePath()
			.normalize()
			.resolve("pages")
			.resolve(this.kb)
			.resolve(this.pdf)
			.resolve("original.pdf");
		assertThat(original).isRegularFile();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(original))).isEqualTo("rw-------");
	}

	private String pages() {
		return "/api/v1/knowledge-bases/" + this.kb + "/documents/" + this.pdf + "/pages";
	}

	private BufferedImage png(String url) throws Exception {
		byte[] body = this.mvc.perform(get(url).secure(true).header("X-API-Key", this.key))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.IMAGE_PNG))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		return ImageIO.read(new ByteArrayInputStream(body));
	}

	private static boolean inAny(List<PdfPages.Box> boxes, int x, int y, BufferedImage image, int margin) {
		for (PdfPages.Box box : boxes) {
			double left = box.x() * image.getWidth() - margin;
			double top = box.y() * image.getHeight() - margin;
			double right = (box.x() + box.width()) * image.getWidth() + margin;
			double bottom = (box.y() + box.height()) * image.getHeight() + margin;
			if (x >= left && x <= right && y >= top && y <= bottom) {
				return true;
			}
		}
		return false;
	}

	private static int differing(BufferedImage a, BufferedImage b) {
		int count = 0;
		for (int y = 0; y < a.getHeight(); y++) {
			for (int x = 0; x < a.getWidth(); x++) {
				count += (a.getRGB(x, y) != b.getRGB(x, y)) ? 1 : 0;
			}
		}
		return count;
	}

}
