package dev.ragchat.api.keys;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Temporary API keys look like {@code rck_<32 random base62><6 base62 CRC32>}: the prefix
 * makes them recognizable (and findable by secret scanners), the 32 random characters
 * carry about 190 bits, and the checksum lets a mistyped key fail without a lookup.
 */
public final class KeyFormat {

	static final String PREFIX = "rck_";

	private static final int RANDOM_LENGTH = 32;

	private static final int CHECKSUM_LENGTH = 6;

	static final int LENGTH = PREFIX.length() + RANDOM_LENGTH + CHECKSUM_LENGTH;

	private KeyFormat() {
	}

	public static String newKey() {
		String body = Base62.random(RANDOM_LENGTH);
		return PREFIX + body + checksum(body);
	}

	/**
	 * Tells an API key from a session token by its prefix alone (a JWT never starts with
	 * it); whether it is a valid key is for {@link #isWellFormed} and the lookup.
	 * @param value a bearer credential
	 * @return whether it is meant as an API key
	 */
	public static boolean looksLikeKey(String value) {
		return value.startsWith(PREFIX);
	}

	/**
	 * Checks prefix, length, alphabet and checksum; no lookup.
	 * @param key what the caller sent
	 * @return whether it can be a key ragchat issued
	 */
	public static boolean isWellFormed(String key) {
		if (key == null || key.length() != LENGTH || !key.startsWith(PREFIX)) {
			return false;
		}
		String body = key.substring(PREFIX.length(), PREFIX.length() + RANDOM_LENGTH);
		String checksum = key.substring(PREFIX.length() + RANDOM_LENGTH);
		return Base62.isBase62(body) && checksum.equals(checksum(body));
	}

	private static String checksum(String body) {
		CRC32 crc = new CRC32();
		crc.update(body.getBytes(StandardCharsets.US_ASCII));
		return Base62.encode(crc.getValue(), CHECKSUM_LENGTH);
	}

}
