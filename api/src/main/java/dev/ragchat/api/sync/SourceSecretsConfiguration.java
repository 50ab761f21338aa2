package dev.ragchat.api.sync;

import dev.ragchat.api.RagChatProperties;
import dev.ragchat.api.models.SecretBox;
import dev.ragchat.sources.Secrets;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Seals web sources' secrets as the console's other stored secrets are sealed
 * ({@link SecretBox}: AES-256-GCM, the data directory's key), for a purpose of their own.
 */
@Configuration(proxyBeanMethods = false)
class SourceSecretsConfiguration {

	/** The associated data of a web source's sealed secret. */
	static final String PURPOSE = "ragchat web source secret";

	@Bean
	Secrets sourceSecrets(RagChatProperties ragchat) {
		SecretBox box = new SecretBox(ragchat.dataDir(), PURPOSE);
		return new Secrets() {

			@Override
			public String seal(String secret) {
				return box.seal(secret);
			}

			@Override
			public String open(String sealed) {
				return box.open(sealed);
			}

		};
	}

}
