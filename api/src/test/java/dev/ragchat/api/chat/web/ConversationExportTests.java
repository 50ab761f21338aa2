package dev.ragchat.api.chat.web;

import dev.ragchat.api.AbstractHttpsIntegrationTests;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A conversation taken away, over HTTP: the files are named after the conversation and
 * its knowledge base.
 */
class ConversationExportTests extends AbstractHttpsIntegrationTests {

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
		assertThat(markdown.text()).startsWith("# Überblick: Hafen & Leuchtturm\n\n- Knowledge base: Kestrel Point\n");
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
