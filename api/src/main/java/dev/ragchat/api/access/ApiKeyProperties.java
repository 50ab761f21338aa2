package dev.ragchat.api.access;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Lifetimes of temporary API keys.
 *
 * @param defaultTtl lifetime when the request names none
 * @param maxTtl the longest lifetime a key may be given
 * @param cacheTtl how long a node may trust what it read about a key (bounds how late a
 * revocation on another node takes effect)
 */
@ConfigurationProperties("ragchat.keys")
public record ApiKeyProperties(@DefaultValue("1h") Duration defaultTtl, @DefaultValue("30d") Duration maxTtl,
		@DefaultValue("2s") Duration cacheTtl) {

}
