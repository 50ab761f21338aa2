package dev.ragchat.api.audit;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After every other test class of the module has run (it is ordered last, and checks that
 * it was): every audit log the run's services wrote in the shared test data directory
 * holds no secret. Not the master key or the session-token signing key of the test
 * settings or of any data directory, nor anything shaped like an API key ({@code rck_…})
 * or a session token (a JWS, {@code eyJ….eyJ….…}).
 */
@Order(Integer.MAX_VALUE)
class AuditSecretScanTests {

	private static final String DATA_DIR = System.getProperty("ragchat.data-dir", "target/test-data/ide");

	/** The test settings' secrets (src/test/resources/config/application.yml). */
	private static final List<String> CONFIGURED = List.of("test-master-key-0123456789abcdef",
			"dGVzdC1zaWduaW5nLWtleS10ZXN0LXNpZ25pbmcta2V5LXRlc3Qtc2lnbmluZy1rZXktdGVzdC1zaWduaW5nLWtleQ==");

	private static final Pattern API_KEY = Pattern.compile("rck_[0-9A-Za-z]{8,}");

	private static final Pattern TOKEN = Pattern.compile("eyJ[\\w-]{4,}\\.eyJ[\\w-]{4,}\\.[\\w-]*");

	@Test
	void noAuditLogOfTheWholeRunHoldsAKeyATokenOrASigningSecret() throws IOException {
		assertThat(SuiteProgress.pending()).as("test classes still to run after the scan")
			.containsOnly(AuditSecretScanTests.class.getName());
		List<Path> logs = find("audit.jsonl");
		List<String> secrets = new ArrayList<>(CONFIGURED);
		for (Path generated : find("master.key", "jwt-signing.key")) {
			secrets.add(Files.readString(generated).strip());
		}
		long events = 0;
		for (Path log : logs) {
			for (String line : linesOf(log)) {
				events++;
				for (String secret : secrets) {
					assertThat(line).as(log + " holds a secret").doesNotContain(secret);
				}
				assertNoMatch(log, line, API_KEY);
				assertNoMatch(log, line, TOKEN);
			}
		}
		if (SuiteProgress.planned(AuditTrailTests.class)) {
			// the audit tests ran before: the scan saw their events (not an empty place)
			assertThat(events).isGreaterThan(50);
		}
	}

	/**
	 * A log's lines; none for a file gone since it was found (a backup's working copy,
	 * deleted by the backup that made it while the scan ran).
	 */
	private static List<String> linesOf(Path log) throws IOException {
		try {
			return Files.readAllLines(log);
		}
		catch (NoSuchFileException ex) {
			return List.of();
		}
	}

	private static void assertNoMatch(Path log, String line, Pattern secret) {
		Matcher found = secret.matcher(line);
		assertThat(found.find()).as("%s holds %s", log, found.find(0) ? found.group() : "").isFalse();
	}

	private static List<Path> find(String... names) throws IOException {
		Path root = Path.of(DATA_DIR);
		if (!Files.isDirectory(root)) {
			return List.of();
		}
		List<Path> found = new ArrayList<>();
		Files.walkFileTree(root, new SimpleFileVisitor<>() {

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
				if (attributes.isRegularFile() && List.of(names).contains(file.getFileName().toString())) {
					found.add(file);
				}
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFileFailed(Path file, IOException ex) throws IOException {
				// a backup's working copy deleted while the scan walks it
				if (ex instanceof NoSuchFileException) {
					return FileVisitResult.CONTINUE;
				}
				throw ex;
			}

		});
		return found;
	}

}
