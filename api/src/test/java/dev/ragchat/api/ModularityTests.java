package dev.ragchat.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.tngtech.archunit.core.importer.ImportOption;
import dev.ragchat.RagChatApplication;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.NamedInterface;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.CanvasOptions;
import org.springframework.modulith.docs.Documenter.DiagramOptions;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application modules, checked and drawn by Spring Modulith: each top-level package
 * of a Maven module is a module ({@link FeaturePackageModules}; the answer engine's and
 * the sync sources' Maven modules are one each as a whole, {@code answer} and
 * {@code sources}), a module's sub-packages are its internals, and another module may use
 * only its front package or a named interface (a sub-package whose package-info carries
 * {@code @NamedInterface}). The module map in {@code docs/modules/} is written from the
 * same model: this test fails when it is stale. To write it anew:
 * {@code ./mvnw -pl api -am test -Dtest=ModularityTests -Dsurefire.failIfNoSpecifiedTests=false -Dragchat.docs.write=true}.
 */
class ModularityTests {

	static final Path MAP = Path.of("..", "docs", "modules");

	/** The production classes: not the test classes, nor the modules' test jars. */
	static final ApplicationModules modules = ApplicationModules.of(RagChatApplication.class,
			(location) -> new ImportOption.DoNotIncludeTests().includes(location) && !location.contains("-tests.jar"));

	@Test
	void eachTopLevelPackageOfAMavenModuleIsAnApplicationModule() {
		assertThat(modules.stream().map((module) -> module.getIdentifier().toString()))
			.contains("api.chat", "answer", "sources", "ingestion.catalog", "retrieval.lucene", "errors")
			.doesNotContain("api", "ingestion", "retrieval", "answer.cite", "sources.store", "ingestion.sync");
		assertThat(modules.getModuleByType("dev.ragchat.answer.cite.Citations").map(ApplicationModule::getIdentifier))
			.as("a sub-package belongs to its top-level package's module")
			.hasValueSatisfying((id) -> assertThat(id).hasToString("answer"));
		assertThat(modules.getModuleByType("dev.ragchat.sources.crawl.Crawler").map(ApplicationModule::getIdentifier))
			.as("the sources Maven module is one module as a whole")
			.hasValueSatisfying((id) -> assertThat(id).hasToString("sources"));
	}

	@Test
	void theAnswerEnginePublishesItsTopPackageAndOnlyTheGeneratorsBesides() {
		// the engine's API is its top package; a named interface only where a second
		// module needs a part itself: api.models builds and keeps the chosen models
		assertThat(modules.getModuleByName("answer")
			.orElseThrow()
			.getNamedInterfaces()
			.stream()
			.filter(NamedInterface::isNamed)
			.map(NamedInterface::getName)).containsExactly("generate");
	}

	@Test
	void theWholeApplicationPublishesAtMostThreeNamedInterfaces() {
		// each named interface is a place where one module reaches into another's
		// internals: what another module needs belongs in its top package, the few kept
		// say why in their package-info
		assertThat(modules.stream()
			.flatMap((module) -> module.getNamedInterfaces()
				.stream()
				.filter(NamedInterface::isNamed)
				.map((named) -> module.getIdentifier() + "::" + named.getName()))
			.toList()).hasSizeLessThanOrEqualTo(3);
	}

	@Test
	void modulesUseOnlyEachOthersFrontsAndNamedInterfaces() {
		modules.verify();
	}

	@Test
	void theModuleMapInDocsIsWrittenFromTheModules() throws IOException {
		Path written = Path.of("target", "modules");
		FileSystemUtils.deleteRecursively(written);
		// named as identified (api.rerank and retrieval.rerank are both "Rerank" by
		// default); errors left out of the diagrams, as every module uses it
		DiagramOptions diagrams = DiagramOptions.defaults()
			.withDefaultDisplayName((module) -> module.getIdentifier().toString())
			.withExclusions((module) -> module.getIdentifier().toString().equals("errors"));
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder(written.toString()))
			.writeModulesAsPlantUml(diagrams)
			.writeIndividualModulesAsPlantUml(diagrams)
			.writeModuleCanvases(CanvasOptions.defaults())
			.writeAggregatingDocument(diagrams, CanvasOptions.defaults());
		for (Map.Entry<String, String> file : files(written).entrySet()) {
			Files.writeString(written.resolve(file.getKey()), inOrder(file.getValue()));
		}
		if (Boolean.getBoolean("ragchat.docs.write")) {
			FileSystemUtils.deleteRecursively(MAP);
			FileSystemUtils.copyRecursively(written, MAP);
		}
		assertThat(files(MAP))
			.as("docs/modules/ is stale; write it anew with ./mvnw -pl api -am test -Dtest=ModularityTests"
					+ " -Dsurefire.failIfNoSpecifiedTests=false -Dragchat.docs.write=true")
			.isEqualTo(files(written));
	}

	/**
	 * Modulith lists a diagram's relationships (and may list its components) in hash
	 * order, which changes from run to run: each run of lines that declare components or
	 * relationships is sorted, which PlantUML draws the same.
	 * @param text a file as Modulith wrote it
	 * @return the same file in one order
	 */
	static String inOrder(String text) {
		List<String> lines = new ArrayList<>(text.lines().toList());
		for (int start = 0; start < lines.size();) {
			String kind = declaration(lines.get(start));
			int end = start + 1;
			while (kind != null && end < lines.size() && kind.equals(declaration(lines.get(end)))) {
				end++;
			}
			Collections.sort(lines.subList(start, end));
			start = end;
		}
		return String.join("\n", lines) + (text.endsWith("\n") ? "\n" : "");
	}

	private static String declaration(String line) {
		String trimmed = line.strip();
		return (trimmed.startsWith("Rel(") || trimmed.startsWith("Component(")) ? trimmed.substring(0, 4) : null;
	}

	/**
	 * @return each file under the folder by its relative path, with its text
	 */
	private static Map<String, String> files(Path folder) throws IOException {
		Map<String, String> files = new TreeMap<>();
		if (Files.isDirectory(folder)) {
			try (Stream<Path> paths = Files.walk(folder)) {
				for (Path file : paths.filter(Files::isRegularFile).toList()) {
					files.put(folder.relativize(file).toString(), Files.readString(file));
				}
			}
		}
		return files;
	}

}
