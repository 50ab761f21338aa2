package dev.ragchat.api.access.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.ragchat.api.access.ApiKeys;
import dev.ragchat.api.access.security.CredentialConverter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The original Flask service's key endpoint: the master key in {@code X-API-Key} issues a
 * chat-and-upload key for the {@code default} knowledge base.
 */
@RestController
@Tag(name = "seed-compatible", description = "The original Flask service's endpoints, on the default knowledge base")
class SeedKeyController {

	private final ApiKeys keys;

	SeedKeyController(ApiKeys keys) {
		this.keys = keys;
	}

	@PostMapping(path = CredentialConverter.SEED_KEY_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Issue a temporary API key (X-API-Key: the master key)")
	TempKey issue() {
		ApiKeys.IssuedKey issued = this.keys
			.issue(new ApiKeys.KeyRequest("seed-client", null, List.of("chat", "upload"), List.of("default")));
		return new TempKey(issued.key(), Duration.between(Instant.now(), issued.record().expiresAt()).toSeconds());
	}

	/**
	 * The seed's answer shape.
	 *
	 * @param temp_api_key the key
	 * @param expires_in seconds until it expires
	 */
	@SuppressWarnings("checkstyle:RecordComponentName")
	record TempKey(String temp_api_key, long expires_in) {

	}

}
