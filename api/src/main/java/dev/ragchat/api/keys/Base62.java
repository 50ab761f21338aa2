package dev.ragchat.api.keys;

import java.security.SecureRandom;

/**
 * Base62 for key material: URL- and shell-safe, double-click selectable. Hand-written
 * because the JDK's encoders offer only Base64 variants.
 */
public final class Base62 {

	private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
		.toCharArray();

	private static final SecureRandom random = new SecureRandom();

	private Base62() {
	}

	/**
	 * Random characters, each carrying log2(62) ≈ 5.95 bits.
	 * @param length how many characters
	 * @return the random string
	 */
	public static String random(int length) {
		char[] chars = new char[length];
		for (int i = 0; i < length; i++) {
			chars[i] = ALPHABET[random.nextInt(ALPHABET.length)];
		}
		return new String(chars);
	}

	/**
	 * Fixed-width encoding of a non-negative number.
	 * @param value the number
	 * @param width how many characters, left-padded with zeros
	 * @return the encoding
	 */
	static String encode(long value, int width) {
		char[] chars = new char[width];
		long rest = value;
		for (int i = width - 1; i >= 0; i--) {
			chars[i] = ALPHABET[(int) (rest % ALPHABET.length)];
			rest /= ALPHABET.length;
		}
		return new String(chars);
	}

	static boolean isBase62(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
				return false;
			}
		}
		return true;
	}

}
