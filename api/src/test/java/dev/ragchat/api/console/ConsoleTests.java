package dev.ragchat.api.console;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The console's files are public and served under a strict policy; the API behind them
 * still wants credentials.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ConsoleTests {

	@Autowired
	MockMvc mvc;

	@Test
	void servesTheConsoleAtTheRootWithoutCredentials() throws Exception {
		this.mvc.perform(get("/").secure(true)).andExpect(status().isOk()).andExpect(forwardedUrl("index.html"));
		String page = this.mvc.perform(get("/index.html").secure(true))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self';")))
			.andExpect(header().string("Content-Security-Policy", containsString("style-src 'self';")))
			.andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
			.andExpect(header().string("Content-Security-Policy", not(containsString("unsafe-"))))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("<title>ragchat console</title>");
		// the policy allows no inline script or style: the page has none
		Matcher scripts = Pattern.compile("<script([^>]*)>").matcher(page);
		while (scripts.find()) {
			assertThat(scripts.group(1)).contains("src=");
		}
		assertThat(page).doesNotContain("<style").doesNotContain("style=").doesNotContainPattern("\\son[a-z]+\\s*=");
	}

	@Test
	void servesItsScriptAndStylesAndKeepsTheCredentialOutOfLocalStorage() throws Exception {
		String script = this.mvc.perform(get("/console/console.js").secure(true))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/javascript"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(script).contains("sessionStorage").doesNotContain("localStorage").doesNotContain("innerHTML");
		this.mvc.perform(get("/console/console.css").secure(true))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/css"));
	}

	@Test
	void leavesEverythingElseAuthenticated() throws Exception {
		this.mvc.perform(get("/api/v1/knowledge-bases").secure(true)).andExpect(status().isUnauthorized());
		this.mvc.perform(post("/").secure(true)).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/console/other.txt").secure(true)).andExpect(status().isUnauthorized());
	}

}
