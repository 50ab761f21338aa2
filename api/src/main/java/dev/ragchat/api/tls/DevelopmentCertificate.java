package dev.ragchat.api.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import dev.ragchat.api.PrivateFiles;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A self-signed certificate for {@code localhost}, {@code 127.0.0.1} and {@code ::1},
 * written as PEM files for the server's SSL bundle. Development use only: the JDK has no
 * public API to issue certificates, so Bouncy Castle does it.
 */
final class DevelopmentCertificate {

	private static final Duration VALIDITY = Duration.ofDays(365);

	private final X509Certificate certificate;

	private final KeyPair keyPair;

	private DevelopmentCertificate(X509Certificate certificate, KeyPair keyPair) {
		this.certificate = certificate;
		this.keyPair = keyPair;
	}

	static DevelopmentCertificate generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
			KeyPair keyPair = generator.generateKeyPair();
			X500Name subject = new X500Name("CN=localhost,O=ragchat development certificate");
			Instant now = Instant.now();
			X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
					new BigInteger(127, new SecureRandom()), Date.from(now.minus(Duration.ofDays(1))),
					Date.from(now.plus(VALIDITY)), subject, keyPair.getPublic());
			builder.addExtension(Extension.subjectAlternativeName, false,
					new GeneralNames(new GeneralName[] { new GeneralName(GeneralName.dNSName, "localhost"),
							new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
							new GeneralName(GeneralName.iPAddress, "::1") }));
			builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
			builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
			builder.addExtension(Extension.extendedKeyUsage, false,
					new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
			X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
					builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keyPair.getPrivate())));
			return new DevelopmentCertificate(certificate, keyPair);
		}
		catch (GeneralSecurityException | OperatorCreationException | IOException ex) {
			throw new IllegalStateException("Cannot generate a development certificate", ex);
		}
	}

	X509Certificate certificate() {
		return this.certificate;
	}

	/**
	 * Writes the certificate and its private key (owner-only) as PEM.
	 * @param certificateFile where the certificate goes
	 * @param keyFile where the PKCS#8 private key goes
	 * @throws IOException if either file exists or cannot be written
	 */
	void write(Path certificateFile, Path keyFile) throws IOException {
		PrivateFiles.writeNew(keyFile, pem(new JcaPKCS8Generator(this.keyPair.getPrivate(), null).generate()));
		Path parent = certificateFile.toAbsolutePath().getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		Files.write(certificateFile, pem(this.certificate));
	}

	private static byte[] pem(Object object) throws IOException {
		StringWriter out = new StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
			writer.writeObject(object);
		}
		return out.toString().getBytes(StandardCharsets.US_ASCII);
	}

}
