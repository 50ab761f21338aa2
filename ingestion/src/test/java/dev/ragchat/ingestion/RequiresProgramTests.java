package dev.ragchat.ingestion;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link RequiresProgram}'s condition, with the programs' presence and CI given, so the
 * outcome does not depend on this machine.
 */
class RequiresProgramTests {

	@Test
	void aSubclassOfAMarkedClassIsSkippedWithThePackagesToInstallWhenAProgramIsMissing() {
		ConditionEvaluationResult result = RequiresProgram.Condition.evaluate(Optional.of(Scenarios.class),
				(program) -> program != ExternalProgram.CHROMEDRIVER, false);
		assertThat(result.isDisabled()).isTrue();
		assertThat(result.getReason()).hasValueSatisfying(
				(reason) -> assertThat(reason).contains("Chromium's WebDriver ('chromedriver'), not on PATH")
					.contains("apt-get install chromium chromium-driver")
					.doesNotContain("'chromium'"));
	}

	@Test
	void aSubclassOfAMarkedClassRunsWhenItsProgramsAreOnPath() {
		assertThat(
				RequiresProgram.Condition.evaluate(Optional.of(Scenarios.class), (program) -> true, true).isDisabled())
			.isFalse();
	}

	@Test
	void aSubclassOfAMarkedClassFailsUnderCiWhenAProgramIsMissing() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(
					() -> RequiresProgram.Condition.evaluate(Optional.of(Scenarios.class), (program) -> false, true))
			.withMessageContaining("apt-get install chromium chromium-driver")
			.withMessageContaining("Under CI (CI=true) every test must run");
	}

	@Test
	void aMarkedMethodIsSkippedAndAnUnmarkedOneRuns() throws Exception {
		ConditionEvaluationResult marked = RequiresProgram.Condition
			.evaluate(Optional.of(Scenarios.class.getDeclaredMethod("ocr")), (program) -> false, false);
		assertThat(marked.isDisabled()).isTrue();
		assertThat(marked.getReason()).hasValueSatisfying(
				(reason) -> assertThat(reason).contains("apt-get install tesseract-ocr").doesNotContain("chromium"));
		assertThat(RequiresProgram.Condition
			.evaluate(Optional.of(RequiresProgramTests.class.getDeclaredMethod("unmarked")), (program) -> false, true)
			.isDisabled()).isFalse();
	}

	void unmarked() {
	}

	@RequiresProgram({ ExternalProgram.CHROMIUM, ExternalProgram.CHROMEDRIVER })
	abstract static class BrowserSupport {

	}

	static class Scenarios extends BrowserSupport {

		@RequiresProgram(ExternalProgram.TESSERACT)
		void ocr() {
		}

	}

}
