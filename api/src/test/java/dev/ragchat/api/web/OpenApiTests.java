package dev.ragchat.api.web;

import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Hidden;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class OpenApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	@Test
	void documentsExactlyTheLiveRoutes() throws Exception {
		Set<String> live = new TreeSet<>();
		this.mapping.getHandlerMethods().forEach((info, method) -> {
			if (method.getBeanType().getPackageName().startsWith("dev.ragchat")
					&& !AnnotatedElementUtils.hasAnnotation(method.getBeanType(), Hidden.class)) {
				info.getPatternValues()
					.forEach((path) -> info.getMethodsCondition()
						.getMethods()
						.forEach((verb) -> live.add(verb.name() + " " + path)));
			}
		});
		String docs = this.mvc.perform(get("/v3/api-docs").secure(true))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Set<String> documented = new TreeSet<>();
		JsonNode paths = new ObjectMapper().readTree(docs).get("paths");
		paths.properties()
			.forEach((path) -> path.getValue()
				.fieldNames()
				.forEachRemaining((verb) -> documented.add(verb.toUpperCase() + " " + path.getKey())));
		assertThat(live).isNotEmpty().contains("POST /api/v1/keys", "POST /api/v1/sessions");
		assertThat(documented).isEqualTo(live);
	}

	@Test
	void servesSwaggerUi() throws Exception {
		this.mvc.perform(get("/swagger-ui.html").secure(true)).andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/swagger-ui/index.html").secure(true)).andExpect(status().isOk());
	}

	@Test
	void servesSwaggerUiAndTheApiDocumentsWithAContentSecurityPolicySwaggerUiCanLiveWith() throws Exception {
		String page = this.mvc.perform(get("/swagger-ui/index.html").secure(true))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self';")))
			.andExpect(header().string("Content-Security-Policy", containsString("style-src 'self';")))
			.andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
			.andExpect(header().string("Content-Security-Policy", not(containsString("unsafe-"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		// the policy allows no inline script or style: the page must have none
		java.util.regex.Matcher scripts = java.util.regex.Pattern.compile("<script([^>]*)>").matcher(page);
		int count = 0;
		while (scripts.find()) {
			assertThat(scripts.group(1)).contains("src=");
			count++;
		}
		assertThat(count).isPositive();
		assertThat(page).doesNotContain("<style").doesNotContain("style=").doesNotContainPattern("\\son[a-z]+\\s*=");
		this.mvc.perform(get("/swagger-ui/swagger-initializer.js").secure(true))
			.andExpect(status().isOk())
			.andExpect(header().exists("Content-Security-Policy"));
		this.mvc.perform(get("/v3/api-docs").secure(true))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")));
	}

}
