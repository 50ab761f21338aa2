package dev.ragchat.answer.generate.providers;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Gemini, for {@code ragchat.chat.generator=gemini} (API key) or {@code vertex-gemini}
 * (Vertex AI; credentials from the usual Google chain:
 * {@code GOOGLE_APPLICATION_CREDENTIALS}, gcloud, or the workload's service account).
 *
 * @param model the default model (a session or chat configuration may name another)
 * @param apiKey the Gemini API key ({@code GEMINI_API_KEY}), for {@code gemini}
 * @param projectId the Google Cloud project, for {@code vertex-gemini}
 * @param location the Vertex AI location, for {@code vertex-gemini}
 * @param endpoint another endpoint for either API (a proxy, or a test server)
 */
@ConfigurationProperties("ragchat.chat.gemini")
public record GeminiProperties(@DefaultValue("gemini-2.5-flash") String model, String apiKey, String projectId,
		@DefaultValue("us-central1") String location, URI endpoint) {

}
