package dev.ragchat.api.chat.web;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragchat.api.AbstractHttpsIntegrationTests;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A conversation taken away, over HTTP: what documents and people wrote (answers, quotes,
 * titles, file names, names) is text in the Markdown export, shown as text by a
 * CommonMark viewer (commonmark-java); the files are named after the conversation and its
 * knowledge base.
 */
class ConversationExportTests extends AbstractHttpsIntegrationTests {

	private static final String PLANTED = "<img src=x onerror=alert(1)> <script>alert(1)</script>"
			+ " [click me](javascript:alert(1))";

	@Test
	void writesWhatDocumentsAndPeopleWroteAsTextThatAViewerShowsAsText() {
		String kb = createKnowledgeBase("Harbour <script>alert(3)</script> [kb](javascript:alert(3))");
		String key = chatAndUploadKey(kb);
		String filename = "<img src=x onerror=alert(2)> [notes](javascript:alert(2)).txt";
		JsonNode document = uploadAndAwait(key, kb, filename,
				("The lighthouse on Kestrel Point was automated in 1987 " + PLANTED + "\n\n"
						+ "The harbour was dredged in 1902 to take larger ships.\n")
					.getBytes(StandardCharsets.UTF_8));
		assertThat(document.get("status").asText()).isEqualTo("READY");
		JsonNode session = postJson("/api/v1/sessions", "X-API-Key", key, "{\"knowledgeBase\":\"" + kb + "\"}").json();
		String id = session.get("sessionId").asText();
		String token = session.get("token").asText();
		JsonNode answer = postJson("/api/v1/sessions/" + id + "/messages", "Authorization", "Bearer " + token,
				"{\"message\":\"When was the lighthouse on Kestrel Point automated? <b>*now*</b>\"}")
			.json();
		// what the test is about: the answer and its quote hold what the document planted
		assertThat(answer.get("answer").asText()).contains(PLANTED);
		assertThat(answer.at("/citations/0/quote").asText()).contains(PLANTED);
		assertThat(answer.at("/citations/0/filename").asText()).contains("<img");
		assertThat(call(this.rest.patch()
			.uri(url("/api/v1/sessions/" + id))
			.header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"title\":\"<img src=x onerror=alert(4)> [t](javascript:alert(4))\"}")).status()).isEqualTo(200);

		Answer exported = call("GET", "/api/v1/sessions/" + id + "/export", "Authorization", "Bearer " + token);

		assertThat(exported.status()).as(exported.text()).isEqualTo(200);
		String markdown = exported.text();
		String html = HtmlRenderer.builder().build().render(Parser.builder().build().parse(markdown));
		assertThat(html).as(markdown)
			.doesNotContain("<script")
			.doesNotContain("<img")
			.doesNotContain("<a ")
			.doesNotContain("<b>")
			.doesNotContain("<em>")
			.doesNotContain("href=");
		// shown as the text it is: in the heading, the knowledge base, the question, the
		// answer and its footnote (the file name and the quote)
		assertThat(html).contains("<h1>&lt;img src=x onerror=alert(4)&gt; [t](javascript:alert(4))</h1>")
			.contains("Knowledge base: Harbour &lt;script&gt;alert(3)&lt;/script&gt; [kb](javascript:alert(3))")
			.contains("automated? &lt;b&gt;*now*&lt;/b&gt;")
			.contains("automated in 1987 &lt;img src=x onerror=alert(1)&gt; &lt;script&gt;alert(1)&lt;/script&gt;"
					+ " [click me](javascript:alert(1))")
			.contains("[^1]: &lt;img src=x onerror=alert(2)&gt; [notes](javascript:alert(2)).txt, page 1");
		assertThat(markdown).contains("[^1]: ").contains("1987 \\<img");
	}

	@Test
	void namesTheFilesAfterTheTitleAndTheKnowledgeBaseAndTheirIdsOnlyWhenNamesLeaveNothing() {
		String kb = createKnowledgeBase("Kestrel Point");
		String key = chatAndUploadKey(kb);
		String named = start(key, kb, "Überblick: Hafen & Leuchtturm");
		String plain = start(key, kb, "Harbour notes, 1902");
		String unnamed = start(key, kb, "???");

		Answer markdown = call("GET", "/api/v1/sessions/" + named + "/export", "X-API-Key", key);
		assertThat(markdown.headers().getFirst(HttpHeaders.CONTENT_DISPOSITION))
			.isEqualTo("attachment; filename=\"uberblick-hafen-leuchtturm_kestrel-point.md\";"
					+ " filename*=UTF-8''%C3%BCberblick-hafen-leuchtturm_kestrel-point.md");
		assertThat(markdown.text())
			.startsWith("# Überblick: Hafen \\& Leuchtturm\n\n- Knowledge base: Kestrel Point\n");
		Answer json = call("GET", "/api/v1/sessions/" + named + "/export?format=json", "X-API-Key", key);
		assertThat(json.headers().getFirst(HttpHeaders.CONTENT_DISPOSITION))
			.isEqualTo("attachment; filename=\"uberblick-hafen-leuchtturm_kestrel-point.json\";"
					+ " filename*=UTF-8''%C3%BCberblick-hafen-leuchtturm_kestrel-point.json");
		assertThat(json.json().get("knowledgeBaseName").asText()).isEqualTo("Kestrel Point");
		assertThat(json.json().get("knowledgeBase").asText()).isEqualTo(kb);

		assertThat(call("GET", "/api/v1/sessions/" + plain + "/export", "X-API-Key", key).headers()
			.getFirst(HttpHeaders.CONTENT_DISPOSITION))
			.isEqualTo("attachment; filename=\"harbour-notes-1902_kestrel-point.md\"");
		assertThat(call("GET", "/api/v1/sessions/" + unnamed + "/export", "X-API-Key", key).headers()
			.getFirst(HttpHeaders.CONTENT_DISPOSITION))
			.isEqualTo("attachment; filename=\"conversation-" + unnamed + "_kestrel-point.md\"");
	}

	private String start(String key, String kb, String title) {
		String id = postJson("/api/v1/sessions", "X-API-Key", key, "{\"knowledgeBase\":\"" + kb + "\"}").json()
			.get("sessionId")
			.asText();
		Answer renamed = call(this.rest.patch()
			.uri(url("/api/v1/sessions/" + id))
			.header("X-API-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"title\":\"" + title + "\"}"));
		assertThat(renamed.status()).as(renamed.text()).isEqualTo(200);
		return id;
	}

}
