package dev.ragchat.api.keys;

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
 * @param consoleDefaultTtl lifetime the console's Keys form picks first for a new key (at
 * most max-ttl; a request over the API without ttlSeconds gets default-ttl)
 */
@ConfigurationProperties("ragchat.keys")
public record ApiKeyProperties(@DefaultValue("1h") Duration defaultTtl, @DefaultValue("30d") Duration maxTtl,
		@DefaultValue("2s") Duration cacheTtl, @DefaultValue("1d") Duration consoleDefaultTtl) {

}
