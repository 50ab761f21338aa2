package dev.ragchat.api;

import java.util.Arrays;
import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import dev.ragchat.ingestion.catalog.CatalogProperties;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The catalog's backend is chosen in one place: {@code ingestion.catalog}'s
 * {@code Catalog} builds every feature's stores, so no feature's configuration holds a
 * condition on {@code ragchat.catalog.store} of its own (docs/architecture.md).
 */
class CatalogChoiceTests {

	@Test
	void noFeatureConfigurationChoosesTheCatalogBackendItself() {
		noClasses().that()
			.resideOutsideOfPackages("dev.ragchat.ingestion.catalog", "dev.ragchat.ingestion.jobs")
			.should()
			.beAnnotatedWith(DescribedPredicate.describe("a condition on " + CatalogProperties.STORE,
					CatalogChoiceTests::isOnTheCatalogStore))
			.because("a feature builds its stores with Catalog.choose; JobRunr's storage (ingestion.jobs) takes "
					+ "the datasource or the MongoDB client itself, not a store")
			.check(ArchitectureTests.ragchat);
	}

	private static boolean isOnTheCatalogStore(JavaAnnotation<?> annotation) {
		if (!annotation.getRawType().isEquivalentTo(ConditionalOnProperty.class)) {
			return false;
		}
		String prefix = annotation.get("prefix")
			.map(String.class::cast)
			.filter((value) -> !value.isEmpty())
			.map((value) -> value + ".")
			.orElse("");
		return Stream.of("name", "value")
			.flatMap((attribute) -> annotation.get(attribute).stream())
			.flatMap((names) -> Arrays.stream((Object[]) names))
			.anyMatch((name) -> CatalogProperties.STORE.equals(prefix + name));
	}

}
