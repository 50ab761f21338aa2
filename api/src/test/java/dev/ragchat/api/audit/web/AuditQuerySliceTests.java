package dev.ragchat.api.audit.web;

import java.util.List;

import dev.ragchat.api.audit.Audit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What the audit trail is asked for: a bad {@code from} or {@code to}, a range that ends
 * before it starts or a {@code limit} outside 1 to 1000 is a 400 problem that names the
 * parameter, and the trail is not read. The web edge alone (a {@code @WebMvcTest} slice),
 * the trail behind it stubbed; who may read it is {@code AuditReadBackTests}' part.
 */
@WebMvcTest(controllers = AuditController.class)
@AutoConfigureMockMvc(addFilters = false)
class AuditQuerySliceTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Audit audit;

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			from=yesterday                                    | from must be an ISO-8601 instant
			to=2026-13-01                                     | to must be an ISO-8601 instant
			from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z | to must not be before from
			limit=1001                                        | limit must be between 1 and 1000
			limit=0                                           | limit must be between 1 and 1000
			""")
	void refusesABadQueryWithAProblemNamingTheParameter(String query, String detail) throws Exception {
		this.mvc.perform(get("/api/v1/admin/audit?" + query))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.detail").value(containsString(detail)))
			.andExpect(content().string(not(containsString("Exception"))));
		verify(this.audit, never()).read(any(), any(), any(), anyInt());
	}

	@Test
	void readsTheTrailForAGoodQuery() throws Exception {
		given(this.audit.read(any(), any(), any(), anyInt())).willReturn(List.of());
		this.mvc.perform(get("/api/v1/admin/audit?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z&limit=1000"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.events").isEmpty());
	}

}
