package dev.ragchat.api.openai;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragchat.api.AbstractHttpsIntegrationTests;
import dev.ragchat.api.chat.MessageStore;
import dev.ragchat.api.chat.SessionStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * A {@code /v1/chat/completions} call brings its history and keeps nothing: the real
 * session and message stores, watched, are never written to (nor is a session started and
 * deleted behind the answer).
 */
class StatelessCompletionTests extends AbstractHttpsIntegrationTests {

	@MockitoSpyBean
	SessionStore sessions;

	@MockitoSpyBean
	MessageStore messages;

	@TempDir
	Path dir;

	String kb;

	String key;

	@BeforeEach
	void documents() throws Exception {
		this.kb = createKnowledgeBase("stateless");
		this.key = chatAndUploadKey(this.kb);
		uploadFactsPdf(this.key, this.kb, this.dir);
	}

	@Test
	void answersWithItsHistoryAndWritesNoSessionAndNoMessage() throws Exception {
		Answer answer = postJson("/v1/chat/completions", "X-API-Key", this.key, """
				{"model": "kb:%s", "messages": [
				  {"role": "user", "content": "Tell me about the lighthouse on Kestrel Point."},
				  {"role": "assistant", "content": "It stands at the harbour mouth."},
				  {"role": "user", "content": "When was it automated?"}]}""".formatted(this.kb));
		assertThat(answer.status()).isEqualTo(200);
		JsonNode body = json.readTree(answer.body());
		// the follow-up was searched with the question it follows: the history came in
		assertThat(body.path("grounded").asBoolean()).isTrue();
		assertThat(body.path("choices").get(0).path("message").path("content").asText()).contains("1987");
		verify(this.sessions, never()).save(any());
		verify(this.sessions, never()).delete(anyString());
		verify(this.messages, never()).append(any());
		verify(this.messages, never()).deleteSession(anyString());
	}

}
