package dev.ragchat.api.chat.web;

import java.io.IOException;
import java.io.UncheckedIOException;

import dev.ragchat.api.audit.Audit;
import dev.ragchat.api.chat.Conversations;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcPrint;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An I/O failure while a non-streamed answer is made is our error: a 500 problem without
 * its internals, never an empty 200 (only a client that went away is answered nothing).
 * The web edge alone (a {@code @WebMvcTest} slice), the conversation failing; set up as
 * {@link MessageRefusalTests} is, so that both share one application context.
 */
@WebMvcTest(controllers = MessageController.class)
@AutoConfigureMockMvc(addFilters = false, print = MockMvcPrint.NONE)
@Import(MessageRefusalTests.Admission.class)
class AnswerFailureSliceTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Conversations conversations;

	@MockitoBean
	Audit audit;

	@Test
	void answersAnIoFailureWhileTheAnswerIsMadeWithA500ProblemWithoutItsInternals() throws Exception {
		given(this.conversations.ask(any(), any()))
			.willThrow(new UncheckedIOException(new IOException("The model's file could not be read")));

		this.mvc
			.perform(post("/api/v1/sessions/ses_1/messages").contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.APPLICATION_JSON)
				.content("{\"message\":\"When was the lighthouse on Kestrel Point automated?\"}"))
			.andExpect(status().isInternalServerError())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(500))
			.andExpect(jsonPath("$.detail").value("Something went wrong on our side; the error was logged"))
			.andExpect(content().string(not(containsString("IOException"))))
			.andExpect(content().string(not(containsString("could not be read"))));
		// nothing was answered, so nothing is recorded as cited
		verify(this.audit, never()).sourcesCited(any(), any(), any());
	}

}
