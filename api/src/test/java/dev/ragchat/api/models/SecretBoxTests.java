package dev.ragchat.api.models;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import dev.ragchat.api.PrivateFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Secrets sealed by Spring Security Crypto, and those sealed by ragchat's own AES-GCM
 * before it still opening.
 */
class SecretBoxTests {

	private static final String SECRET = "sk-test-0123456789abcdef";

	/** A key file of an earlier version, and an API key it sealed (v1). */
	private static final String OLD_KEY_FILE = "AwoRGB8mLTQ7QklQV15lbHN6gYiPlp2kq7K5wMfO1dw=";

	private static final String OLD_SEALED = "v1:g2oU+pPsRoe97XZLk8NJKtqtrgvjdQ7c5/EsLlLuU6uoTzKyz5Acg5c+EEkgW/qW";

	@TempDir
	Path dataDir;

	@Test
	void aSecretIsSealedInTheNewFormatAndOpensAgain() {
		SecretBox box = new SecretBox(this.dataDir);
		String sealed = box.seal(SECRET);
		assertThat(sealed).startsWith(SecretBox.VERSION).doesNotContain(SECRET);
		assertThat(new String(Base64.getDecoder().decode(sealed.substring(SecretBox.VERSION.length())),
				StandardCharsets.ISO_8859_1))
			.doesNotContain(SECRET);
		// a fresh IV each time
		assertThat(box.seal(SECRET)).isNotEqualTo(sealed);
		assertThat(box.open(sealed)).isEqualTo(SECRET);
		// after a restart: the same key file
		assertThat(new SecretBox(this.dataDir).open(sealed)).isEqualTo(SECRET);
	}

	@Test
	void aValueSealedByAnEarlierVersionStillOpens() throws Exception {
		Files.writeString(this.dataDir.resolve(SecretBox.KEY_FILE), OLD_KEY_FILE + "\n");
		assertThat(new SecretBox(this.dataDir).open(OLD_SEALED)).isEqualTo("sk-legacy-0123456789");
		// and one sealed now the old way, for a web source
		String purpose = "ragchat web source secret";
		String sealed = sealedTheOldWay(Base64.getDecoder().decode(OLD_KEY_FILE), purpose, "s3cret password");
		assertThat(new SecretBox(this.dataDir, purpose).open(sealed)).isEqualTo("s3cret password");
	}

	@Test
	void aSecretSealedForOnePurposeDoesNotOpenForAnother() {
		SecretBox models = new SecretBox(this.dataDir);
		SecretBox sources = new SecretBox(this.dataDir, "ragchat web source secret");
		String sealed = models.seal(SECRET);
		assertThatIllegalStateException().isThrownBy(() -> sources.open(sealed))
			.withMessageContaining(SecretBox.KEY_FILE)
			.withMessageNotContaining(SECRET);
		Path old = this.dataDir.resolve("old");
		assertThatIllegalStateException().isThrownBy(() -> {
			Files.createDirectories(old);
			Files.writeString(old.resolve(SecretBox.KEY_FILE), OLD_KEY_FILE);
			new SecretBox(old, "ragchat web source secret").open(OLD_SEALED);
		}).withMessageContaining("cannot be opened");
	}

	@Test
	void anotherKeyOrAnAlteredValueDoesNotOpenAndTheErrorHoldsNoSecret() throws Exception {
		String sealed = new SecretBox(this.dataDir).seal(SECRET);
		Path other = Files.createDirectory(this.dataDir.resolve("other"));
		assertThatIllegalStateException().isThrownBy(() -> new SecretBox(other).open(sealed))
			.withMessage("the stored secret cannot be opened with model-secrets.key"
					+ " (the key file changed, or the catalog was altered)");
		byte[] bytes = Base64.getDecoder().decode(sealed.substring(SecretBox.VERSION.length()));
		bytes[bytes.length - 1] ^= 1;
		String altered = SecretBox.VERSION + Base64.getEncoder().encodeToString(bytes);
		assertThatIllegalStateException().isThrownBy(() -> new SecretBox(this.dataDir).open(altered))
			.withMessageContaining("cannot be opened")
			.withMessageNotContaining(SECRET);
		assertThatIllegalStateException().isThrownBy(() -> new SecretBox(this.dataDir).open("v2:AAAA"))
			.withMessageContaining("cannot be opened");
		assertThatIllegalStateException().isThrownBy(() -> new SecretBox(this.dataDir).open(SECRET))
			.withMessage("the stored secret is not sealed by this version of ragchat");
	}

	@Test
	void theKeyIsGeneratedOnceIntoAnOwnerOnlyFile() throws Exception {
		new SecretBox(this.dataDir).seal(SECRET);
		Path keyFile = this.dataDir.resolve(SecretBox.KEY_FILE);
		String key = Files.readString(keyFile);
		assertThat(Base64.getDecoder().decode(key.strip())).hasSize(32);
		if (PrivateFiles.posix()) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
		}
		new SecretBox(this.dataDir, "another purpose");
		assertThat(Files.readString(keyFile)).isEqualTo(key);
	}

	/** What SecretBox.seal wrote before Spring Security Crypto sealed (v1). */
	private static String sealedTheOldWay(byte[] key, String purpose, String secret) throws Exception {
		byte[] nonce = new byte[12];
		new SecureRandom().nextBytes(nonce);
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
		cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
		byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
		return "v1:" + Base64.getEncoder()
			.encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
	}

}
