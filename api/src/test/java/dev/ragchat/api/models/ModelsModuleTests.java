package dev.ragchat.api.models;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.ragchat.api.ModuleBeans;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The choice of model as an application module (Spring Modulith's
 * {@code @ApplicationModuleTest}): {@code api.models} with the modules it uses (the
 * answer engine, chat configs, keys, the audit trail, the catalog) and the blob store and
 * index the ingestion front needs, real and nothing mocked; the model server is a stub
 * (WireMock) over HTTP. A model chosen through the module's published API is checked with
 * one call, kept in the catalog and listed as the one that answers, until the configured
 * one is asked for again.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES,
		extraIncludes = { "api.web", "ingestion.blobs", "ingestion.catalog", "ingestion.jobs", "ingestion.migration",
				"ingestion.reading", "retrieval.atlas", "retrieval.config", "retrieval.embedding", "retrieval.lucene",
				"retrieval.query", "retrieval.rerank", "retrieval.text" },
		// ModularityTests verifies the modules once for the whole build
		verifyAutomatically = false)
class ModelsModuleTests {

	@RegisterExtension
	static WireMockExtension ollama = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	final Models models;

	final ModelChoiceStore store;

	final ApplicationContext context;

	ModelsModuleTests(Models models, ModelChoiceStore store, ApplicationContext context) {
		this.models = models;
		this.store = store;
		this.context = context;
	}

	@AfterEach
	void theConfiguredModelAgain() {
		this.models.useConfigured();
	}

	@Test
	void aChosenModelIsCheckedKeptAndListedAsTheOneThatAnswers() {
		assertThat(this.models.current().kind()).isEqualTo("extractive");
		ModelStubs.ollamaAnswers(ollama, "OK");

		Models.Chosen chosen = this.models
			.choose(new ChoiceRequest("ollama", ollama.baseUrl(), "llama3.2:3b", null, null));

		assertThat(chosen.reply()).isEqualTo("OK");
		assertThat(ollama.findAll(postRequestedFor(urlPathEqualTo("/api/chat")))).hasSize(1);
		assertThat(this.store.find()).hasValueSatisfying((kept) -> {
			assertThat(kept.kind()).isEqualTo("ollama");
			assertThat(kept.baseUrl()).isEqualTo(ollama.baseUrl());
			assertThat(kept.model()).isEqualTo("llama3.2:3b");
		});
		Models.Choice listed = this.models.choice();
		assertThat(listed.kind()).isEqualTo("ollama");
		assertThat(listed.model()).isEqualTo("llama3.2:3b");
		assertThat(listed.current().kind()).isEqualTo("ollama");
		assertThat(listed.current().model()).isEqualTo("llama3.2:3b");
		assertThat(listed.current().chosenIn()).isEqualTo("console");

		this.models.useConfigured();
		assertThat(this.store.find()).isEmpty();
		assertThat(this.models.choice().kind()).isNull();
		assertThat(this.models.current().kind()).isEqualTo("extractive");
		assertThat(this.models.current().chosenIn()).isEqualTo("configuration");
	}

	@Test
	void startsWithoutTheFeaturesItDoesNotUse() {
		assertThat(ModuleBeans.packages(this.context)).noneMatch((pkg) -> pkg.startsWith("dev.ragchat.api.knowledge")
				|| pkg.startsWith("dev.ragchat.api.openai") || pkg.startsWith("dev.ragchat.api.mcp")
				|| pkg.startsWith("dev.ragchat.api.evaluation") || pkg.startsWith("dev.ragchat.sources"));
	}

}
