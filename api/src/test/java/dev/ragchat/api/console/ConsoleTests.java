package dev.ragchat.api.console;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.ragchat.answer.Refusal;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

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
 * The console's files are public and served under a strict policy, under versioned names
 * cached for a year behind a page that is revalidated; the API behind them still wants
 * credentials.
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
	void explainsEveryRefusalTheEngineGivesInWhyThisAnswer() throws Exception {
		String trace = this.mvc.perform(get("/console/trace.js").secure(true))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> reasons = new ArrayList<>();
		for (Field field : Refusal.class.getFields()) {
			if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
				reasons.add((String) field.get(null));
			}
		}
		assertThat(reasons).isNotEmpty();
		for (String reason : reasons) {
			assertThat(trace).as("the console's text for %s", reason).contains("'" + reason + "': [");
		}
	}

	@Test
	void servesTheConsoleFilesUnderVersionedNamesCachedForAYearAndThePageRevalidated() throws Exception {
		MvcResult page = this.mvc.perform(get("/index.html").secure(true))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "no-cache"))
			.andExpect(header().exists("ETag"))
			.andReturn();
		String html = page.getResponse().getContentAsString();
		Matcher script = Pattern.compile("src=\"(/console/console-([0-9a-f]{16})\\.js)\"").matcher(html);
		assertThat(script.find()).as(html).isTrue();
		String version = script.group(2);
		// every console file the page names, by its versioned name
		assertThat(Pattern.compile("(?:src|href)=\"(/console/[^\"]+)\"").matcher(html).results().map((m) -> m.group(1)))
			.hasSizeGreaterThan(10)
			.allSatisfy((link) -> assertThat(link).endsWith("-" + version + link.substring(link.lastIndexOf('.'))));
		// unchanged: not sent again
		this.mvc.perform(get("/index.html").secure(true).header("If-None-Match", page.getResponse().getHeader("ETag")))
			.andExpect(status().isNotModified());

		// a versioned file: a year, immutable; its imports versioned too, WebJars' with
		// their own version
		String chat = this.mvc.perform(get("/console/chat-" + version + ".js").secure(true))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "max-age=31536000, public, immutable"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(chat).contains("from '/console/core-" + version + ".js'").doesNotContain("from './");
		String markdown = this.mvc.perform(get("/console/markdown-" + version + ".js").secure(true))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher marked = Pattern.compile("from '(/webjars/marked/([^/]+)/lib/marked\\.esm\\.js)'").matcher(markdown);
		assertThat(marked.find()).as(markdown).isTrue();
		this.mvc.perform(get(marked.group(1)).secure(true))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "max-age=31536000, public, immutable"));
		this.mvc.perform(get("/console/console-" + version + ".css").secure(true))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "max-age=31536000, public, immutable"));

		// another version's name is none of today's files; a name without a version is
		// not kept
		this.mvc.perform(get("/console/chat-0123456789abcdef.js").secure(true)).andExpect(status().isNotFound());
		this.mvc.perform(get("/console/chat.js").secure(true))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", containsString("no-store")));
	}

	@Test
	void leavesEverythingElseAuthenticated() throws Exception {
		this.mvc.perform(get("/api/v1/knowledge-bases").secure(true)).andExpect(status().isUnauthorized());
		this.mvc.perform(post("/").secure(true)).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/console/other.txt").secure(true)).andExpect(status().isUnauthorized());
	}

}
