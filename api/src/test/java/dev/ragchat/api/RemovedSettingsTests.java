package dev.ragchat.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.configurationmetadata.ConfigurationMetadataProperty;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@ExtendWith(OutputCaptureExtension.class)
class RemovedSettingsTests {

	@TempDir
	Path dataDir;

	@Test
	void aRemovedSettingStillSetStopsTheStartNamingWhatReplacedIt(CapturedOutput output) {
		assertThatExceptionOfType(RemovedSettings.RemovedSettingsException.class)
			.isThrownBy(() -> new SpringApplicationBuilder(Nothing.class).web(WebApplicationType.NONE)
				.properties("ragchat.data-dir=" + this.dataDir, "ragchat.retrieval.hybrid-page-weight=0.5")
				.run()
				.close())
			.withMessageContaining("'ragchat.retrieval.hybrid-page-weight'")
			.withMessageContaining("Use 'ragchat.retrieval.hybrid-one-per-page' instead");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Settings that ragchat no longer has are set")
			.contains("docs/decisions/0004-page-aware-hybrid.md");
	}

	@Test
	void aRemovedSettingIsFoundInItsEnvironmentVariableFormsToo() {
		for (String variable : List.of("RAGCHAT_RETRIEVAL_HYBRID_DOCUMENT_WEIGHT",
				"RAGCHAT_RETRIEVAL_HYBRIDDOCUMENTWEIGHT")) {
			List<RemovedSettings.Found> found = RemovedSettings.find(environment(Map.of(variable, "2")), removed());
			assertThat(found).singleElement().satisfies((setting) -> {
				assertThat(setting.name()).isEqualTo("ragchat.retrieval.hybrid-document-weight");
				assertThat(setting.origin()).contains(variable);
				assertThat(setting.replacement()).isEqualTo("ragchat.retrieval.hybrid-fusion");
			});
		}
	}

	@Test
	void settingsThatStillExistAreLeftAlone() {
		assertThat(RemovedSettings.find(environment(
				Map.of("RAGCHAT_RETRIEVAL_HYBRID_ONE_PER_PAGE", "false", "RAGCHAT_RETRIEVAL_HYBRID_FUSION", "ranks")),
				removed()))
			.isEmpty();
	}

	@Test
	void theRemovedSettingsAreThoseTheMetadataDeprecatesAtLevelError() {
		assertThat(removed()).extracting(ConfigurationMetadataProperty::getId)
			.contains("ragchat.retrieval.hybrid-page-weight", "ragchat.retrieval.hybrid-document-weight",
					"ragchat.sync.lease", "ragchat.embedding-migration.lease", "ragchat.sync.tick")
			.allMatch((name) -> name.startsWith("ragchat."));
	}

	private static List<ConfigurationMetadataProperty> removed() {
		return RemovedSettings.removed(RemovedSettingsTests.class.getClassLoader());
	}

	private static StandardEnvironment environment(Map<String, Object> variables) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
		return environment;
	}

	@Configuration(proxyBeanMethods = false)
	static class Nothing {

	}

}
