package dev.ragchat.api.console;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three chips [1] after three rows of one table, the rows written again by a language
 * model (an OpenAI-compatible server, here WireMock) in its own way: each chip highlights
 * its own row on the PDF page, not the first quote.
 */
@TestPropertySource(properties = { "ragchat.chat.generator=openai-compatible", "ragchat.chat.openai.model=local-model",
		"ragchat.chat.openai.api-key=test-api-key", "ragchat.chat.openai.timeout=5s" })
class CitedRowsBrowserTests extends ConsoleBrowserTestSupport {

	static final List<List<String>> ROWS = List.of(List.of("Current content liabilities", "$ 4,173,041", "$ 3,329,796"),
			List.of("Accounts payable", "359,555", "312,842"), List.of("Accrued expenses", "315,094", "197,632"),
			List.of("Deferred revenue", "618,622", "443,472"),
			List.of("Total current liabilities", "5,466,312", "4,586,657"));

	static final String ANSWER = "At the end of 2017 the current content liabilities were $4,173,041 thousand [1]."
			+ " Accrued expenses came to $315,094 thousand [1]. The total current liabilities were $5,466,312"
			+ " thousand [1].";

	@RegisterExtension
	static WireMockExtension model = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@DynamicPropertySource
	static void endpoint(DynamicPropertyRegistry registry) {
		registry.add("ragchat.chat.openai.base-url", () -> model.baseUrl() + "/v1");
	}

	@Test
	void eachChipAfterAReworkedTableRowHighlightsItsOwnRow() throws Exception {
		stubAnswer(ANSWER);
		signIn(issueKey());
		createKnowledgeBase("Balance sheet");
		uploadAndAwaitReady(table(this.dir.resolve("balance-sheet.pdf")), "balance-sheet.pdf");
		this.browser.findElement(By.id("tab-chat")).click();
		WebElement answer = ask("What were the current liabilities at the end of 2017?");
		List<WebElement> chips = answer.findElements(By.cssSelector("button.chip[data-index='1']"));
		assertThat(chips).hasSize(3);
		List<Long> rows = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			answer.findElements(By.cssSelector("button.chip[data-index='1']")).get(i).click();
			awaitPreviewImage();
			this.wait.until((driver) -> highlightedPixels() > 200);
			rows.add(highlightedRow());
			this.browser.findElement(By.id("preview-close")).click();
		}
		// rows 0, 2 and 4 of the table: each chip its own
		assertThat(rows).containsExactly(0L, 2L, 4L);
	}

	/**
	 * Which table row the page picture highlights: the middle of the highlighted rows of
	 * pixels, in points from the top of the 792-point page; row r's 10-point text sits
	 * around 88 + 20 r.
	 */
	private long highlightedRow() {
		return highlightedLine(88, 20);
	}

	private static void stubAnswer(String text) {
		String quoted = "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
		model.stubFor(post(urlPathEqualTo("/v1/chat/completions")).atPriority(5)
			.willReturn(aResponse().withHeader("Content-Type", "application/json")
				.withBody(
						"{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":1735689600,\"model\":\"local-model\","
								+ "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":" + quoted
								+ "},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":10,"
								+ "\"total_tokens\":20}}")));
		model.stubFor(post(urlPathEqualTo("/v1/chat/completions")).atPriority(1)
			.withRequestBody(containing("\"stream\":true"))
			.willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
				.withBody("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1735689601,"
						+ "\"model\":\"local-model\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":"
						+ quoted + "},\"finish_reason\":null}]}\n\n"
						+ "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1735689601,"
						+ "\"model\":\"local-model\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
						+ "data: [DONE]\n\n")));
	}

	/**
	 * One page: a balance sheet's rows, label and two figures in columns, 20 points apart
	 * from 700 up.
	 */
	static Path table(Path file) throws Exception {
		try (PDDocument pdf = new PDDocument()) {
			PDPage page = new PDPage();
			pdf.addPage(page);
			try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
				PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
				content.beginText();
				content.setFont(font, 14);
				content.newLineAtOffset(72, 740);
				content.showText("Consolidated balance sheet (in thousands)");
				content.endText();
				float[] columns = { 72, 330, 450 };
				for (int r = 0; r < ROWS.size(); r++) {
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
		Files.size(file);
		return file;
	}

}
