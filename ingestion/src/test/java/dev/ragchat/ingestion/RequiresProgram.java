package dev.ragchat.ingestion;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * A test (class or method) that needs programs outside the JVM: without one of them on
 * {@code PATH} it is skipped, and the reason names the Debian packages to install; under
 * CI ({@code CI=true}) it fails instead, since {@code .ci/run} installs them all. A
 * class-level skip happens before a Spring application context starts.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
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
			ExternalProgram[] missing = AnnotationSupport.findAnnotation(context.getElement(), RequiresProgram.class)
				.map((required) -> Arrays.stream(required.value()).filter((program) -> program.find().isEmpty()))
				.map((programs) -> programs.toArray(ExternalProgram[]::new))
				.orElseGet(() -> new ExternalProgram[0]);
			if (missing.length == 0) {
				return ConditionEvaluationResult.enabled("the programs it needs are on PATH");
			}
			String message = ExternalProgram.missingMessage(missing);
			if (ExternalProgram.underCi()) {
				throw new AssertionError(message + ". Under CI (CI=true) every test must run: .ci/run installs it");
			}
			return ConditionEvaluationResult.disabled(message + " to run this test (skipped)");
		}

	}

}
