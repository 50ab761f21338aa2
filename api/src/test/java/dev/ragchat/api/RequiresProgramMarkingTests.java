package dev.ragchat.api;

import java.lang.reflect.AnnotatedElement;
import java.net.URI;
import java.util.List;
import java.util.stream.Stream;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import dev.ragchat.ingestion.ExternalProgram;
import dev.ragchat.ingestion.RequiresProgram;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.annotation.Testable;
import org.junit.platform.commons.support.AnnotationSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tests of all modules that run a program outside the JVM (Chromium, ChromeDriver,
 * Tesseract) are marked {@link RequiresProgram}, so that without the program they are
 * skipped with the package to install before anything starts (failed under
 * {@code CI=true}): every call of {@link ExternalProgram#file()} is in a test method
 * marked so, or in a class that JUnit finds marked, as are all its subclasses (the
 * browser tests extend {@code ConsoleBrowserTestSupport} and inherit its mark).
 */
class RequiresProgramMarkingTests {

	/**
	 * The test classes of ingestion and api (retrieval's and answer's cannot reach
	 * {@link ExternalProgram}): directories in an IDE, a directory and a jar in a Maven
	 * build; only them, not the classes they use, which nothing here needs.
	 */
	static final JavaClasses tests = ArchConfiguration.withThreadLocalScope((configuration) -> {
		configuration.setResolveMissingDependenciesFromClassPath(false);
		return new ClassFileImporter()
			.importLocations(List.of(location(ExternalProgram.class), location(RequiresProgramMarkingTests.class)));
	});

	@Test
	void everyTestThatRunsAProgramOutsideTheJvmIsMarkedRequiresProgram() {
		List<JavaMethodCall> calls = tests.stream()
			.flatMap((type) -> type.getMethodCallsFromSelf().stream())
			.filter((call) -> call.getTargetOwner().isEquivalentTo(ExternalProgram.class)
					&& call.getName().equals("file"))
			.toList();
		assertThat(calls).as("calls of ExternalProgram.file() in the test classes")
			.extracting((call) -> call.getOriginOwner().getSimpleName())
			.contains("ConsoleBrowserTestSupport", "DocumentReaderTests");
		assertThat(calls.stream().filter((call) -> !marked(call.getOrigin())).map(JavaMethodCall::getDescription))
			.as("calls of ExternalProgram.file() outside a test marked @RequiresProgram")
			.isEmpty();
	}

	/**
	 * Whether JUnit skips the caller without the program: a test method marked itself, or
	 * a class marked as JUnit finds it ({@code RequiresProgram.Condition}), and with it
	 * every subclass, which runs the caller as its own.
	 */
	private static boolean marked(JavaCodeUnit caller) {
		AnnotatedElement method = (AnnotatedElement) caller.reflect();
		if (AnnotationSupport.isAnnotated(method, RequiresProgram.class)
				&& AnnotationSupport.isAnnotated(method, Testable.class)) {
			return true;
		}
		return Stream.concat(Stream.of(caller.getOwner()), caller.getOwner().getAllSubclasses().stream())
			.allMatch((type) -> marked(type.reflect()));
	}

	private static Location location(Class<?> type) {
		URI uri = URI.create(type.getProtectionDomain().getCodeSource().getLocation().toString());
		return uri.getPath().endsWith(".jar") ? Location.of(URI.create("jar:" + uri + "!/")) : Location.of(uri);
	}

	private static boolean marked(Class<?> type) {
		// a nested class runs inside its enclosing class, skipped with it
		return AnnotationSupport.isAnnotated(type, RequiresProgram.class)
				|| (type.getEnclosingClass() != null && marked(type.getEnclosingClass()));
	}

}
