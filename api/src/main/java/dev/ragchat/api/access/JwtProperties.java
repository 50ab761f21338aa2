package dev.ragchat.api.access;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Session tokens.
 *
 * @param ttl token lifetime ({@code RAGCHAT_JWT_TTL}); never beyond the key's expiry
 * @param secret Base64 HMAC key of at least 64 bytes; generated into the data directory
 * when unset
 * @param issuer the {@code iss} issued and required
 * @param audience the {@code aud} issued and required
 */
@ConfigurationProperties("ragchat.jwt")
public record JwtProperties(@DefaultValue("15m") Duration ttl, String secret, @DefaultValue("ragchat") String issuer,
		@DefaultValue("ragchat-chat") String audience) {

}
