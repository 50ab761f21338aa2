package dev.ragchat.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;

/**
 * An application module test (Spring Modulith's {@link ApplicationModuleTest}) of the
 * annotated class's module with the modules it uses ({@code ALL_DEPENDENCIES}), and the
 * modules behind the ingestion and retrieval fronts, which Modulith does not count as
 * dependencies: the fronts' configurations ({@code IngestionConfiguration}) boot with
 * every module, and take the adapters behind their ports (the catalog, blobs, index,
 * embeddings, the job runner). The HTTP edge ({@code api.web}: problem responses, request
 * limits) comes too, so a module's controllers answer as the service's do; it holds none
 * of api's features. {@code verify()} is left to {@code ModularityTests}, which checks
 * the modules once for the whole build.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES,
		extraIncludes = { "api.web", "ingestion.blobs", "ingestion.catalog", "ingestion.jobs", "ingestion.migration",
				"ingestion.reading", "retrieval.atlas", "retrieval.config", "retrieval.embedding", "retrieval.lucene",
				"retrieval.query", "retrieval.rerank", "retrieval.text" },
		verifyAutomatically = false)
public @interface ModuleTestWithFronts {

}
