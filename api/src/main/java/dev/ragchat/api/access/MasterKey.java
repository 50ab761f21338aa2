package dev.ragchat.api.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

import dev.ragchat.api.PrivateFiles;
import dev.ragchat.api.keys.Base62;
import dev.ragchat.api.keys.Hashes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.StringUtils;

/**
 * The master key: from {@code RAGCHAT_MASTER_KEY}, else generated once into the data
 * directory (owner-only). Only the file's path is ever logged.
 */
public final class MasterKey {

	private static final Logger logger = LoggerFactory.getLogger(MasterKey.class);

	static final String FILE_NAME = "master.key";

	private static final int MIN_LENGTH = 16;

	private final byte[] digest;

	private MasterKey(String key) {
		this.digest = Hashes.sha256(key);
	}

	public static MasterKey of(String configured, Path dataDir) {
		if (StringUtils.hasText(configured)) {
			if (configured.strip().length() < MIN_LENGTH) {
				throw new IllegalStateException(
						"RAGCHAT_MASTER_KEY must be at least " + MIN_LENGTH + " characters long");
			}
			return new MasterKey(configured.strip());
		}
		Path file = dataDir.resolve(FILE_NAME);
		try {
			if (Files.exists(file)) {
				logger.info("Using the master key stored in {}", file);
				return new MasterKey(Files.readString(file, StandardCharsets.UTF_8).strip());
			}
			String key = "rcm_" + Base62.random(43);
			PrivateFiles.writeNew(file, key.getBytes(StandardCharsets.UTF_8));
			logger.warn("RAGCHAT_MASTER_KEY is not set: generated a master key into {} (readable by its owner only)",
					file);
			return new MasterKey(key);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the master key file " + file, ex);
		}
	}

	/**
	 * Compares in constant time.
	 * @param candidate what the caller sent
	 * @return whether it is the master key
	 */
	public boolean matches(String candidate) {
		return candidate != null && MessageDigest.isEqual(this.digest, Hashes.sha256(candidate));
	}

}
