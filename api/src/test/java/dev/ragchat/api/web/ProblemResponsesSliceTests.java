package dev.ragchat.api.web;

import dev.ragchat.errors.NotFoundException;
import dev.ragchat.errors.RejectedInputException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The web edge alone (a {@code @WebMvcTest} slice, no service behind it): a refusal
 * thrown by any module becomes an RFC 9457 problem with its status and its message as the
 * detail.
 */
@WebMvcTest(controllers = ProblemResponsesSliceTests.Refusing.class)
@AutoConfigureMockMvc(addFilters = false)
@Import(ProblemResponsesSliceTests.Refusing.class)
class ProblemResponsesSliceTests {

	@Autowired
	MockMvc mvc;

	@Test
	void aRefusalBecomesAProblemWithItsStatusAndDetail() throws Exception {
		this.mvc.perform(get("/refuse/missing"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(404))
			.andExpect(jsonPath("$.detail").value("No knowledge base 'missing'"));
		this.mvc.perform(get("/refuse/rejected"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("topK must be between 1 and 100"));
	}

	@RestController
	static class Refusing {

		@GetMapping("/refuse/{what}")
		String refuse(@PathVariable String what) {
			if (what.equals("missing")) {
				throw new NotFoundException("No knowledge base 'missing'");
			}
			throw new RejectedInputException("topK must be between 1 and 100");
		}

	}

}
