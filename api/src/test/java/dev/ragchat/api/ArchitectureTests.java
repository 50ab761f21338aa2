package dev.ragchat.api;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.CompositeArchRule;
import dev.ragchat.answer.Search;
import dev.ragchat.answer.widen.PageContext;
import dev.ragchat.api.analytics.Analytics;
import dev.ragchat.api.backup.Backups;
import dev.ragchat.ingestion.DocumentStore;
import dev.ragchat.retrieval.ChunkIndex;
import dev.ragchat.retrieval.Retriever;
import dev.ragchat.retrieval.query.QueryShaper;
import dev.ragchat.retrieval.rerank.Reranker;
import dev.ragchat.retrieval.rerank.Reranking;
import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.Configuration;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The boundaries docs/architecture.md draws, checked on the compiled production classes
 * of all five modules: api uses answer and sources, each of them uses ingestion,
 * ingestion uses retrieval, never the other way (answer and sources not each other
 * either); no cycles between modules or between packages; adapters are reached only
 * through their ports, so only their own package and the configuration that chooses them
 * name them; the index and catalog ports are taken only by ingestion, retrieval and the
 * configurations (a few named readers apart), everything else going through the fronts.
 * The application modules (a Maven module's top-level packages: no cycles between them,
 * no use of another's internals) are Spring Modulith's to check: {@link ModularityTests}.
 */
class ArchitectureTests {

	/** The modules' production classes: directories in an IDE, jars in a Maven build. */
	static final JavaClasses ragchat = new ClassFileImporter()
		.withImportOption((location) -> !location.contains("/test-classes/") && !location.contains("-tests.jar"))
		.importPackages("dev.ragchat");

	@Test
	void modulesDependOnlyDownwards() {
		layeredArchitecture().consideringOnlyDependenciesInLayers()
			.layer("api")
			.definedBy("dev.ragchat", "dev.ragchat.api..")
			.layer("answer")
			.definedBy("dev.ragchat.answer..")
			.layer("sources")
			.definedBy("dev.ragchat.sources..")
			.layer("ingestion")
			.definedBy("dev.ragchat.ingestion..")
			.layer("retrieval")
			.definedBy("dev.ragchat.retrieval..", "dev.ragchat.errors..")
			.whereLayer("api")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("answer")
			.mayOnlyBeAccessedByLayers("api")
			.whereLayer("sources")
			.mayOnlyBeAccessedByLayers("api")
			.whereLayer("ingestion")
			.mayOnlyBeAccessedByLayers("answer", "sources", "api")
			.whereLayer("retrieval")
			.mayOnlyBeAccessedByLayers("ingestion", "answer", "sources", "api")
			.check(ragchat);
	}

	@Test
	void theProductionClassesOfEveryMavenModuleAreChecked() {
		assertThat(Stream.of("dev.ragchat.api", "dev.ragchat.answer", "dev.ragchat.sources", "dev.ragchat.ingestion",
				"dev.ragchat.retrieval"))
			.as("a Maven module whose classes the rules would not see")
			.allMatch((module) -> ragchat.stream().anyMatch((javaClass) -> javaClass.getPackageName().equals(module)));
	}

	@Test
	void noStepOfTheAnswerPathImportsAWebType() {
		// session and media, rewrite, shape, retrieve, rerank, ground, generate, cite,
		// store
		// (Spring's HTTP clients, RestClient and WebClient, live under "web" too: a step
		// may call a model over HTTP, it may not serve HTTP)
		noClasses().that()
			.resideInAnyPackage("dev.ragchat.api.chat", "dev.ragchat.answer..", "dev.ragchat.api.chat.store..",
					"dev.ragchat.api.chatconfig..", "dev.ragchat.api.media", "dev.ragchat.retrieval..")
			.should()
			.dependOnClassesThat(JavaClass.Predicates.resideInAnyPackage("..web..", "jakarta.servlet..")
				.and(DescribedPredicate.not(JavaClass.Predicates.resideInAnyPackage("org.springframework.web.client..",
						"org.springframework.web.reactive.function.client.."))))
			.check(ragchat);
	}

	@Test
	void onlyTheSearchStageShapesRetrievesOrReranks() {
		// one search for /search, MCP, chat and the ground step: nothing else calls the
		// query shaper, the retriever or the reranker (configurations build them)
		noClasses().that()
			.resideOutsideOfPackages("dev.ragchat.answer.search..", "dev.ragchat.retrieval..")
			.should()
			.callMethodWhere(DescribedPredicate.describe("a method of the query shaper, the retriever or the reranker",
					(JavaMethodCall call) -> Stream
						.of(QueryShaper.class, Retriever.class, Reranking.class, Reranker.class)
						.anyMatch((type) -> call.getTargetOwner().isAssignableTo(type))))
			.because("the answer engine's search stage is the one way to search a knowledge base")
			.check(ragchat);
	}

	@Test
	void noJudgeSearches() {
		// the judge reads what the search stage found and read (Judged) and decides: the
		// look-ups of names the sources lack are the search stage's query expansion
		noClasses().that()
			.resideInAPackage("dev.ragchat.answer.judge..")
			.should()
			.transitivelyDependOnClassesThat()
			.areAssignableTo(Search.class)
			.because("the judge only reads and decides; searching is the search stage's")
			.check(ragchat);
	}

	@Test
	void noStageOfTheAnswerEngineKnowsASessionAStoreOrTheWeb() {
		noClasses().that()
			.resideInAPackage("dev.ragchat.answer..")
			.should()
			.dependOnClassesThat(JavaClass.Predicates
				.resideInAnyPackage("dev.ragchat.api.chat..", "dev.ragchat.api.openai..", "dev.ragchat.api.mcp..",
						"dev.ragchat.api.knowledge..", "..store..", "..web..", "jakarta.servlet..")
				.and(DescribedPredicate.not(JavaClass.Predicates.resideInAnyPackage("org.springframework.web.client..",
						"org.springframework.web.reactive.function.client.."))))
			.because("the engine is stateless: a question, its history and settings in, an answer out")
			.check(ragchat);
	}

	@Test
	void onlyIngestionRetrievalAndConfigurationsTakeTheIndexOrCatalogPort() {
		// web and MCP code read documents through the ingestion front (Documents); the
		// ports behind it are ingestion's and retrieval's, and the configurations' that
		// wire them
		noClasses().that()
			.resideOutsideOfPackages("dev.ragchat.ingestion..", "dev.ragchat.retrieval..")
			.and()
			.areNotAnnotatedWith(Configuration.class)
			.and(DescribedPredicate.not(JavaClass.Predicates.belongToAnyOf(
					// the widen step reads a cited chunk's page from the index, as the
					// search stage does, inside the answer engine (answer module)
					PageContext.class,
					// a backup of the stores themselves names the index's embedding model
					Backups.class,
					// usage counts read every store by time range, not one knowledge base
					Analytics.class)))
			.should()
			.dependOnClassesThat(JavaClass.Predicates.belongToAnyOf(ChunkIndex.class, DocumentStore.class)
				.or(JavaClass.Predicates.assignableTo(ChunkIndex.class))
				.or(JavaClass.Predicates.assignableTo(DocumentStore.class)))
			.because("a port sits behind its module's front: documents are read through ingestion.Documents")
			.check(ragchat);
	}

	/**
	 * The answer engine keeps nothing that changes while the service runs: what a
	 * question is answered with (its model among them) travels in its request.
	 * Approximated by its fields: every field of {@code dev.ragchat.answer..} is final
	 * (but those of the working objects of one answer, named here), and none holds a map
	 * or an atomic reference, the shape of a registry written from outside.
	 */
	@Test
	void theAnswerEngineHoldsNoMutableRegistry() {
		CompositeArchRule.of(fields().that()
			.areDeclaredInClassesThat()
			.resideInAPackage("dev.ragchat.answer..")
			// one answer's working state, made and dropped with it
			.and()
			.areNotDeclaredIn("dev.ragchat.answer.engine.Tracing")
			.and()
			.areNotDeclaredIn("dev.ragchat.answer.generate.Candidate")
			.should()
			.beFinal()
			.because("the engine is a function of its request: a model chosen while the service runs is kept"
					+ " in api.models and travels in the AnswerRequest"))
			.and(noFields().that()
				.areDeclaredInClassesThat()
				.resideInAPackage("dev.ragchat.answer..")
				// one answer's numbering of its sources, made and dropped with it
				.and()
				.areNotDeclaredIn("dev.ragchat.answer.text.CitationMarkers$Numbering")
				// a table of constants read once from a library's data (ICU's languages)
				.and()
				.areNotStatic()
				.should()
				.haveRawType(JavaClass.Predicates.assignableTo(Map.class))
				.orShould()
				.haveRawType(JavaClass.Predicates.assignableTo(AtomicReference.class))
				.because("a map or an atomic reference in the engine is a registry; it belongs in api.models"))
			.check(ragchat);
	}

	@Test
	void noPackageHoldsMoreThanFifteenClasses() {
		Map<String, Long> sizes = ragchat.stream()
			.filter((javaClass) -> javaClass.getEnclosingClass().isEmpty() && !javaClass.isAnonymousClass()
					&& !javaClass.getSimpleName().equals("package-info"))
			.collect(Collectors.groupingBy(JavaClass::getPackageName, Collectors.counting()));
		assertThat(sizes).isNotEmpty();
		assertThat(sizes.entrySet().stream().filter((size) -> size.getValue() > 15).map(Map.Entry::getKey))
			.as("packages of more than 15 classes (docs/architecture.md)")
			.isEmpty();
	}

	@Test
	void modulesHaveNoCycles() {
		slices().matching("dev.ragchat.(*)..").should().beFreeOfCycles().check(ragchat);
	}

	@Test
	void packagesHaveNoCycles() {
		// each package its own slice: a feature and its sub-packages (chat, chat.answer)
		// may not depend on each other both ways either
		slices().matching("dev.ragchat.(**)").should().beFreeOfCycles().check(ragchat);
	}

	@Test
	void indexAdaptersAreReachedOnlyThroughTheChunkIndexPort() {
		classes().that()
			.resideInAnyPackage("dev.ragchat.retrieval.lucene..", "dev.ragchat.retrieval.atlas..")
			.should()
			.onlyBeAccessed()
			.byClassesThat()
			.resideInAnyPackage("dev.ragchat.retrieval.lucene..", "dev.ragchat.retrieval.atlas..",
					"dev.ragchat.retrieval.config..")
			.check(ragchat);
	}

	@Test
	void embeddingAdaptersAreReachedOnlyThroughTheirPorts() {
		classes().that()
			.haveSimpleNameStartingWith("Gemini")
			.and()
			.resideInAPackage("dev.ragchat.retrieval.embedding..")
			.or()
			.resideInAPackage("dev.ragchat.retrieval.onnx..")
			.should()
			.onlyBeAccessed()
			.byClassesThat()
			.resideInAnyPackage("dev.ragchat.retrieval.embedding..", "dev.ragchat.retrieval.onnx..",
					"dev.ragchat.retrieval.config..")
			.check(ragchat);
	}

	@Test
	void storeAdaptersAreReachedOnlyThroughTheirPorts() {
		classes().that()
			.haveNameMatching(".*\\.(Jdbc|Mongo|Local|S3)\\w*Store")
			.should()
			.onlyBeAccessed()
			.byClassesThat()
			.resideInAnyPackage("dev.ragchat.ingestion.catalog..", "dev.ragchat.ingestion.blobs..",
					"dev.ragchat.api.access.store..", "dev.ragchat.api.chat.store..",
					"dev.ragchat.api.chatconfig.store..", "dev.ragchat.api.media.store..",
					"dev.ragchat.api.feedback.store..", "dev.ragchat.sources.store..", "dev.ragchat.api.models.store..",
					"dev.ragchat.api.evaluation.store..", "dev.ragchat.api.people.store..")
			.check(ragchat);
	}

	@Test
	void catalogStoreAdaptersArePackagePrivate() {
		classes().that()
			.haveNameMatching(".*\\.(Jdbc|Mongo)\\w*Store")
			.should()
			.notBePublic()
			.because("an adapter is reached through its port and built by its package's configuration")
			.check(ragchat);
	}

	@Test
	void onlyTheWebEdgeSpeaksHttpProblems() {
		// an adapter may call a server with Spring's HTTP client (an embedding server);
		// serving HTTP, statuses and problems belong to the web edge
		noClasses().that()
			.resideInAnyPackage("dev.ragchat.retrieval..", "dev.ragchat.ingestion..", "dev.ragchat.sources..",
					"dev.ragchat.errors..")
			.should()
			.dependOnClassesThat(JavaClass.Predicates
				.resideInAnyPackage("org.springframework.http..", "org.springframework.web..", "jakarta.servlet..")
				.and(DescribedPredicate.not(JavaClass.Predicates.resideInAnyPackage("org.springframework.http.client..",
						"org.springframework.web.client.."))))
			.check(ragchat);
	}

}
