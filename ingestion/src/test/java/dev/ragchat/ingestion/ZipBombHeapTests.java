package dev.ragchat.ingestion;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A zip bomb under the heap of a small machine: 2 GiB, the default heap of an 8 GB one.
 * The ingestion runs in a JVM of its own started with {@code -Xmx2g} (whatever heap the
 * tests have), with the real readers and workers; the bomb is a valid DOCX whose text
 * part inflates to 4 GiB from a few MB.
 */
class ZipBombHeapTests {

	private static final long HEAP = 2L << 30;

	@TempDir
	Path dir;

	@Test
	void aZipBombFailsWithItsReasonUnderA2GiBHeapAndASmallDocumentAfterItIsReady() throws Exception {
		Path results = this.dir.resolve("results.txt");
		Path log = this.dir.resolve("ingestion.log");
		Process ingestion = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx2g", "-cp", System.getProperty("java.class.path"), Ingest.class.getName(), this.dir.toString(),
				results.toString())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		try {
			// a bound for a broken run, not a measure of speed
			assertThat(ingestion.waitFor(20, TimeUnit.MINUTES)).isTrue();
		}
		finally {
			ingestion.destroyForcibly();
		}
		String output = Files.readString(log);
		assertThat(ingestion.exitValue()).as(output).isZero();
		assertThat(output).doesNotContain("OutOfMemoryError");
		assertThat(Files.readAllLines(results)).containsExactly(
				"bomb.docx FAILED The file inflates past 512 MB; RAGCHAT_INGESTION_ARCHIVE_MAX_INFLATED raises the limit",
				"small.txt READY");
	}

	/**
	 * The ingestion in the JVM of 2 GiB: uploads the bomb and, right after it, a small
	 * text file, waits for both to end and writes their status.
	 */
	public static final class Ingest {

		private Ingest() {
		}

		public static void main(String[] args) throws Exception {
			if (Runtime.getRuntime().maxMemory() > HEAP) {
				throw new IllegalStateException("Run with -Xmx2g, not " + Runtime.getRuntime().maxMemory());
			}
			Path dir = Path.of(args[0]);
			Path bomb = TestFiles.zipBombDocx(dir.resolve("bomb.docx"), 4L << 30);
			Path small = Files.writeString(dir.resolve("small.txt"), "The ferry leaves at nine.");
			StringBuilder results = new StringBuilder();
			try (TestIngestion ingestion = new TestIngestion(dir.resolve("ingestion"))) {
				Documents documents = ingestion.documents();
				List<String> ids = List.of(submit(documents, "bomb.docx", bomb), submit(documents, "small.txt", small));
				for (String id : ids) {
					await().atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofMillis(200)).until(() -> {
						DocumentStatus status = documents.get(TestIngestion.KNOWLEDGE_BASE, id).status();
						return status == DocumentStatus.READY || status == DocumentStatus.FAILED;
					});
					Document document = documents.get(TestIngestion.KNOWLEDGE_BASE, id);
					results.append(document.filename())
						.append(' ')
						.append(document.status())
						.append((document.error() != null) ? " " + document.error() : "")
						.append('\n');
				}
			}
			Files.writeString(Path.of(args[1]), results);
			long peak = 0;
			for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
				if (pool.getType() == MemoryType.HEAP) {
					peak += pool.getPeakUsage().getUsed();
				}
			}
			System.out.println("Bomb file: " + Files.size(bomb) + " bytes; heap pools' peaks together: " + (peak >> 20)
					+ " MB of " + (Runtime.getRuntime().maxMemory() >> 20) + " MB");
			System.exit(0);
		}

		private static String submit(Documents documents, String name, Path file) {
			return documents.submit(TestIngestion.KNOWLEDGE_BASE, List.of(new Documents.Upload(name, file)), null, null)
				.get(0)
				.document()
				.id();
		}

	}

}
