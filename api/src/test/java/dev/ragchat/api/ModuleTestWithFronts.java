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
		extraIncludes = { "api.web", "ingestion.archive", "ingestion.blobs", "ingestion.catalog", "ingestion.jobs",
				"ingestion.migration", "ingestion.reading", "retrieval.atlas", "retrieval.config",
				"retrieval.embedding", "retrieval.lucene", "retrieval.onnx", "retrieval.query", "retrieval.rerank",
				"retrieval.text" },
		verifyAutomatically = false)
public @interface ModuleTestWithFronts {

	/**
	 * A {@link ModuleTestWithFronts module test with the fronts} that boots the security
	 * filters and what they ask besides, for a module whose endpoints are reached through
	 * them but that uses none of their beans, so that Modulith does not count them among
	 * the module's dependencies to boot ({@code api.models}, whose endpoints take the
	 * {@code Caller}): the API keys and the filters ({@code api.access}, with the keys'
	 * format and settings, {@code api.keys}), and the chat sessions the filters ask
	 * whether a session token's session is open ({@code api.chat}'s
	 * {@code ActiveSessions}, with the media it uses, {@code api.media}).
	 */
	@Target(ElementType.TYPE)
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES,
			extraIncludes = { "api.access", "api.chat", "api.keys", "api.media", "api.web", "ingestion.archive",
					"ingestion.blobs", "ingestion.catalog", "ingestion.jobs", "ingestion.migration",
					"ingestion.reading", "retrieval.atlas", "retrieval.config", "retrieval.embedding",
					"retrieval.lucene", "retrieval.onnx", "retrieval.query", "retrieval.rerank", "retrieval.text" },
			verifyAutomatically = false)
	@interface WithSecurity {

	}

}
