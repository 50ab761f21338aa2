package dev.ragchat.api.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragchat.api.AbstractHttpsIntegrationTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error under {@code /v1/} is an OpenAI error body
 * ({@code {"error":{"message","type","param","code"}}}), also those Spring MVC answers
 * before a controller is chosen (an unknown path, a method or media type the endpoint
 * does not take), a body that is not JSON, and those Tomcat answers by itself, through
 * the real HTTPS listener; the REST API keeps its RFC 9457 problems for the same errors.
 */
class OpenAiErrorEdgeTests extends AbstractHttpsIntegrationTests {

	private static final String COMPLETIONS = "/v1/chat/completions";

	String kb;

	String key;

	@BeforeEach
	void key() {
		this.kb = createKnowledgeBase("openai-edge");
		this.key = chatAndUploadKey(this.kb);
	}

	@Test
	void aBodyThatIsNotJsonIsAnOpenAiUnsupportedMediaTypeError() {
		Answer text = call(this.rest.post()
			.uri(COMPLETIONS)
			.header("Authorization", "Bearer " + this.key)
			.contentType(MediaType.TEXT_PLAIN)
			.body("hello"));
		assertThat(openAiError(text, 415).get("message").asText()).contains("text/plain");
		Answer multipart = call(this.rest.post()
			.uri(COMPLETIONS)
			.header("Authorization", "Bearer " + this.key)
			.header("Content-Type", "multipart/form-data; boundary=x")
			.body("--x\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nkb:x\r\n--x--\r\n"));
		openAiError(multipart, 415);
	}

	@Test
	void aMethodTheEndpointDoesNotTakeIsAnOpenAiMethodNotAllowedError() {
		for (HttpMethod method : new HttpMethod[] { HttpMethod.GET, HttpMethod.DELETE, HttpMethod.PUT }) {
			Answer answer = call(
					this.rest.method(method).uri(COMPLETIONS).header("Authorization", "Bearer " + this.key));
			openAiError(answer, 405);
			assertThat(answer.headers().getAllow()).as("%s", method).contains(HttpMethod.POST);
		}
	}

	@Test
	void anUnknownPathIsAnOpenAiNotFoundError() {
		Answer answer = call("GET", "/v1/embeddings", "Authorization", "Bearer " + this.key);
		JsonNode error = openAiError(answer, 404);
		assertThat(error.get("type").asText()).isEqualTo("not_found_error");
		assertThat(error.get("message").asText()).contains("/v1/embeddings");
		openAiError(postJson("/v1/responses", "Authorization", "Bearer " + this.key, "{}"), 404);
	}

	@Test
	void unreadableJsonIsAnOpenAiInvalidRequestError() {
		for (String body : new String[] { "{\"model\":", "", "[1,", "{\"model\":\"kb:x\"}}" }) {
			JsonNode error = openAiError(postJson(COMPLETIONS, "Authorization", "Bearer " + this.key, body), 400);
			assertThat(error.get("type").asText()).as(body).isEqualTo("invalid_request_error");
		}
	}

	@Test
	void anAnswerTheClientDoesNotAcceptIsAnOpenAiError() {
		Answer answer = call(this.rest.get()
			.uri("/v1/models")
			.header("Authorization", "Bearer " + this.key)
			.accept(MediaType.APPLICATION_XML));
		openAiError(answer, 406);
	}

	@Test
	void aRequestTomcatRefusesByItselfIsAnOpenAiError() {
		// an encoded slash inside a path segment: Tomcat refuses it before Spring sees it
		openAiError(call("GET", "/v1/models/%3Cx%3E%2F", "Authorization", "Bearer " + this.key), 400);
	}

	@Test
	void aRequestTheFirewallRejectsIsAnOpenAiError() {
		// Spring Security's firewall refuses a ';' in the path: an error dispatch to
		// /error
		openAiError(call("GET", "/v1/models;x=1", "Authorization", "Bearer " + this.key), 400);
	}

	@Test
	void theRestApiKeepsItsProblemsForTheSameErrors() {
		assertThat(call("GET", "/api/v1/nothing-here", "X-Master-Key", this.masterKey).problem(404))
			.contains("/api/v1/nothing-here");
		call(this.rest.method(HttpMethod.DELETE).uri("/api/v1/knowledge-bases").header("X-Master-Key", this.masterKey))
			.problem(405);
		call(this.rest.post()
			.uri("/api/v1/knowledge-bases")
			.header("X-Master-Key", this.masterKey)
			.contentType(MediaType.TEXT_PLAIN)
			.body("hello")).problem(415);
		postJson("/api/v1/knowledge-bases", "X-Master-Key", this.masterKey, "{\"name\":").problem(400);
		call("GET", "/api/v1/knowledge-bases/%3Cx%3E%2F", "X-Master-Key", this.masterKey).problem(400);
		call("GET", "/api/v1/knowledge-bases;x=1", "X-Master-Key", this.masterKey).problem(400);
	}

	/**
	 * Asserts an OpenAI error body of this status.
	 * @return its {@code error} object
	 */
	private static JsonNode openAiError(Answer answer, int status) {
		assertThat(answer.status()).as(answer.text()).isEqualTo(status);
		assertThat(answer.headers().getContentType()).as(answer.text())
			.isNotNull()
			.satisfies((type) -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue());
		JsonNode body = answer.json();
		assertThat(body.has("status")).as(answer.text()).isFalse();
		assertThat(body.has("detail")).as(answer.text()).isFalse();
		JsonNode error = body.get("error");
		assertThat(error).as(answer.text()).isNotNull();
		assertThat(error.get("message").asText()).as(answer.text()).isNotBlank();
		assertThat(error.get("type").asText()).as(answer.text()).isNotBlank();
		assertThat(error.has("param")).as(answer.text()).isTrue();
		assertThat(error.has("code")).as(answer.text()).isTrue();
		return error;
	}

}
