package dev.ragchat.api.chat.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragchat.answer.generate.ChosenModel;
import dev.ragchat.api.AbstractHttpsIntegrationTests;
import dev.ragchat.api.models.ModelRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An I/O failure while a non-streamed answer is made is our error, over HTTP: a 500
 * problem without its internals, never an empty 200 (only a client that went away is
 * answered nothing).
 */
class AnswerFailureTests extends AbstractHttpsIntegrationTests {

	@TempDir
	Path dir;

	@Autowired
	ModelRegistry generators;

	private String persona;

	@AfterEach
	void serviceGeneratorAgain() {
		if (this.persona != null) {
			this.generators.useService(this.persona);
		}
	}

	@Test
	void answersAnIoFailureWhileTheAnswerIsMadeWithA500Problem() throws Exception {
		String kb = createKnowledgeBase("failing");
		String key = chatAndUploadKey(kb);
		uploadFactsPdf(key, kb, this.dir);
		this.persona = postJson("/api/v1/chat-configs", "X-API-Key", key,
				"{\"title\":\"Failing\",\"knowledgeBase\":\"" + kb + "\"}")
			.json()
			.get("id")
			.asText();
		this.generators.use(this.persona, new ChosenModel(ChosenModel.EXTRACTIVE, null, (question, tokens) -> {
			throw new UncheckedIOException(new IOException("The model's file could not be read"));
		}, null, null));
		JsonNode session = postJson("/api/v1/sessions", "X-API-Key", key, "{\"configId\":\"" + this.persona + "\"}")
			.json();

		Answer answer = postJson("/api/v1/sessions/" + session.get("sessionId").asText() + "/messages", "Authorization",
				"Bearer " + session.get("token").asText(),
				"{\"message\":\"When was the lighthouse on Kestrel Point automated?\"}");

		assertThat(answer.problem(500)).isEqualTo("Something went wrong on our side; the error was logged");
		assertThat(answer.text()).doesNotContain("IOException").doesNotContain("could not be read");
	}

}
