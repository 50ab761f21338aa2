package dev.ragchat.api.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import dev.ragchat.api.PrivateFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seals the secrets entered in the console (a model server's API key, a web source's
 * header or password) before they reach the catalog: AES-256-GCM from the JDK, a fresh
 * 12-byte nonce per secret, the purpose as associated data (so that a secret sealed for
 * one purpose does not open for another). Its key is generated once into
 * {@code <data dir>/model-secrets.key}, readable by the owner only (0600), like the
 * session tokens' signing key: a catalog copied without the data directory holds no
 * usable secret.
 */
public final class SecretBox {

	private static final Logger logger = LoggerFactory.getLogger(SecretBox.class);

	static final String KEY_FILE = "model-secrets.key";

	/** What a sealed value starts with: the scheme, should another ever follow. */
	private static final String VERSION = "v1:";

	private static final String CIPHER = "AES/GCM/NoPadding";

	private static final int KEY_BYTES = 32;

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final String MODEL_API_KEY = "ragchat model API key";

	private final byte[] purpose;

	private final SecretKey key;

	private final SecureRandom random = new SecureRandom();

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
		this.purpose = purpose.getBytes(StandardCharsets.UTF_8);
		this.key = new SecretKeySpec(key(dataDir.resolve(KEY_FILE)), "AES");
	}

	/**
	 * @param secret the secret
	 * @return it sealed, as text
	 */
	public String seal(String secret) {
		byte[] nonce = new byte[NONCE_BYTES];
		this.random.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance(CIPHER);
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(this.purpose);
			byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
			return VERSION + Base64.getEncoder()
				.encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
	}

	/**
	 * @param sealed a value {@link #seal} returned
	 * @return the secret
	 * @throws IllegalStateException when it was sealed with another key (the key file
	 * changed) or was altered
	 */
	public String open(String sealed) {
		if (sealed == null || !sealed.startsWith(VERSION)) {
			throw new IllegalStateException("the stored secret is not sealed by this version of ragchat");
		}
		try {
			byte[] bytes = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
			Cipher cipher = Cipher.getInstance(CIPHER);
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
			cipher.updateAAD(this.purpose);
			return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("the stored secret cannot be opened with " + KEY_FILE
					+ " (the key file changed, or the catalog was altered)");
		}
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

}
