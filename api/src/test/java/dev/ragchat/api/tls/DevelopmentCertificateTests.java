package dev.ragchat.api.tls;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.ssl.pem.PemContent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DevelopmentCertificateTests {

	@TempDir
	Path dir;

	@Test
	void coversLocalhostAndLoopbackAddresses() throws Exception {
		X509Certificate certificate = DevelopmentCertificate.generate().certificate();
		List<String> names = certificate.getSubjectAlternativeNames()
			.stream()
			.map((name) -> name.get(1).toString())
			.toList();
		assertThat(names).contains("localhost", "127.0.0.1").anyMatch((name) -> name.startsWith("0:0:0:0:0:0:0:1"));
		assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
		assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
	}

	@Test
	void writesPemThatSpringBootReadsAndKeyOwnerOnly() throws Exception {
		Path certificate = this.dir.resolve("certs/server.crt");
		Path key = this.dir.resolve("certs/server.key");
		DevelopmentCertificate.generate().write(certificate, key);
		List<X509Certificate> chain = PemContent.load(certificate).getCertificates();
		assertThat(chain).hasSize(1);
		assertThat(PemContent.load(key).getPrivateKey()).isNotNull();
		assertThat(Files.getPosixFilePermissions(key)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
	}

	@Test
	void neverOverwritesAnExistingKey() throws Exception {
		Path key = this.dir.resolve("server.key");
		Files.writeString(key, "a real key");
		assertThatExceptionOfType(FileAlreadyExistsException.class)
			.isThrownBy(() -> DevelopmentCertificate.generate().write(this.dir.resolve("server.crt"), key));
		assertThat(Files.readString(key)).isEqualTo("a real key");
	}

}
