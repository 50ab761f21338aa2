package dev.ragchat.api.web;

import dev.ragchat.api.AbstractWebIntegrationTests;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every error is an RFC 9457 problem: from the security filter chain, from Spring MVC and
 * from ragchat's own handlers. 429 has its own test ({@code RateLimitTests}).
 */
class ProblemResponseTests extends AbstractWebIntegrationTests {

	@Test
	void answers401WithoutCredentials() throws Exception {
		problem(this.mvc.perform(get("/api/v1/keys").secure(true)), 401)
			.andExpect(jsonPath("$.detail").value(containsString("X-Master-Key")))
			.andExpect(header().string("WWW-Authenticate", "Bearer"));
	}

	@Test
	void answers401ForWrongMasterKey() throws Exception {
		problem(this.mvc.perform(get("/api/v1/keys").secure(true).header("X-Master-Key", "not-the-master-key")), 401);
	}

	@Test
	void answers401ForTwoCredentialsAtOnce() throws Exception {
		problem(this.mvc.perform(
				get("/api/v1/keys").secure(true).header("X-Master-Key", this.masterKey).header("X-API-Key", "rck_x")),
				401);
	}

	@Test
	void answers403WhenApiKeyManagesKeys() throws Exception {
		String key = issueKey("{\"scopes\":[\"chat\",\"upload\",\"admin\"]}");
		problem(this.mvc.perform(get("/api/v1/keys").secure(true).header("X-API-Key", key)), 403);
	}

	@Test
	void answers403WhenKeyLacksChatScope() throws Exception {
		String key = issueKey("{\"scopes\":[\"upload\"]}");
		problem(this.mvc.perform(post("/api/v1/sessions").secure(true)
			.header("X-API-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"knowledgeBase\":\"default\"}")), 403);
	}

	@Test
	void answers404ForUnknownPath() throws Exception {
		problem(this.mvc.perform(get("/api/v1/nothing-here").secure(true).header("X-Master-Key", this.masterKey)), 404);
	}

	@Test
	void answers404ForSessionOnKnowledgeBaseOutsideTheKey() throws Exception {
		String key = issueKey("{\"knowledgeBases\":[\"default\"]}");
		problem(this.mvc.perform(post("/api/v1/sessions").secure(true)
			.header("X-API-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"knowledgeBase\":\"b\"}")), 404);
	}

	@Test
	void answers405ForUnsupportedMethod() throws Exception {
		problem(this.mvc.perform(delete("/api/v1/keys").secure(true).header("X-Master-Key", this.masterKey)), 405);
	}

	@Test
	void answers413ForOversizedBody() throws Exception {
		String body = "{\"name\":\"" + "a".repeat(300 * 1024) + "\"}";
		problem(this.mvc.perform(post("/api/v1/keys").secure(true)
			.header("X-Master-Key", this.masterKey)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)), 413);
	}

	@Test
	void answers415ForWrongContentType() throws Exception {
		problem(this.mvc.perform(post("/api/v1/keys").secure(true)
			.header("X-Master-Key", this.masterKey)
			.contentType(MediaType.TEXT_PLAIN)
			.content("name=x")), 415);
	}

	@Test
	void answers400ForMalformedJson() throws Exception {
		problem(this.mvc.perform(post("/api/v1/keys").secure(true)
			.header("X-Master-Key", this.masterKey)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":")), 400);
	}

	@Test
	void answers400NamingInvalidFields() throws Exception {
		String key = issueKey("{}");
		problem(this.mvc.perform(post("/api/v1/sessions").secure(true)
			.header("X-API-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"knowledgeBase\":\"default\",\"temperature\":7}")), 400)
			.andExpect(jsonPath("$.detail").value(containsString("temperature")));
	}

	@Test
	void keepsHealthPublicAndOtherActuatorEndpointsPrivate() throws Exception {
		this.mvc.perform(get("/actuator/health").secure(true)).andExpect(status().isOk());
		problem(this.mvc.perform(get("/actuator/metrics").secure(true)), 401);
		this.mvc.perform(get("/actuator/metrics").secure(true).header("X-Master-Key", this.masterKey))
			.andExpect(status().isOk());
	}

	@Test
	void sendsHstsOnEveryResponse() throws Exception {
		this.mvc.perform(get("/actuator/health").secure(true))
			.andExpect(header().string("Strict-Transport-Security", containsString("max-age=31536000")));
		this.mvc.perform(get("/api/v1/keys").secure(true))
			.andExpect(header().string("Strict-Transport-Security", containsString("max-age=31536000")));
	}

	private static ResultActions problem(ResultActions result, int status) throws Exception {
		return result.andExpect(status().is(status))
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(status))
			.andExpect(jsonPath("$.title").isNotEmpty())
			.andExpect(jsonPath("$.trace").doesNotExist())
			.andExpect(jsonPath("$.exception").doesNotExist());
	}

}
