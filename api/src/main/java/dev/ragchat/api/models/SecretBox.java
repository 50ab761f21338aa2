package dev.ragchat.api.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import dev.ragchat.api.PrivateFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.crypto.codec.Hex;
import org.springframework.security.crypto.encrypt.BytesEncryptor;
import org.springframework.security.crypto.encrypt.Encryptors;

/**
 * Seals the secrets entered in the console (a model server's API key, a web source's
 * header or password) before they reach the catalog. Its key is generated once into
 * {@code <data dir>/model-secrets.key}, readable by the owner only (0600), like the
 * session tokens' signing key: a catalog copied without the data directory holds no
 * usable secret.
 * <p>
 * Sealing is Spring Security Crypto's ({@link Encryptors#stronger}, already in the
 * application through Spring Security and versioned by Spring Boot): AES-256-GCM with a
 * fresh random 16-byte IV per secret, chosen and stored by the library, under a key that
 * Spring derives (PBKDF2) from the key file with the purpose as the salt, so that a
 * secret sealed for one purpose does not open for another. A sealed value is {@code v2:}
 * and the library's output in Base64.
 * <p>
 * Values sealed before (by ragchat's own AES-GCM: {@code v1:}, a 12-byte nonce, the
 * purpose as associated data, the key file's key itself) still open: Spring's encryptor
 * has no associated data and so cannot read them, and that one decryption is kept here,
 * read-only. A {@code v1} value is sealed anew as {@code v2} when its secret is next set.
 */
public final class SecretBox {

	private static final Logger logger = LoggerFactory.getLogger(SecretBox.class);

	static final String KEY_FILE = "model-secrets.key";

	/** What a value sealed by Spring Security Crypto starts with. */
	static final String VERSION = "v2:";

	/** What a value sealed by ragchat's own AES-GCM (before Spring's) starts with. */
	static final String LEGACY_VERSION = "v1:";

	private static final int KEY_BYTES = 32;

	private static final String MODEL_API_KEY = "ragchat model API key";

	private final BytesEncryptor encryptor;

	private final LegacyBox legacy;

	/**
	 * @param dataDir where the key file is, or is created
	 */
	SecretBox(Path dataDir) {
		this(dataDir, MODEL_API_KEY);
	}

	/**
	 * @param dataDir where the key file is, or is created
	 * @param purpose what the secrets it seals are for (the associated data)
	 */
	public SecretBox(Path dataDir, String purpose) {
		byte[] key = key(dataDir.resolve(KEY_FILE));
		byte[] purposeBytes = purpose.getBytes(StandardCharsets.UTF_8);
		this.encryptor = Encryptors.stronger(Base64.getEncoder().encodeToString(key),
				new String(Hex.encode(purposeBytes)));
		this.legacy = new LegacyBox(key, purposeBytes);
	}

	/**
	 * @param secret the secret
	 * @return it sealed, as text
	 */
	public String seal(String secret) {
		return VERSION
				+ Base64.getEncoder().encodeToString(this.encryptor.encrypt(secret.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * @param sealed a value {@link #seal} returned, now or by an earlier version
	 * @return the secret
	 * @throws IllegalStateException when it was sealed with another key (the key file
	 * changed) or for another purpose, or was altered
	 */
	public String open(String sealed) {
		try {
			if (sealed != null && sealed.startsWith(VERSION)) {
				byte[] bytes = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
				return new String(this.encryptor.decrypt(bytes), StandardCharsets.UTF_8);
			}
			if (sealed != null && sealed.startsWith(LEGACY_VERSION)) {
				return this.legacy.open(Base64.getDecoder().decode(sealed.substring(LEGACY_VERSION.length())));
			}
		}
		catch (RuntimeException | GeneralSecurityException ex) {
			// never the value nor the library's message: either could carry part of it
			throw new IllegalStateException("the stored secret cannot be opened with " + KEY_FILE
					+ " (the key file changed, or the catalog was altered)");
		}
		throw new IllegalStateException("the stored secret is not sealed by this version of ragchat");
	}

	private static synchronized byte[] key(Path file) {
		try {
			if (Files.exists(file)) {
				byte[] bytes = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
				if (bytes.length != KEY_BYTES) {
					throw new IllegalStateException(file + " must hold " + KEY_BYTES + " bytes (Base64)");
				}
				return bytes;
			}
			byte[] bytes = new byte[KEY_BYTES];
			new SecureRandom().nextBytes(bytes);
			PrivateFiles.writeNew(file, Base64.getEncoder().encode(bytes));
			logger.info("Generated the key that seals stored secrets (model API keys, web source secrets) into {}",
					file);
			return bytes;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the stored secrets' key " + file, ex);
		}
	}

	/**
	 * Opens the values ragchat sealed before Spring Security Crypto did: AES-256-GCM of
	 * the JDK with the key file's key, a 12-byte nonce before the ciphertext and its
	 * 128-bit tag, the purpose as associated data. Hand-written (a few JDK calls) because
	 * Spring's encryptors take no associated data, and Tink, which would read this
	 * layout, brings protobuf 4 in place of the protobuf 3 of Spring AI's Gemini clients.
	 * It only decrypts: no nonce is chosen here.
	 */
	private static final class LegacyBox {

		private static final int NONCE_BYTES = 12;

		private static final int TAG_BITS = 128;

		private final SecretKeySpec key;

		private final byte[] purpose;

		LegacyBox(byte[] key, byte[] purpose) {
			this.key = new SecretKeySpec(key, "AES");
			this.purpose = purpose;
		}

		String open(byte[] bytes) throws GeneralSecurityException {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
			cipher.updateAAD(this.purpose);
			return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
		}

	}

}
