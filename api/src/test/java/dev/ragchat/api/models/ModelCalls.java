package dev.ragchat.api.models;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The calls the model tests make over HTTP: a session (plain, or a chat config's), a
 * question in it, a request with the master key.
 */
final class ModelCalls {

	private static final ObjectMapper json = new ObjectMapper();

	private ModelCalls() {
	}

	/**
	 * @return the session's id and token
	 */
	static String[] session(MockMvc mvc, String key, String knowledgeBase, String configId) throws Exception {
		String body = (configId != null) ? "{\"configId\":\"" + configId + "\"}"
				: "{\"knowledgeBase\":\"" + knowledgeBase + "\"}";
		JsonNode started = json.readTree(mvc.perform(post("/api/v1/sessions").secure(true)
			.header("X-API-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
		return new String[] { started.get("sessionId").asText(), started.get("token").asText() };
	}

	static ResultActions ask(MockMvc mvc, String[] session, String message) throws Exception {
		return mvc.perform(post("/api/v1/sessions/" + session[0] + "/messages").secure(true)
			.header("Authorization", "Bearer " + session[1])
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("message", message))));
	}

	static MockHttpServletRequestBuilder master(String masterKey, MockHttpServletRequestBuilder request) {
		return request.secure(true).header("X-Master-Key", masterKey).contentType(MediaType.APPLICATION_JSON);
	}

}
