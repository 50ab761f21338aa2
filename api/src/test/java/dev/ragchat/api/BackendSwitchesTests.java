package dev.ragchat.api;

import dev.ragchat.api.chat.ChatProperties;
import dev.ragchat.ingestion.blobs.BlobProperties;
import dev.ragchat.ingestion.catalog.CatalogProperties;
import dev.ragchat.retrieval.config.RetrievalProperties;
import dev.ragchat.retrieval.embedding.EmbeddingProperties;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Every backend switch is an enum Spring Boot binds: a value it does not know stops
 * start-up, and the failure report names the property and the values it takes.
 */
@ExtendWith(OutputCaptureExtension.class)
class BackendSwitchesTests {

	@ParameterizedTest
	@CsvSource({ "ragchat.catalog.store, EMBEDDED, MONGODB", "ragchat.blobs.store, LOCAL, S3",
			"ragchat.retrieval.index, LUCENE, ATLAS", "ragchat.retrieval.embedding.provider, BGE_SMALL, VERTEX",
			"ragchat.chat.generator, EXTRACTIVE, VERTEX_GEMINI" })
	void anUnknownBackendStopsStartUpNamingTheValidOnes(String property, String valid, String alsoValid,
			CapturedOutput output) {
		SpringApplicationBuilder application = new SpringApplicationBuilder(Switches.class).web(WebApplicationType.NONE)
			.properties(property + "=oracle");
		assertThatException().isThrownBy(application::run);
		assertThat(output).contains("Property: " + property)
			.contains("Value: \"oracle\"")
			.contains(valid)
			.contains(alsoValid);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ CatalogProperties.class, BlobProperties.class, RetrievalProperties.class,
			EmbeddingProperties.class, ChatProperties.class })
	static class Switches {

	}

}
