package dev.ragchat.api;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.ragchat.ingestion.Documents;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The ingestion front ({@link Documents}) and the class that takes files in and out
 * ({@code Uploads}, package-private beside it) go one way: the front calls
 * {@code Uploads}, handing it the documents it has read, and {@code Uploads} never calls
 * the front, neither directly nor through a third class (a worker, the ingestion steps),
 * which would make the two one tangle again. {@code Uploads} may use the front's value
 * records ({@code Documents.Upload}, {@code Submitted}, {@code Replaced}): they are the
 * front's published types, and no code of the front runs through them.
 */
class DocumentsUploadsDirectionTests {

	private static final String UPLOADS = "dev.ragchat.ingestion.Uploads";

	/** Ingestion's production classes (what lies between the two can only be there). */
	private static final JavaClasses ingestion = new ClassFileImporter()
		.withImportOption((location) -> !location.contains("/test-classes/") && !location.contains("-tests.jar"))
		.importPackages("dev.ragchat.ingestion");

	@Test
	void theFrontCallsUploads() {
		classes().that()
			.haveFullyQualifiedName(Documents.class.getName())
			.should()
			.dependOnClassesThat()
			.haveFullyQualifiedName(UPLOADS)
			.check(ingestion);
	}

	@Test
	void uploadsNeverCallsTheFrontDirectly() {
		noClasses().that()
			.haveNameMatching(UPLOADS.replace(".", "\\.") + "(\\$.*)?")
			.should()
			.dependOnClassesThat()
			.haveFullyQualifiedName(Documents.class.getName())
			.because("the front calls Uploads with the documents it has read, never the other way")
			.check(ingestion);
	}

	@Test
	void uploadsNeverReachesTheFrontThroughAnotherClass() {
		noClasses().that()
			.haveNameMatching(UPLOADS.replace(".", "\\.") + "(\\$.*)?")
			.should()
			.transitivelyDependOnClassesThat()
			.haveFullyQualifiedName(Documents.class.getName())
			.because("a path back to the front through a third class is the same cycle (where an original is"
					+ " kept belongs to Document, not to the front)")
			.check(ingestion);
	}

}
