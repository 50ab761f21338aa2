package dev.ragchat.ingestion;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.condition.EnabledIf;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * Marks a test that runs against {@code mongodb/mongodb-atlas-local} in Docker
 * (Testcontainers). Without Docker it is skipped, saying how to run it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@EnabledIf(value = "dev.ragchat.ingestion.catalog.TestMongo#dockerAvailable",
		disabledReason = "No Docker here: this test runs against mongodb/mongodb-atlas-local in Docker. "
				+ "Run ./mvnw verify on a machine with Docker (CI: .github/workflows/docker-tests.yml).")
@Testcontainers(disabledWithoutDocker = true)
public @interface AtlasLocalTest {

}
