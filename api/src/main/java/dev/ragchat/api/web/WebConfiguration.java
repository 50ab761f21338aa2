package dev.ragchat.api.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.StringHttpMessageConverter;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

	@Bean
	Problems problems(ObjectMapper objectMapper) {
		return new Problems(objectMapper);
	}

	/**
	 * @return the converter of bodies read as a {@code String}, strict about their
	 * charset (Boot's own, which this replaces, reads bytes that are not text as U+FFFD)
	 */
	@Bean
	StringHttpMessageConverter stringHttpMessageConverter() {
		return new StrictStringHttpMessageConverter();
	}

	@Bean
	OpenAPI ragchatOpenApi() {
		return new OpenAPI().info(new Info().title("ragchat")
			.version("v1")
			.description("Document RAG chat: knowledge bases, temporary API keys, chat sessions with cited answers"))
			.components(new Components()
				.addSecuritySchemes("masterKey",
						new SecurityScheme().type(SecurityScheme.Type.APIKEY)
							.in(SecurityScheme.In.HEADER)
							.name("X-Master-Key"))
				.addSecuritySchemes("apiKey",
						new SecurityScheme().type(SecurityScheme.Type.APIKEY)
							.in(SecurityScheme.In.HEADER)
							.name("X-API-Key"))
				.addSecuritySchemes("sessionToken",
						new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")));
	}

}
