package dev.ragchat.ingestion.sync.crawl;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * How hard this service presses a web host, over every crawl at once: at most
 * {@code requestsPerHost} requests in flight to one host, and the requests to a host
 * spaced by a delay (the host's robots.txt {@code Crawl-delay} when it sets one, else
 * {@link #DEFAULT_DELAY}). A slot is taken before a request and given back after it.
 */
final class Politeness {

	/** The spacing of requests to a host whose robots.txt sets none. */
	static final Duration DEFAULT_DELAY = Duration.ofMillis(250);

	/** The longest crawl delay honoured; a robots.txt asking for more gets this. */
	static final Duration MAX_DELAY = Duration.ofSeconds(30);

	private final int requestsPerHost;

	private final Map<String, Host> hosts = new ConcurrentHashMap<>();

	Politeness(int requestsPerHost) {
		this.requestsPerHost = Math.max(1, requestsPerHost);
	}

	/**
	 * Waits for a slot of a host and for its turn.
	 * @param host the host (and port)
	 * @param delay the spacing its robots.txt asks for, or {@code null} for the default
	 * @return the slot, to close once the response was read
	 * @throws InterruptedException if interrupted while waiting
	 */
	Slot take(String host, Duration delay) throws InterruptedException {
		Host state = this.hosts.computeIfAbsent(host, (h) -> new Host(new Semaphore(this.requestsPerHost, true)));
		state.slots.acquire();
		long wait;
		synchronized (state) {
			long spacing = ((delay != null) ? min(delay, MAX_DELAY) : DEFAULT_DELAY).toNanos();
			long now = System.nanoTime();
			long at = Math.max(now, state.next);
			state.next = at + spacing;
			wait = at - now;
		}
		if (wait > 0) {
			try {
				Thread.sleep(Duration.ofNanos(wait));
			}
			catch (InterruptedException ex) {
				state.slots.release();
				throw ex;
			}
		}
		return state.slots::release;
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	/**
	 * A request's slot with a host.
	 */
	interface Slot extends AutoCloseable {

		@Override
		void close();

	}

	private static final class Host {

		private final Semaphore slots;

		private long next = System.nanoTime();

		Host(Semaphore slots) {
			this.slots = slots;
		}

	}

}
