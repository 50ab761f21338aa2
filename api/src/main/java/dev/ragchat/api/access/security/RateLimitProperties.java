package dev.ragchat.api.access.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Request budgets. Each budget refills evenly over its period.
 *
 * @param enabled whether limits apply at all
 * @param perKeyRequests requests one key (or the master key) may make per period
 * @param perKeyPeriod the period of the per-key budget
 * @param failedAuthenticationRequests failed authentications one client address may make
 * per period before it is answered 429
 * @param failedAuthenticationPeriod the period of that budget
 */
@ConfigurationProperties("ragchat.rate-limit")
record RateLimitProperties(@DefaultValue("true") boolean enabled, @DefaultValue("600") long perKeyRequests,
		@DefaultValue("1m") Duration perKeyPeriod, @DefaultValue("30") long failedAuthenticationRequests,
		@DefaultValue("1m") Duration failedAuthenticationPeriod) {

}
