package dev.ragchat.api;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Says, when the start stops for removed settings, which ones and what to do instead.
 */
class RemovedSettingsFailureAnalyzer extends AbstractFailureAnalyzer<RemovedSettings.RemovedSettingsException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, RemovedSettings.RemovedSettingsException cause) {
		StringBuilder description = new StringBuilder("Settings that ragchat no longer has are set:\n");
		cause.found().forEach((found) -> description.append("\n  - ").append(found.describe()));
		return new FailureAnalysis(description.toString(),
				"Remove these settings (or set what replaced them). docs/configuration.md lists every setting"
						+ " and the ones removed.",
				cause);
	}

}
