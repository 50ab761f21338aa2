package dev.ragchat.ingestion;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.AnnotatedElement;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Predicate;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * A test (class or method) that needs programs outside the JVM: without one of them on
 * {@code PATH} it is skipped, and the reason names the Debian packages to install; under
 * CI ({@code CI=true}) it fails instead, since {@code .ci/run} installs them all. A
 * class-level skip happens before a Spring application context starts, and a subclass
 * inherits the mark: every browser test class extends {@code ConsoleBrowserTestSupport},
 * which carries it. {@code ArchitectureTests} checks that every test reaching
 * {@link ExternalProgram#file()} is marked.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(RequiresProgram.Condition.class)
public @interface RequiresProgram {

	/**
	 * @return the programs the test needs
	 */
	ExternalProgram[] value();

	/**
	 * Evaluates {@link RequiresProgram} on the test class and the test method.
	 */
	class Condition implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			return evaluate(context.getElement(), (program) -> program.find().isPresent(), ExternalProgram.underCi());
		}

		static ConditionEvaluationResult evaluate(Optional<AnnotatedElement> element, Predicate<ExternalProgram> onPath,
				boolean underCi) {
			ExternalProgram[] missing = element
				.flatMap((annotated) -> AnnotationSupport.findAnnotation(annotated, RequiresProgram.class))
				.map((required) -> Arrays.stream(required.value()).filter(onPath.negate()))
				.map((programs) -> programs.toArray(ExternalProgram[]::new))
				.orElseGet(() -> new ExternalProgram[0]);
			if (missing.length == 0) {
				return ConditionEvaluationResult.enabled("the programs it needs are on PATH");
			}
			String message = ExternalProgram.missingMessage(missing);
			if (underCi) {
				throw new AssertionError(ExternalProgram.underCiMessage(message));
			}
			return ConditionEvaluationResult.disabled(message + " to run this test (skipped)");
		}

	}

}
