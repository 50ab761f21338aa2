package dev.ragchat.api.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README and {@code docs/} stay true to the code: every {@code RAGCHAT_*} variable
 * they name sets a property in the metadata, every relative link resolves, and neither
 * they nor the production code point into a benchmark session's log (a decision record in
 * {@code docs/decisions/} says why a default is what it is).
 */
class DocumentationTests {

	private static final Path ROOT = Path.of("..");

	/** Variables of the scripts around ragchat, not settings of ragchat itself. */
	private static final Set<String> SCRIPT_VARIABLES = Set.of("RAGCHAT_JAR");

	private static final Pattern VARIABLE = Pattern.compile("RAGCHAT_[A-Z0-9_]+");

	private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

	private static final Pattern SESSION = Pattern.compile("(?i)\\bsession \\d+\\b");

	@Test
	void everyVariableTheDocsNameSetsAProperty() throws IOException {
		Map<String, ?> properties = ConfigurationReferenceTests.properties();
		List<String> unknown = new ArrayList<>();
		for (Path doc : docs()) {
			Matcher matcher = VARIABLE.matcher(Files.readString(doc));
			while (matcher.find()) {
				String variable = matcher.group();
				boolean known = SCRIPT_VARIABLES.contains(variable)
						|| properties.keySet().stream().map(ConfigurationReferenceTests::variable).anyMatch((name) ->
						// a name ending in _ stands for a group of them
						variable.endsWith("_") ? name.startsWith(variable) : name.equals(variable));
				if (!known) {
					unknown.add(ROOT.relativize(doc) + ": " + variable);
				}
			}
		}
		assertThat(unknown).as("variables that set no property").isEmpty();
	}

	@Test
	void everyRelativeLinkResolves() throws IOException {
		List<String> dangling = new ArrayList<>();
		for (Path doc : docs()) {
			Matcher matcher = LINK.matcher(Files.readString(doc));
			while (matcher.find()) {
				String target = matcher.group(1);
				if (target.matches("^[a-z][a-z0-9+.-]*:.*") || target.startsWith("#")) {
					continue;
				}
				String file = target.replaceAll("#.*$", "");
				if (!Files.exists(doc.getParent().resolve(file))) {
					dangling.add(ROOT.relativize(doc) + " -> " + target);
				}
			}
		}
		assertThat(dangling).as("relative links to nothing").isEmpty();
	}

	@Test
	void neitherTheReadmeNorTheCodePointsIntoASessionLog() throws IOException {
		Set<String> found = new TreeSet<>();
		List<Path> files = new ArrayList<>(List.of(ROOT.resolve("README.md")));
		for (String module : List.of("retrieval", "ingestion", "api")) {
			try (Stream<Path> walk = Files.walk(ROOT.resolve(module).resolve("src/main"))) {
				walk.filter(Files::isRegularFile).forEach(files::add);
			}
		}
		for (Path file : files) {
			List<String> lines = Files.readAllLines(file);
			for (int i = 0; i < lines.size(); i++) {
				if (SESSION.matcher(lines.get(i)).find()) {
					found.add(ROOT.relativize(file) + ":" + (i + 1));
				}
			}
		}
		assertThat(found).as("references to a benchmark session (link a decision record instead)").isEmpty();
	}

	/**
	 * @return the README and every Markdown file under {@code docs/}
	 */
	private static List<Path> docs() throws IOException {
		List<Path> docs = new ArrayList<>(List.of(ROOT.resolve("README.md")));
		try (Stream<Path> walk = Files.walk(ROOT.resolve("docs"))) {
			walk.filter((p) -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
		}
		return docs;
	}

}
