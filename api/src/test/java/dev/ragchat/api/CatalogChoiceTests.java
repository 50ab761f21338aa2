package dev.ragchat.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.ragchat.ingestion.catalog.CatalogProperties;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The catalog's backend is chosen in one place, {@code ingestion.catalog}: its
 * {@code Catalog} builds every feature's stores, and its {@code ConditionalOnCatalog} is
 * the one condition for code that needs the chosen backend's client (JobRunr's storage).
 * Nothing else reads {@code ragchat.catalog.*} or derives the choice from which client
 * beans exist (docs/architecture.md).
 */
class CatalogChoiceTests {

	private static final String CATALOG = "dev.ragchat.ingestion.catalog";

	/** The settings' prefix, as a class file holds a string naming it. */
	private static final byte[] SETTINGS = "ragchat.catalog".getBytes(StandardCharsets.UTF_8);

	/**
	 * The catalog's clients, whose presence a bean condition could read the choice from.
	 */
	private static final List<Class<?>> CLIENTS = List.of(DataSource.class, JdbcClient.class, JdbcTemplate.class,
			MongoClient.class, MongoDatabase.class, MongoTemplate.class, MongoDatabaseFactory.class);

	@Test
	void nothingOutsideTheCatalogReadsItsSettings() {
		noClasses().that()
			.resideOutsideOfPackage(CATALOG)
			.should()
			.dependOnClassesThat(JavaClass.Predicates.equivalentTo(CatalogProperties.class))
			.orShould(nameASetting())
			.because("the catalog's backend is chosen once: a store with Catalog.choose, a client with "
					+ "@ConditionalOnCatalog")
			.check(ArchitectureTests.ragchat);
	}

	@Test
	void nothingOutsideTheCatalogDerivesItsBackendFromItsClients() {
		noClasses().that()
			.resideOutsideOfPackage(CATALOG)
			.should(beConditionalOnAClient())
			.because("which clients exist is not the catalog's choice (the Atlas index brings a MongoDB client "
					+ "beside the embedded catalog): use @ConditionalOnCatalog")
			.check(ArchitectureTests.ragchat);
	}

	/**
	 * A class whose constants name a {@code ragchat.catalog} setting: a property read, a
	 * condition or a {@code @Value} on it (a constant of another class, such as a
	 * property's name, is copied into the class that uses it).
	 */
	private static ArchCondition<JavaClass> nameASetting() {
		return new ArchCondition<>("name a ragchat.catalog setting") {

			@Override
			public void check(JavaClass javaClass, ConditionEvents events) {
				if (javaClass.getSource().isPresent() && holds(javaClass.getSource().get().getUri().toString())) {
					events.add(SimpleConditionEvent.satisfied(javaClass,
							javaClass.getName() + " names a ragchat.catalog setting"));
				}
			}

		};
	}

	private static boolean holds(String classFile) {
		try (InputStream in = URI.create(classFile).toURL().openStream()) {
			byte[] bytes = in.readAllBytes();
			for (int i = 0; i + SETTINGS.length <= bytes.length; i++) {
				if (Arrays.equals(bytes, i, i + SETTINGS.length, SETTINGS, 0, SETTINGS.length)) {
					return true;
				}
			}
			return false;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static ArchCondition<JavaClass> beConditionalOnAClient() {
		DescribedPredicate<JavaAnnotation<?>> onAClient = DescribedPredicate.describe("a bean condition on a client",
				CatalogChoiceTests::isOnAClient);
		return new ArchCondition<>("be conditional on a catalog client") {

			@Override
			public void check(JavaClass javaClass, ConditionEvents events) {
				if (javaClass.getAnnotations().stream().anyMatch(onAClient)) {
					events.add(SimpleConditionEvent.satisfied(javaClass,
							javaClass.getName() + " has a bean condition on a catalog client"));
				}
				javaClass.getMembers()
					.stream()
					.filter((member) -> member.getAnnotations().stream().anyMatch(onAClient))
					.forEach((member) -> events.add(SimpleConditionEvent.satisfied(javaClass,
							member.getFullName() + " has a bean condition on a catalog client")));
			}

		};
	}

	private static boolean isOnAClient(JavaAnnotation<?> annotation) {
		if (Stream.of(ConditionalOnBean.class, ConditionalOnMissingBean.class, ConditionalOnSingleCandidate.class)
			.noneMatch((condition) -> annotation.getRawType().isEquivalentTo(condition))) {
			return false;
		}
		return Stream.of("value", "type")
			.flatMap((attribute) -> annotation.get(attribute).stream())
			.flatMap((value) -> (value instanceof Object[] values) ? Arrays.stream(values) : Stream.of(value))
			.anyMatch((value) -> CLIENTS.stream()
				.anyMatch((client) -> (value instanceof JavaClass type) ? type.isEquivalentTo(client)
						: client.getName().equals(value)));
	}

}
