package dev.ragchat.ingestion;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.opentest4j.TestAbortedException;

/**
 * The programs outside the JVM that some tests need, looked up on {@code PATH} as the
 * service itself finds them. A test that needs one is marked {@link RequiresProgram}:
 * without the program it is skipped with a message naming the Debian packages to install,
 * except under CI ({@code CI=true}), where {@code .ci/run} installs every one of them and
 * a missing program fails the test instead.
 */
public enum ExternalProgram {

	/** Tesseract OCR: scanned pages and images. */
	TESSERACT("tesseract", "tesseract-ocr", "Tesseract OCR"),

	/** Debian's Chromium: the console's browser tests. */
	CHROMIUM("chromium", "chromium chromium-driver", "Debian's headless Chromium"),

	/** Chromium's WebDriver: the console's browser tests. */
	CHROMEDRIVER("chromedriver", "chromium chromium-driver", "Chromium's WebDriver"),

	/** Python 3: the benchmark scripts under benchmarks/ that tests run. */
	PYTHON("python3", "python3", "Python 3");

	private final String command;

	private final String debianPackages;

	private final String description;

	ExternalProgram(String command, String debianPackages, String description) {
		this.command = command;
		this.debianPackages = debianPackages;
		this.description = description;
	}

	/**
	 * @return the program's file, the first executable of its name on {@code PATH}
	 */
	public Optional<Path> find() {
		String path = System.getenv("PATH");
		if (path == null) {
			return Optional.empty();
		}
		return Stream.of(path.split(File.pathSeparator))
			.filter((dir) -> !dir.isEmpty())
			.map((dir) -> Path.of(dir, this.command))
			.filter(Files::isExecutable)
			.findFirst();
	}

	/**
	 * The program's file, for a test marked {@link RequiresProgram} with it, which is
	 * skipped (or failed under CI) before it gets here when the program is missing.
	 * Should a test reach it unmarked all the same, it is skipped or failed here alike.
	 * @return the program's file
	 * @throws org.opentest4j.TestAbortedException if it is not on {@code PATH}
	 * @throws AssertionError if it is not on {@code PATH} under CI
	 */
	public Path file() {
		Optional<Path> file = find();
		if (file.isPresent()) {
			return file.get();
		}
		String message = missingMessage(this);
		if (underCi()) {
			throw new AssertionError(underCiMessage(message));
		}
		throw new TestAbortedException(message + " to run this test (skipped)");
	}

	static String missingMessage(ExternalProgram... programs) {
		String needed = Stream.of(programs)
			.map((program) -> program.description + " ('" + program.command + "')")
			.collect(Collectors.joining(" and "));
		String packages = Stream.of(programs)
			.flatMap((program) -> Stream.of(program.debianPackages.split(" ")))
			.distinct()
			.collect(Collectors.joining(" "));
		return "needs " + needed + ", not on PATH: install with `apt-get install " + packages + "`";
	}

	static String underCiMessage(String missing) {
		return missing + ". Under CI (CI=true) every test must run: .ci/run installs it";
	}

	static boolean underCi() {
		return "true".equalsIgnoreCase(System.getenv("CI"));
	}

}
