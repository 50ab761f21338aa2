package dev.ragchat.api.access.security;

import java.time.Duration;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;

/**
 * Bucket4j token buckets per key and per client address (for failed authentication), kept
 * in memory on this node. Idle buckets are dropped after an hour.
 */
final class RateLimits {

	private final RateLimitProperties properties;

	private final Cache<String, Bucket> perKey;

	private final Cache<String, Bucket> failedAuthentication;

	/**
	 * Per locked-out address, when its current lock-out ends ({@link System#nanoTime}).
	 */
	private final Cache<String, Long> lockedUntil;

	RateLimits(RateLimitProperties properties) {
		this.properties = properties;
		this.perKey = Caffeine.newBuilder().expireAfterAccess(Duration.ofHours(1)).maximumSize(1_000_000).build();
		this.failedAuthentication = Caffeine.newBuilder()
			.expireAfterAccess(Duration.ofHours(1))
			.maximumSize(1_000_000)
			.build();
		this.lockedUntil = Caffeine.newBuilder().expireAfterWrite(Duration.ofHours(1)).maximumSize(1_000_000).build();
	}

	/**
	 * Whether a refusal for want of failed-authentication budget starts a new lock-out of
	 * its address, rather than falling within one already under way: the audit trail
	 * records one event per lock-out, not one per refused request.
	 * @param address the client address
	 * @param wait how long the address must wait, as just refused
	 * @return {@code true} for the first refusal of a lock-out
	 */
	boolean lockOutStarts(String address, Duration wait) {
		long now = System.nanoTime();
		boolean[] starts = { false };
		this.lockedUntil.asMap().compute(address, (a, until) -> {
			if (until != null && until - now > 0) {
				return until;
			}
			starts[0] = true;
			return now + wait.toNanos();
		});
		return starts[0];
	}

	/**
	 * @param key the key id, or {@code master}
	 * @return zero when the request may proceed, else how long to wait
	 */
	Duration tryRequest(String key) {
		return consume(this.perKey, key,
				() -> bucket(this.properties.perKeyRequests(), this.properties.perKeyPeriod()));
	}

	/**
	 * @param address the client address
	 * @return zero while the address has failures left, else how long to wait
	 */
	Duration tryFailedAuthentication(String address) {
		return consume(this.failedAuthentication, address, () -> bucket(this.properties.failedAuthenticationRequests(),
				this.properties.failedAuthenticationPeriod()));
	}

	/**
	 * Whether an address is locked out: it has no failed authentication left in its
	 * budget. Spends nothing, so asking does not lengthen the lock-out.
	 * @param address the client address
	 * @return zero when the address may try to authenticate, else how long until it may
	 */
	Duration failedAuthenticationLockout(String address) {
		if (!this.properties.enabled()) {
			return Duration.ZERO;
		}
		Bucket bucket = this.failedAuthentication.getIfPresent(address);
		if (bucket == null) {
			return Duration.ZERO;
		}
		EstimationProbe probe = bucket.estimateAbilityToConsume(1);
		return probe.canBeConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
	}

	private Duration consume(Cache<String, Bucket> buckets, String name, Supplier<Bucket> bucket) {
		if (!this.properties.enabled()) {
			return Duration.ZERO;
		}
		ConsumptionProbe probe = buckets.get(name, (n) -> bucket.get()).tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
	}

	private static Bucket bucket(long requests, Duration period) {
		return Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(requests).refillGreedy(requests, period).build())
			.build();
	}

}
