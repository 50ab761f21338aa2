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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
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

}
