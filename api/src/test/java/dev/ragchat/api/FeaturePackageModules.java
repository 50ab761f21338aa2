package dev.ragchat.api;

import java.util.List;
import java.util.stream.Stream;

import org.springframework.modulith.core.ApplicationModuleDetectionStrategy;
import org.springframework.modulith.core.ApplicationModuleSourceFactory;
import org.springframework.modulith.core.JavaPackage;

/**
 * How Spring Modulith finds ragchat's application modules (ModularityTests): each
 * top-level package of a Maven module ({@code dev.ragchat.api.chat},
 * {@code dev.ragchat.ingestion.catalog}, {@code dev.ragchat.retrieval.lucene}) is one,
 * named by its path below {@code dev.ragchat} ({@code api.chat},
 * {@code ingestion.catalog}, {@code retrieval.lucene}), and so is every other package
 * beside the Maven modules' packages ({@code dev.ragchat.errors}: {@code errors}), among
 * them the answer and sources Maven modules' packages, one module each as a whole
 * ({@code dev.ragchat.answer}: {@code answer}; {@code dev.ragchat.sources}:
 * {@code sources}). Its sub-packages are its internals. Modulith's default, the direct
 * sub-packages of the application's package, would make the Maven modules the only
 * modules.
 * <p>
 * The Maven modules' own packages ({@code dev.ragchat.api},
 * {@code dev.ragchat.ingestion}, {@code dev.ragchat.retrieval}) are fronts, not modules:
 * Modulith would nest the feature modules in them, and a nested module may be used only
 * by its parent and siblings, so api could not use {@code retrieval.embedding}. They are
 * contributed as further root packages instead (as {@code dev.ragchat} itself is one):
 * their classes are checked like a module's (they may use only what other modules expose)
 * and every module may use them, as the Maven dependencies allow
 * ({@code ArchitectureTests} keeps those pointing down).
 * <p>
 * Registered as the detection strategy by {@code spring.modulith.detection-strategy}
 * (test {@code config/application.yml}) and as the source of the root packages in
 * {@code META-INF/spring.factories} (test resources).
 */
public class FeaturePackageModules implements ApplicationModuleDetectionStrategy, ApplicationModuleSourceFactory {

	/** The packages of the Maven modules whose top-level packages are modules. */
	static final List<String> FRONTS = List.of("dev.ragchat.api", "dev.ragchat.ingestion", "dev.ragchat.retrieval");

	@Override
	public Stream<JavaPackage> getModuleBasePackages(JavaPackage rootPackage) {
		if (FRONTS.contains(rootPackage.getName())) {
			// found from dev.ragchat already: named api.chat, not chat
			return Stream.empty();
		}
		return rootPackage.getDirectSubPackages()
			.stream()
			.flatMap((pkg) -> FRONTS.contains(pkg.getName()) ? pkg.getDirectSubPackages().stream() : Stream.of(pkg));
	}

	@Override
	public List<String> getRootPackages() {
		return FRONTS;
	}

	@Override
	public ApplicationModuleDetectionStrategy getApplicationModuleDetectionStrategy() {
		return this;
	}

}
