package dev.ragchat.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.configurationmetadata.ConfigurationMetadataProperty;
import org.springframework.boot.configurationmetadata.ConfigurationMetadataRepository;
import org.springframework.boot.configurationmetadata.ConfigurationMetadataRepositoryJsonBuilder;
import org.springframework.boot.configurationmetadata.Deprecation;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Stops the start when a setting that was removed is still set, naming what took its
 * place, so that nothing an operator sets is silently ignored. A removed setting stays in
 * the configuration metadata with a deprecation of level {@code error}, its reason and
 * replacement ({@code additional-spring-configuration-metadata.json} of its module); it
 * is looked for in every property source, in any of its forms (relaxed binding: an
 * environment variable such as {@code RAGCHAT_RETRIEVAL_HYBRID_PAGE_WEIGHT} too). Spring
 * Boot's properties migrator reports such settings but lets the application run on, and
 * is meant to leave the class path after a migration; this check stays.
 */
class RemovedSettings implements EnvironmentPostProcessor, Ordered {

	static final String METADATA = "META-INF/spring-configuration-metadata.json";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		List<Found> found = find(environment, removed(getClass().getClassLoader()));
		if (!found.isEmpty()) {
			throw new RemovedSettingsException(found);
		}
	}

	@Override
	public int getOrder() {
		// right after the configuration files are read, before anything is created
		return ConfigDataEnvironmentPostProcessor.ORDER + 1;
	}

	/**
	 * @param environment the environment
	 * @param removed the settings that were removed
	 * @return those of them that are set, each once, with where it is set
	 */
	static List<Found> find(ConfigurableEnvironment environment, List<ConfigurationMetadataProperty> removed) {
		List<Found> found = new ArrayList<>();
		for (ConfigurationMetadataProperty property : removed) {
			ConfigurationPropertyName name = ConfigurationPropertyName.of(property.getId());
			for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
				ConfigurationProperty set = source.getConfigurationProperty(name);
				if (set != null) {
					Deprecation deprecation = property.getDeprecation();
					found.add(new Found(property.getId(), (set.getOrigin() != null) ? set.getOrigin().toString() : null,
							deprecation.getReason(), deprecation.getReplacement()));
					break;
				}
			}
		}
		return found;
	}

	/**
	 * @param classLoader where the modules' metadata is read from
	 * @return the {@code ragchat.*} settings whose deprecation is of level {@code error}
	 */
	static List<ConfigurationMetadataProperty> removed(ClassLoader classLoader) {
		return settings(classLoader).stream()
			.filter((property) -> property.getDeprecation() != null
					&& property.getDeprecation().getLevel() == Deprecation.Level.ERROR)
			.sorted((a, b) -> a.getId().compareTo(b.getId()))
			.toList();
	}

	/**
	 * @param classLoader where the modules' metadata is read from
	 * @return the {@code ragchat.*} settings of the configuration metadata, removed ones
	 * too
	 */
	static List<ConfigurationMetadataProperty> settings(ClassLoader classLoader) {
		ConfigurationMetadataRepositoryJsonBuilder builder = ConfigurationMetadataRepositoryJsonBuilder.create();
		try {
			for (URL url : Collections.list(classLoader.getResources(METADATA))) {
				try (InputStream in = url.openStream()) {
					builder.withJsonResource(in);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the configuration metadata", ex);
		}
		ConfigurationMetadataRepository repository = builder.build();
		return repository.getAllProperties()
			.values()
			.stream()
			.filter((property) -> property.getId().startsWith("ragchat."))
			.toList();
	}

	/**
	 * A removed setting that is set.
	 *
	 * @param name its name
	 * @param origin where it is set (a file and line, or an environment variable), or
	 * {@code null}
	 * @param reason why it was removed
	 * @param replacement the setting that took its place, or {@code null}
	 */
	record Found(String name, String origin, String reason, String replacement) {

		String describe() {
			return "'" + this.name + "'" + ((this.origin != null) ? " (" + this.origin + ")" : "") + " was removed"
					+ ((this.reason != null) ? ": " + this.reason : "") + ((this.replacement != null)
							? ". Use '" + this.replacement + "' instead, or leave it unset." : ". Leave it unset.");
		}

	}

	/**
	 * The start stopped for removed settings that are set.
	 */
	static final class RemovedSettingsException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final transient List<Found> found;

		RemovedSettingsException(List<Found> found) {
			super("Removed settings are set: " + String.join(" ", found.stream().map(Found::describe).toList()));
			this.found = List.copyOf(found);
		}

		List<Found> found() {
			return this.found;
		}

	}

}
