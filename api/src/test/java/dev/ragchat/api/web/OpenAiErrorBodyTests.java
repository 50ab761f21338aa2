package dev.ragchat.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refusals written outside Spring MVC (authentication, rate limits, request size) take
 * OpenAI's error shape under {@code /v1/} and stay problems everywhere else.
 */
class OpenAiErrorBodyTests {

	private final ObjectMapper json = new ObjectMapper();

	private final Problems problems = new Problems(this.json);

	@Test
	void aRateLimitUnderV1IsAnOpenAiRateLimitError() throws Exception {
		MockHttpServletResponse response = write("/v1/chat/completions", HttpStatus.TOO_MANY_REQUESTS,
				"This key has used up its request budget; retry in 3 s");
		assertThat(response.getStatus()).isEqualTo(429);
		assertThat(response.getContentType()).isEqualTo("application/json");
		JsonNode error = this.json.readTree(response.getContentAsString()).get("error");
		assertThat(error.get("message").asText()).isEqualTo("This key has used up its request budget; retry in 3 s");
		assertThat(error.get("type").asText()).isEqualTo("rate_limit_error");
		assertThat(error.get("code").asText()).isEqualTo("rate_limit_exceeded");
		assertThat(error.has("param")).isTrue();
	}

	@Test
	void theRestApiKeepsItsProblems() throws Exception {
		MockHttpServletResponse response = write("/api/v1/knowledge-bases", HttpStatus.TOO_MANY_REQUESTS, "busy");
		assertThat(response.getContentType()).isEqualTo("application/problem+json");
		assertThat(this.json.readTree(response.getContentAsString()).get("detail").asText()).isEqualTo("busy");
	}

	private MockHttpServletResponse write(String path, HttpStatus status, String detail) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.problems.write(request, response, status, detail);
		return response;
	}

}
