package dev.ragchat.api.chat.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragchat.api.audit.Audit;
import dev.ragchat.api.chat.AnswerAdmission;
import dev.ragchat.api.chat.Conversations;
import dev.ragchat.errors.BadUpstreamException;
import dev.ragchat.errors.BusyException;
import dev.ragchat.errors.ConflictException;
import dev.ragchat.errors.ForbiddenException;
import dev.ragchat.errors.NotFoundException;
import dev.ragchat.errors.RagChatException;
import dev.ragchat.errors.RejectedInputException;
import dev.ragchat.errors.TooLargeException;
import dev.ragchat.errors.UnavailableException;
import dev.ragchat.errors.UnprocessableException;
import dev.ragchat.errors.UnsupportedMediaTypeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcPrint;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;

/**
 * A refusal while answering has one status, asked for as JSON or as Server-Sent Events:
 * the web edge alone (a {@code @WebMvcTest} slice), with the conversation refusing.
 */
@WebMvcTest(controllers = MessageController.class)
// not printed: MockMvc renders each response's headers for a failure report while the
// answer's thread may still be adding to them (a ConcurrentModificationException, seen
// once)
@AutoConfigureMockMvc(addFilters = false, print = MockMvcPrint.NONE)
@org.springframework.context.annotation.Import(MessageRefusalTests.Admission.class)
class MessageRefusalTests {

	@Autowired
	AnswerAdmission admission;

	private static final ObjectMapper json = new ObjectMapper();

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Conversations conversations;

	@MockitoBean
	Audit audit;

	static Stream<Arguments> refusals() {
		return Stream.of(refusal(404, NotFoundException::new), refusal(400, RejectedInputException::new),
				refusal(415, UnsupportedMediaTypeException::new), refusal(422, UnprocessableException::new),
				refusal(409, ConflictException::new), refusal(403, ForbiddenException::new),
				refusal(413, TooLargeException::new), refusal(503, UnavailableException::new),
				refusal(502, BadUpstreamException::new));
	}

	private static Arguments refusal(int status, Function<String, RagChatException> refusal) {
		return Arguments.of(status, refusal.apply("Refused with " + status));
	}

	@ParameterizedTest
	@MethodSource("refusals")
	void answersARefusalWithTheSameStatusAndDetailAsJsonAndAsAnErrorEvent(int status, RagChatException refused)
			throws Exception {
		given(this.conversations.ask(any(), any())).willThrow(refused);

		MvcResult plain = this.mvc
			.perform(post("/api/v1/sessions/ses_1/messages").contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.APPLICATION_JSON)
				.content("{\"message\":\"Why?\"}"))
			.andReturn();
		JsonNode problem = json.readTree(plain.getResponse().getContentAsString());
		assertThat(plain.getResponse().getStatus()).isEqualTo(status);
		assertThat(problem.get("status").asInt()).isEqualTo(status);

		MvcResult started = this.mvc
			.perform(post("/api/v1/sessions/ses_1/messages").contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.TEXT_EVENT_STREAM)
				.content("{\"message\":\"Why?\"}"))
			.andExpect(request().asyncStarted())
			.andReturn();
		String events = this.mvc.perform(asyncDispatch(started)).andReturn().getResponse().getContentAsString();
		assertThat(events).contains("event:error");
		JsonNode streamed = json.readTree(events.substring(events.indexOf("data:") + "data:".length()).strip());
		assertThat(streamed.get("status").asInt()).as(events).isEqualTo(status);
		assertThat(streamed.get("detail").asText()).isEqualTo(problem.get("detail").asText())
			.isEqualTo("Refused with " + status);
	}

	@Test
	void refusesAQuestionBeyondTheAnswersInProgressWith429AndRetryAfterAsJsonAndAsAStream() throws Exception {
		List<AnswerAdmission.Permit> taken = new ArrayList<>();
		try {
			while (true) {
				taken.add(this.admission.admit());
			}
		}
		catch (BusyException full) {
			assertThat(taken).isNotEmpty();
		}
		try {
			for (MediaType accept : List.of(MediaType.APPLICATION_JSON, MediaType.TEXT_EVENT_STREAM)) {
				MvcResult busy = this.mvc
					.perform(post("/api/v1/sessions/ses_1/messages").contentType(MediaType.APPLICATION_JSON)
						.accept(accept)
						.content("{\"message\":\"Why?\"}"))
					.andReturn();
				assertThat(busy.getResponse().getStatus()).as(accept.toString()).isEqualTo(429);
				assertThat(busy.getResponse().getHeader("Retry-After")).isEqualTo("1");
				assertThat(busy.getResponse().getContentAsString()).contains("RAGCHAT_CHAT_MAX_ANSWERS_IN_PROGRESS");
			}
			verify(this.conversations, never()).ask(any(), any());
		}
		finally {
			taken.forEach(AnswerAdmission.Permit::close);
		}
		// the places are free again
		this.admission.admit().close();
	}

	@org.springframework.boot.test.context.TestConfiguration
	static class Admission {

		@org.springframework.context.annotation.Bean
		AnswerAdmission answerAdmission() {
			return new AnswerAdmission(2, java.time.Duration.ofMillis(50));
		}

	}

}
