package dev.ragchat.api.chat;

import java.nio.file.Files;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragchat.api.AbstractWebIntegrationTests;
import dev.ragchat.ingestion.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A client written for the original Flask service works unchanged: master key in
 * X-API-Key, raw JWT in Authorization, {query, url} in, {query, answer} out.
 */
class SeedCompatibilityTests extends AbstractWebIntegrationTests {

	@TempDir
	java.nio.file.Path dir;

	@Test
	void runsTheWholeSeedFlowOnTheDefaultKnowledgeBase() throws Exception {
		JsonNode key = json
			.readTree(this.mvc.perform(post("/get_temp_api_key").secure(true).header("X-API-Key", this.masterKey))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString());
		String tempKey = key.get("temp_api_key").asText();
		assertThat(tempKey).startsWith("rck_");
		assertThat(key.get("expires_in").asLong()).isBetween(3500L, 3600L);

		JsonNode uploaded = json.readTree(this.mvc
			.perform(multipart("/make_embedding")
				.file(new MockMultipartFile("files", "harbour.pdf", "application/pdf",
						Files.readAllBytes(TestFiles.factsPdf(this.dir.resolve("harbour.pdf")))))
				.secure(true)
				.header("X-API-Key", tempKey))
			.andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString());
		String status = uploaded.at("/documents/0/statusUrl").asText();
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> this.mvc.perform(get(status).secure(true).header("X-API-Key", tempKey))
				.andExpect(jsonPath("$.status").value("READY")));

		for (String start : new String[] { "/api/start_chat", "/start_chat" }) {
			JsonNode started = json.readTree(this.mvc.perform(post(start).secure(true).header("X-API-Key", tempKey))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString());
			String jwt = started.get("jwt_token").asText();
			String url = started.get("url").asText();
			for (String chat : new String[] { "/api/chat", "/chat" }) {
				this.mvc
					.perform(post(chat).secure(true)
						.header("Authorization", jwt)
						.contentType(MediaType.APPLICATION_JSON)
						.content("{\"query\":\"When was the lighthouse on Kestrel Point automated?\",\"url\":\"" + url
								+ "\"}"))
					.andExpect(status().isOk())
					.andExpect(jsonPath("$.query").value("When was the lighthouse on Kestrel Point automated?"))
					.andExpect(jsonPath("$.answer").value(containsString("1987")))
					.andExpect(jsonPath("$.citations[0].page").value(3))
					.andExpect(jsonPath("$.citations[0].index").value(1))
					.andExpect(jsonPath("$.citations[0].quote").value(TestFiles.PAGE_THREE_FACT));
			}
		}
	}

	@Test
	void theDefaultKnowledgeBaseIsOnlyForKeysThatMayUseItAndSaysSo() throws Exception {
		String other = createKnowledgeBase("A");
		String restricted = chatAndUploadKey(other);
		// a key's knowledge bases are the whole of what it may use: default is no
		// exception
		this.mvc.perform(get("/api/v1/knowledge-bases/default").secure(true).header("X-API-Key", restricted))
			.andExpect(status().isNotFound());
		this.mvc.perform(post("/api/start_chat").secure(true).header("X-API-Key", restricted))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value(containsString("default")));
		// and the catalog does not claim otherwise
		this.mvc.perform(get("/api/v1/knowledge-bases/default").secure(true).header("X-Master-Key", this.masterKey))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.description").value(org.hamcrest.Matchers.not(containsString("every key"))))
			.andExpect(jsonPath("$.description").value(containsString("seed-compatible")));
	}

	@Test
	void refusesTheKeyEndpointWithoutTheMasterKey() throws Exception {
		this.mvc.perform(post("/get_temp_api_key").secure(true).header("X-API-Key", "not-the-master-key"))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void refusesRawTokensOutsideTheSeedChatPaths() throws Exception {
		String tempKey = json
			.readTree(this.mvc.perform(post("/get_temp_api_key").secure(true).header("X-API-Key", this.masterKey))
				.andReturn()
				.getResponse()
				.getContentAsString())
			.get("temp_api_key")
			.asText();
		JsonNode started = json.readTree(this.mvc.perform(post("/start_chat").secure(true).header("X-API-Key", tempKey))
			.andReturn()
			.getResponse()
			.getContentAsString());
		String jwt = started.get("jwt_token").asText();
		String session = json.readTree(new String(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1])))
			.get("sub")
			.asText();
		this.mvc.perform(get("/api/v1/sessions/" + session).secure(true).header("Authorization", jwt))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/v1/sessions/" + session).secure(true).header("Authorization", "Bearer " + jwt))
			.andExpect(status().isOk());
	}

}
