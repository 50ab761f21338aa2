package dev.ragchat.api.chat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragchat.api.AbstractWebIntegrationTests;
import dev.ragchat.api.Calls;
import dev.ragchat.ingestion.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What makes conversations easy to keep, over HTTP: searching them, pinning and renaming
 * them, and taking them away as Markdown or JSON with their citations.
 */
class ConversationComfortsTests extends AbstractWebIntegrationTests {

	@TempDir
	Path dir;

	@Test
	void findsOnlyTheKeysOwnConversationsByTheirTitleAndTheirText() throws Exception {
		String mine = issueKey("{}");
		String theirs = issueKey("{}");
		JsonNode lighthouse = start(mine);
		JsonNode named = start(mine);
		JsonNode other = start(mine);
		JsonNode foreign = start(theirs);
		ask(lighthouse, "Anything about the LIGHTHOUSE keepers?");
		ask(other, "Anything about harbour dues?");
		ask(foreign, "Anything about the lighthouse keepers?");
		patchWithKey(mine, named, "{\"title\":\"Kestrel Point notes\"}").andExpect(status().isOk());

		JsonNode found = list(mine, "lighthouse");
		assertThat(found.get("total").asLong()).isEqualTo(1);
		assertThat(found.at("/sessions/0/sessionId").asText()).isEqualTo(id(lighthouse));
		assertThat(found.toString()).doesNotContain(id(foreign));
		assertThat(list(mine, "kestrel point").at("/sessions/0/sessionId").asText()).isEqualTo(id(named));
		assertThat(list(mine, "KEEPERS%").get("total").asLong()).isZero();
		// a blank search is no search
		assertThat(list(mine, "  ").get("total").asLong()).isEqualTo(3);

		this.mvc.perform(get("/api/v1/sessions").param("q", "x".repeat(201)).secure(true).header("X-API-Key", mine))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("q must be at most 200 characters"));
		this.mvc
			.perform(get("/api/v1/sessions").param("q", "lighthouse")
				.secure(true)
				.header("Authorization", "Bearer " + lighthouse.get("token").asText()))
			.andExpect(status().isForbidden());
	}

	@Test
	void pinsAndRenamesAConversationAndListsThePinnedFirst() throws Exception {
		String mine = issueKey("{}");
		String theirs = issueKey("{}");
		JsonNode oldest = start(mine);
		JsonNode middle = start(mine);
		JsonNode newest = start(mine);

		patchWithKey(mine, oldest, "{\"pinned\":true,\"title\":\"  Keep this \"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.pinned").value(true))
			.andExpect(jsonPath("$.pinnedAt").isNotEmpty())
			.andExpect(jsonPath("$.title").value("Keep this"));
		JsonNode listed = list(mine, null);
		assertThat(listed.at("/sessions/0/sessionId").asText()).isEqualTo(id(oldest));
		assertThat(listed.at("/sessions/0/pinned").asBoolean()).isTrue();
		assertThat(listed.at("/sessions/1/sessionId").asText()).isEqualTo(id(newest));
		assertThat(listed.at("/sessions/2/sessionId").asText()).isEqualTo(id(middle));
		assertThat(listed.at("/sessions/1/pinned").asBoolean()).isFalse();

		// the title alone changes the title alone; the session's own token may do it too
		this.mvc
			.perform(patch("/api/v1/sessions/" + id(oldest)).secure(true)
				.header("Authorization", "Bearer " + oldest.get("token").asText())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"title\":null}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.title").doesNotExist())
			.andExpect(jsonPath("$.pinned").value(true));
		patchWithKey(mine, oldest, "{\"pinned\":false}").andExpect(status().isOk())
			.andExpect(jsonPath("$.pinned").value(false));
		assertThat(list(mine, null).at("/sessions/0/sessionId").asText()).isEqualTo(id(newest));

		// another key's conversation is not found; what PATCH does not change is refused
		patchWithKey(theirs, middle, "{\"pinned\":true}").andExpect(status().isNotFound());
		patchWithKey(mine, middle, "{\"topK\":3}").andExpect(status().isBadRequest());
		patchWithKey(mine, middle, "{\"pinned\":\"yes\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("pinned must be true or false"));
		patchWithKey(mine, middle, "{}").andExpect(status().isBadRequest());
		patchWithKey(mine, middle, "{\"title\":\"" + "x".repeat(201) + "\"}").andExpect(status().isBadRequest());
		assertThat(list(mine, null).at("/sessions/1/pinned").asBoolean()).isFalse();
	}

	@Test
	void exportsAConversationAsMarkdownWithItsCitationsAsFootnotesAndAsJson() throws Exception {
		String kb = createKnowledgeBase("export");
		String key = chatAndUploadKey(kb);
		Path pdf = TestFiles.factsPdf(this.dir.resolve("harbour.pdf"));
		JsonNode document = Calls.uploadAndAwait(this.mvc, key, kb, "harbour.pdf", Files.readAllBytes(pdf));
		assertThat(document.get("status").asText()).isEqualTo("READY");
		JsonNode session = Calls.startSession(this.mvc, key, kb);
		JsonNode answer = ask(session, "When was the lighthouse on Kestrel Point automated?");
		assertThat(answer.get("grounded").asBoolean()).isTrue();
		JsonNode citation = answer.at("/citations/0");
		ask(session, "What is the boiling point of liquid nitrogen?");

		MockHttpServletResponse markdown = this.mvc
			.perform(get("/api/v1/sessions/" + id(session) + "/export").secure(true).header("X-API-Key", key))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(markdown.getContentType()).startsWith("text/markdown");
		assertThat(markdown.getHeader("Content-Disposition")).startsWith("attachment")
			.contains("filename=\"when-was-the-lighthouse-on-kestrel-point-automated_export.md\"");
		String text = markdown.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(text).startsWith("# When was the lighthouse on Kestrel Point automated?\n")
			.contains("\n## You\n\nWhen was the lighthouse on Kestrel Point automated?\n")
			.contains("\n## ragchat\n\n")
			.contains("automated in 1987")
			.contains("[^1]")
			.doesNotContain(" [1]")
			.contains("[^1]: harbour.pdf, page 3: “" + citation.get("quote").asText() + "”")
			.contains("What is the boiling point of liquid nitrogen?")
			.contains("*Not in the documents.*");

		JsonNode exported = json.readTree(this.mvc
			.perform(get("/api/v1/sessions/" + id(session) + "/export?format=json").secure(true)
				.header("Authorization", "Bearer " + session.get("token").asText()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.sessionId").value(id(session)))
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(exported.get("messages")).hasSize(4);
		assertThat(exported.at("/messages/1/role").asText()).isEqualTo("assistant");
		assertThat(exported.at("/messages/1/citations/0/documentId").asText()).isEqualTo(document.get("id").asText());
		assertThat(exported.at("/messages/1/citations/0/page").asInt()).isEqualTo(3);
		assertThat(exported.at("/messages/1/citations/0/quote").asText()).isEqualTo(citation.get("quote").asText())
			.isNotBlank();
		assertThat(exported.at("/messages/3/grounded").asBoolean()).isFalse();

		// the rights of reading the history: another key's conversation is not found
		this.mvc
			.perform(
					get("/api/v1/sessions/" + id(session) + "/export").secure(true).header("X-API-Key", issueKey("{}")))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(
					get("/api/v1/sessions/" + id(session) + "/export?format=pdf").secure(true).header("X-API-Key", key))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("format must be markdown or json"));
	}

	private org.springframework.test.web.servlet.ResultActions patchWithKey(String key, JsonNode session, String body)
			throws Exception {
		return this.mvc.perform(patch("/api/v1/sessions/" + id(session)).secure(true)
			.header("X-API-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	private JsonNode list(String key, String q) throws Exception {
		var request = get("/api/v1/sessions").secure(true).header("X-API-Key", key);
		if (q != null) {
			request = request.param("q", q);
		}
		return json.readTree(
				this.mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
	}

	private JsonNode start(String key) throws Exception {
		// the catalog keeps times to the millisecond: conversations started in the same
		// one
		// are listed by id, so each starts in a millisecond of its own to be told apart
		// by age
		long began = System.currentTimeMillis();
		while (System.currentTimeMillis() == began) {
			Thread.onSpinWait();
		}
		return json.readTree(this.mvc
			.perform(post("/api/v1/sessions").secure(true)
				.header("X-API-Key", key)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"knowledgeBase\":\"default\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private JsonNode ask(JsonNode session, String question) throws Exception {
		return json.readTree(this.mvc
			.perform(post("/api/v1/sessions/" + id(session) + "/messages").secure(true)
				.header("Authorization", "Bearer " + session.get("token").asText())
				.contentType(MediaType.APPLICATION_JSON)
				.content(json.writeValueAsString(java.util.Map.of("message", question))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private static String id(JsonNode session) {
		return session.get("sessionId").asText();
	}

}
