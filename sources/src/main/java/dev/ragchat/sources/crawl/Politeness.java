package dev.ragchat.sources.crawl;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * How hard this service presses a web host, over every crawl at once: at most
 * {@code requestsPerHost} requests in flight to one host, and the requests to a host
 * spaced by a delay (the host's robots.txt {@code Crawl-delay} when it sets one, else
 * {@link #DEFAULT_DELAY}). A slot is taken before a request and given back after it. A
 * crawl that is stopped stops waiting (it looks every {@value #LOOK_MILLIS} ms).
 */
final class Politeness {

	/** The spacing of requests to a host whose robots.txt sets none. */
	static final Duration DEFAULT_DELAY = Duration.ofMillis(250);

	/** The longest crawl delay honoured; a robots.txt asking for more gets this. */
	static final Duration MAX_DELAY = Duration.ofSeconds(30);

	private static final long LOOK_MILLIS = 100;

	private final int requestsPerHost;

	private final Map<String, Host> hosts = new ConcurrentHashMap<>();

	Politeness(int requestsPerHost) {
		this.requestsPerHost = Math.max(1, requestsPerHost);
	}

	/**
	 * @param url a URL
	 * @return the host (and port) whose slots a request to it takes
	 */
	static String hostKey(URI url) {
		return url.getHost().toLowerCase(Locale.ROOT) + ":" + url.getPort();
	}

	/**
	 * Waits for a slot of a host and for its turn.
	 * @param host the host (and port)
	 * @param delay the spacing its robots.txt asks for, or {@code null} for the default
	 * @param stopped whether the crawl waiting was stopped
	 * @return the slot, to close once the response was read
	 * @throws InterruptedException if interrupted or stopped while waiting
	 */
	Slot take(String host, Duration delay, BooleanSupplier stopped) throws InterruptedException {
		Host state = this.hosts.computeIfAbsent(host, (h) -> new Host(new Semaphore(this.requestsPerHost, true)));
		while (!state.slots.tryAcquire(LOOK_MILLIS, TimeUnit.MILLISECONDS)) {
			checkStopped(stopped);
		}
		long wait;
		synchronized (state) {
			long spacing = ((delay != null) ? min(delay, MAX_DELAY) : DEFAULT_DELAY).toNanos();
			long now = System.nanoTime();
			long at = Math.max(now, state.next);
			state.next = at + spacing;
			wait = at - now;
		}
		try {
			long until = System.nanoTime() + wait;
			for (long left = wait; left > 0; left = until - System.nanoTime()) {
				checkStopped(stopped);
				Thread.sleep(Duration.ofNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(LOOK_MILLIS))));
			}
		}
		catch (InterruptedException ex) {
			state.slots.release();
			throw ex;
		}
		return state.slots::release;
	}

	private static void checkStopped(BooleanSupplier stopped) throws InterruptedException {
		if (stopped.getAsBoolean()) {
			throw new InterruptedException("the sync run was stopped");
		}
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
