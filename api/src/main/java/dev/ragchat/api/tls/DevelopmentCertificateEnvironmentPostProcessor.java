package dev.ragchat.api.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.logging.Log;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Before the server's SSL bundle is read, makes sure its PEM files exist: when neither
 * the certificate nor the key is there, a self-signed development certificate for
 * localhost is generated in their place. Real certificates are never touched.
 */
class DevelopmentCertificateEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	private final Log logger;

	DevelopmentCertificateEnvironmentPostProcessor(DeferredLogFactory logFactory) {
		this.logger = logFactory.getLog(DevelopmentCertificateEnvironmentPostProcessor.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!"server".equals(environment.getProperty("server.ssl.bundle"))) {
			return;
		}
		Path certificate = Path.of(environment.getProperty("ragchat.tls.cert", "certs/server.crt"));
		Path key = Path.of(environment.getProperty("ragchat.tls.key", "certs/server.key"));
		if (Files.exists(certificate) || Files.exists(key)) {
			return;
		}
		try {
			DevelopmentCertificate.generate().write(certificate, key);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the development certificate to " + certificate, ex);
		}
		this.logger.warn("No TLS certificate found: generated a self-signed development certificate for localhost at "
				+ certificate.toAbsolutePath() + " (see certs/README.md to use a real one)");
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
