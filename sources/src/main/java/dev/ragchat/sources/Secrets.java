package dev.ragchat.sources;

/**
 * Seals a web source's secret (a header value, or a user name and password) before it is
 * stored, and opens it when a crawl needs it. The service provides it (AES-GCM with a key
 * of its data directory); without one, sources with a secret are refused.
 */
public interface Secrets {

	/**
	 * @param secret the secret
	 * @return it sealed, as text
	 */
	String seal(String secret);

	/**
	 * @param sealed a value {@link #seal} returned
	 * @return the secret
	 * @throws IllegalStateException if it cannot be opened (the key changed)
	 */
	String open(String sealed);

}
