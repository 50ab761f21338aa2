package dev.ragchat.api.knowledge;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragchat.api.AbstractHttpsIntegrationTests;
import dev.ragchat.ingestion.TestFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Page previews of documents that cannot be shown, over the real HTTPS listener: a PDF
 * that failed ingestion, and pages requested while their document is being deleted. Each
 * answer is a picture or a 404 problem, never a 500, and nothing stays in the cache.
 */
class PagePreviewFailureTests extends AbstractHttpsIntegrationTests {

	@TempDir
	Path dir;

	String kb;

	String key;

	@BeforeEach
	void knowledgeBaseAndKey() {
		this.kb = createKnowledgeBase("preview-failures");
		this.key = issueKey("{\"scopes\":[\"upload\"],\"knowledgeBases\":[\"" + this.kb + "\"]}");
	}

	@Test
	void answers404ForThePagesOfAPdfThatFailedIngestion() throws Exception {
		byte[] corrupt = "%PDF-1.4\ngarbage that is no PDF object at all\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
		byte[] locked = Files.readAllBytes(TestFiles.encryptedPdf(this.dir.resolve("locked.pdf")));
		for (byte[] pdf : List.of(corrupt, locked)) {
			JsonNode document = uploadAndAwait(this.key, this.kb, "failed.pdf", pdf);
			assertThat(document.get("status").asText()).isEqualTo("FAILED");
			String detail = call("GET", pages(document.get("id").asText()) + "/1", "X-API-Key", this.key).problem(404);
			assertThat(detail).contains("failed.pdf").contains("FAILED");
		}
	}

	@Test
	void answersPagesRequestedWhileTheDocumentIsDeletedWithPicturesOr404AndLeavesNoCache() throws Exception {
		byte[] pdf = Files.readAllBytes(TestFiles.mostlyBlankPdf(this.dir.resolve("six.pdf"), 6, false));
		for (int round = 0; round < 6; round++) {
			String doc = uploadAndAwait(this.key, this.kb, "six-" + round + ".pdf", pdf).get("id").asText();
			List<CompletableFuture<Answer>> previews = new ArrayList<>();
			for (int page = 1; page <= 6; page++) {
				String path = pages(doc) + "/" + page;
				previews.add(CompletableFuture.supplyAsync(() -> call("GET", path, "X-API-Key", this.key)));
			}
			Thread.sleep(ThreadLocalRandom.current().nextInt(0, 150));
			Answer deleted = call("DELETE", "/api/v1/knowledge-bases/" + this.kb + "/documents/" + doc, "X-API-Key",
					this.key);
			assertThat(deleted.status()).as(deleted.text()).isEqualTo(204);
			for (CompletableFuture<Answer> preview : previews) {
				Answer answer = preview.join();
				if (answer.status() != 200) {
					answer.problem(404);
				}
			}
			assertThat(this.dataDir.toAbsolutePath().normalize().resolve("pages").resolve(this.kb).resolve(doc))
				.as("the cached pages of the deleted document of round %d", round)
				.doesNotExist();
		}
	}

	private String pages(String doc) {
		return "/api/v1/knowledge-bases/" + this.kb + "/documents/" + doc + "/pages";
	}

}
