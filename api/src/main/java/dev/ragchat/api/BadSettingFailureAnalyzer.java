package dev.ragchat.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.configurationmetadata.ConfigurationMetadataProperty;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * Says, when the start stops for a setting ragchat cannot use, which setting, its value
 * and where it is set, and what it takes: Boot's "APPLICATION FAILED TO START" report
 * instead of a chain of bean creation exceptions with the reason at its bottom.
 * <p>
 * The code that checks a setting, a properties record's compact constructor or the
 * configuration that builds from it, throws an {@link IllegalArgumentException} or
 * {@link IllegalStateException} whose message names the setting, as
 * {@code ragchat.sync.web.hosts} or as {@code RAGCHAT_SYNC_WEB_HOSTS}, and says what it
 * takes. Spring wraps it in bean creation or binding exceptions whose messages repeat it;
 * this analyzer takes the deepest exception of the chain whose own message names a
 * setting of the configuration metadata (or a group of them, {@code ragchat.chat.llama}),
 * the one thrown where the value was checked, and adds each setting it names: its
 * environment variable, its value and origin (a secret's value is not shown) and its
 * description from the metadata. A value Boot cannot convert (an unknown backend, a word
 * for a number) throws no such exception and is left to Boot's own analysis of the
 * binding, which names the property, the value and the valid values.
 */
class BadSettingFailureAnalyzer implements FailureAnalyzer, Ordered {

	/** A setting as a property ({@code ragchat.a.b-c}) or an environment variable. */
	private static final Pattern NAMED = Pattern
		.compile("(?<![\\w.-])ragchat(?:\\.[a-z0-9-]+)+|(?<![\\w.-])RAGCHAT_[A-Z0-9_]*[A-Z0-9]");

	/** Settings whose value a log must not show. */
	private static final Pattern SECRET = Pattern
		.compile("(key|keys|secret|secrets|password|passwords|token|tokens|credentials?)$");

	private static final int MAX_VALUE_LENGTH = 200;

	private final Environment environment;

	/**
	 * @param environment the application's environment, {@code null} when the start
	 * stopped before there was one
	 */
	BadSettingFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	public int getOrder() {
		// before Boot's analysis of a binding failure, which does not know the value a
		// record's constructor refused; this one answers only for a setting it recognises
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public FailureAnalysis analyze(Throwable failure) {
		Map<String, ConfigurationMetadataProperty> settings = new LinkedHashMap<>();
		RemovedSettings.settings(getClass().getClassLoader())
			.forEach((setting) -> settings.put(setting.getId(), setting));
		Throwable check = null;
		List<ConfigurationMetadataProperty> named = List.of();
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
			List<ConfigurationMetadataProperty> names = (isCheck(cause)) ? named(cause.getMessage(), settings) : null;
			if (names != null) {
				check = cause;
				named = names;
			}
		}
		if (check == null) {
			return null;
		}
		StringBuilder description = new StringBuilder("A setting stops the start:\n\n    ").append(check.getMessage())
			.append('\n');
		for (ConfigurationMetadataProperty setting : named) {
			description.append("\n  ")
				.append(setting.getId())
				.append(" (")
				.append(variable(setting.getId()))
				.append(')');
			List<String> values = values(setting);
			if (values.isEmpty()) {
				description.append("\n    value: not set")
					.append((setting.getDefaultValue() != null) ? ", the default is " + value(setting.getDefaultValue())
							: "");
			}
			values.forEach((value) -> description.append("\n    value: ").append(value));
			if (setting.getDescription() != null) {
				description.append("\n    takes: ").append(plain(setting.getDescription()));
			}
		}
		String action = (named.size() == 1)
				? "Give " + named.get(0).getId() + " (" + variable(named.get(0).getId())
						+ ") a value it takes, or leave it unset for its default."
				: "Correct the settings named above.";
		return new FailureAnalysis(description.toString(),
				action + " docs/configuration.md and docs/configuration-advanced.md describe every setting and its"
						+ " default.",
				check);
	}

	/**
	 * An exception a check of a setting throws; not Spring's own, whose messages repeat
	 * their causes'.
	 */
	private static boolean isCheck(Throwable cause) {
		return (cause instanceof IllegalArgumentException || cause instanceof IllegalStateException)
				&& !cause.getClass().getName().startsWith("org.springframework.") && cause.getMessage() != null;
	}

	/**
	 * @return the settings a message names, in the order it names them (empty if it names
	 * only a group of them), or {@code null} if it names none
	 */
	private static List<ConfigurationMetadataProperty> named(String message,
			Map<String, ConfigurationMetadataProperty> settings) {
		Map<String, ConfigurationMetadataProperty> byVariable = new LinkedHashMap<>();
		settings.values().forEach((setting) -> byVariable.put(variable(setting.getId()), setting));
		Map<String, ConfigurationMetadataProperty> named = new LinkedHashMap<>();
		boolean group = false;
		Matcher matcher = NAMED.matcher(message);
		while (matcher.find()) {
			String name = matcher.group();
			ConfigurationMetadataProperty setting = (name.startsWith("RAGCHAT_")) ? byVariable.get(name)
					: settings.get(name);
			if (setting != null) {
				named.putIfAbsent(setting.getId(), setting);
			}
			else if (settings.keySet().stream().anyMatch((id) -> id.startsWith(name + "."))) {
				group = true;
			}
		}
		return (named.isEmpty() && !group) ? null : new ArrayList<>(named.values());
	}

	/**
	 * @return the setting's values where it is set, each with its origin: one, or the
	 * entries of a list set one by one
	 */
	private List<String> values(ConfigurationMetadataProperty setting) {
		if (!(this.environment instanceof ConfigurableEnvironment)) {
			return List.of();
		}
		ConfigurationPropertyName name = ConfigurationPropertyName.of(setting.getId());
		boolean secret = SECRET.matcher(setting.getId()).find();
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(this.environment)) {
			ConfigurationProperty set = source.getConfigurationProperty(name);
			if (set != null) {
				return List.of(describe(set, secret));
			}
			if (source instanceof IterableConfigurationPropertySource iterable) {
				List<String> entries = iterable.stream()
					.filter(name::isAncestorOf)
					.map(source::getConfigurationProperty)
					.filter(Objects::nonNull)
					.map((entry) -> entry.getName() + " = " + describe(entry, secret))
					.toList();
				if (!entries.isEmpty()) {
					return entries;
				}
			}
		}
		return List.of();
	}

	private static String describe(ConfigurationProperty set, boolean secret) {
		String value = (secret) ? "(a secret, not shown)" : value(set.getValue());
		return value + ((set.getOrigin() != null) ? "\n    origin: " + set.getOrigin() : "");
	}

	private static String value(Object value) {
		String text = String.valueOf(value);
		return "'" + ((text.length() > MAX_VALUE_LENGTH) ? text.substring(0, MAX_VALUE_LENGTH) + "…" : text) + "'";
	}

	/** The setting as an environment variable: RAGCHAT_SYNC_WEB_HOSTS. */
	static String variable(String id) {
		return id.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
	}

	/** A metadata description without its Javadoc tags. */
	private static String plain(String description) {
		return description.replaceAll("\\{@(?:code|link|literal) ([^}]*)}", "$1");
	}

}
