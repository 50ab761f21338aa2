package dev.ragchat.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Creates the data directory (owner-only) before anything opens a file in it, and points
 * the embedded catalog at it unless a datasource is configured.
 */
class DataDirectoryEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Path dataDir = Path.of(environment.getProperty("ragchat.data-dir", "./data")).toAbsolutePath().normalize();
		try {
			PrivateFiles.createDirectories(dataDir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the data directory " + dataDir, ex);
		}
		String url = "jdbc:h2:file:" + dataDir.resolve("catalog").resolve("ragchat") + ";DB_CLOSE_ON_EXIT=FALSE";
		environment.getPropertySources()
			.addLast(new MapPropertySource("ragchatDataDirectory", Map.of("spring.datasource.url", url)));
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 10;
	}

}
