package dev.ragchat.api;

import java.nio.file.Path;
import java.util.Map;

import dev.ragchat.RagChatApplication;
import dev.ragchat.sources.SyncProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.UnsatisfiedDependencyException;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A setting ragchat cannot use stops the start with Boot's report naming the setting, its
 * value and what it takes, not with a chain of bean creation exceptions.
 */
@ExtendWith(OutputCaptureExtension.class)
class BadSettingFailureAnalyzerTests {

	@TempDir
	Path dataDir;

	@Test
	void aWebHostWithAPortStopsTheStartWithAReportNamingTheSettingItsValueAndWhatItTakes(CapturedOutput output) {
		SpringApplicationBuilder application = new SpringApplicationBuilder(RagChatApplication.class);
		// arguments: they win over the tests' own settings
		String[] arguments = { "--ragchat.data-dir=" + this.dataDir, "--ragchat.sync.web.hosts=127.0.0.1:8000",
				"--server.port=0" };
		assertThatException().isThrownBy(() -> application.run(arguments).close());
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("ragchat.sync.web.hosts: '127.0.0.1:8000' is neither a host name, *.domain, * nor an IP"
					+ " address or range")
			.contains("ragchat.sync.web.hosts (RAGCHAT_SYNC_WEB_HOSTS)")
			.contains("value: '127.0.0.1:8000'\n    origin: \"ragchat.sync.web.hosts\" from property source"
					+ " \"commandLineArgs\"")
			.contains("takes: the hosts web sources may reach (RAGCHAT_SYNC_WEB_HOSTS, comma separated): host names")
			.contains("Give ragchat.sync.web.hosts (RAGCHAT_SYNC_WEB_HOSTS) a value it takes")
			.doesNotContain("Application run failed")
			.doesNotContain("\tat org.springframework.");
	}

	@Test
	void aLimitOutOfItsRangeStopsTheStartWithItsValueAndVariable(CapturedOutput output) {
		SpringApplicationBuilder application = new SpringApplicationBuilder(Sync.class).web(WebApplicationType.NONE)
			.properties("ragchat.data-dir=" + this.dataDir);
		assertThatException().isThrownBy(() -> application.run("--ragchat.sync.web.max-depth=-1").close());
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("ragchat.sync.web.max-depth must be between 0 and 50")
			.contains("ragchat.sync.web.max-depth (RAGCHAT_SYNC_WEB_MAX_DEPTH)")
			.contains("value: '-1'")
			.contains("takes: the most links away from its start a source may follow");
	}

	@Test
	void aSecretIsNamedButItsValueIsNotShown() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("test", Map.of("ragchat.master-key", "too-short-key")));
		FailureAnalysis analysis = new BadSettingFailureAnalyzer(environment)
			.analyze(new UnsatisfiedDependencyException("api.xml", "masterKey", "masterKey", new BeanCreationException(
					"masterKey", new IllegalStateException("RAGCHAT_MASTER_KEY must be at least 16 characters long"))));
		assertThat(analysis.getDescription()).contains("RAGCHAT_MASTER_KEY must be at least 16 characters long")
			.contains("ragchat.master-key (RAGCHAT_MASTER_KEY)")
			.contains("value: (a secret, not shown)")
			.doesNotContain("too-short-key");
		assertThat(analysis.getCause()).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void aMessageNamingNoSettingIsLeftToTheOtherAnalyzers() {
		BadSettingFailureAnalyzer analyzer = new BadSettingFailureAnalyzer(new StandardEnvironment());
		// Boot's analysis of the binding lists an enum's valid values
		// (BackendSwitchesTests)
		assertThat(
				analyzer.analyze(new BeanCreationException("catalog",
						new IllegalArgumentException(
								"No enum constant dev.ragchat.ingestion.catalog.CatalogProperties.Store.ORACLE"))))
			.isNull();
		assertThat(analyzer.analyze(new IllegalStateException("the index is locked"))).isNull();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(SyncProperties.class)
	static class Sync {

	}

}
