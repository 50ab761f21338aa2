package dev.ragchat.retrieval.embedding;

import java.lang.reflect.Field;

import com.google.genai.ApiClient;
import com.google.genai.Client;

/**
 * Google's clients as ragchat builds them for the Gemini API, its embeddings and its chat
 * models alike: they never follow a redirect (the service connects only to the URL it was
 * configured with).
 */
public final class GoogleClients {

	private GoogleClients() {
	}

	/**
	 * The Gemini API's client with its OkHttp client replaced by one that follows no
	 * redirect. Done by reflection because google-genai builds its OkHttp client itself
	 * and offers no setting for redirects (neither {@code HttpOptions} nor
	 * {@code ClientOptions}), and OkHttp follows them by default to any host, sending the
	 * prompt and {@code x-goog-api-key} there (it drops only {@code Authorization}). A
	 * version that no longer has these fields fails the start rather than follow
	 * redirects again.
	 * @param client a client just built
	 * @return the client, following no redirect
	 */
	public static Client withoutRedirects(Client client) {
		try {
			Field apiClientField = Client.class.getDeclaredField("apiClient");
			apiClientField.setAccessible(true);
			ApiClient apiClient = (ApiClient) apiClientField.get(client);
			Field httpClientField = ApiClient.class.getDeclaredField("httpClient");
			httpClientField.setAccessible(true);
			httpClientField.set(apiClient,
					apiClient.httpClient().newBuilder().followRedirects(false).followSslRedirects(false).build());
			return client;
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			throw new IllegalStateException("Cannot turn off redirects in the Gemini API's client (google-genai "
					+ Client.class.getPackage().getImplementationVersion() + "): " + ex, ex);
		}
	}

}
