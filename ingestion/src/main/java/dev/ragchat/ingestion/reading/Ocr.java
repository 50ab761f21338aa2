package dev.ragchat.ingestion.reading;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tesseract OCR through its command line: the Debian package is all it needs (the Java
 * bindings need a newer Leptonica than Debian ships). Each run is bounded by a timeout.
 */
public final class Ocr {

	private static final Logger logger = LoggerFactory.getLogger(Ocr.class);

	private final String command;

	private final String language;

	private final Duration timeout;

	/**
	 * Whether Tesseract answered: once it has, it is taken to stay; while it has not,
	 * every document that needs OCR asks again, so that installing tesseract-ocr after
	 * start needs no restart.
	 */
	private volatile boolean available;

	public Ocr(String command, String language, Duration timeout) {
		this.command = command;
		this.language = language;
		this.timeout = timeout;
		this.available = probe();
		if (!this.available) {
			logger.warn("OCR is off: '{}' was not found. Pages without text and images get a warning instead"
					+ " (install the tesseract-ocr package to read them)", command);
		}
	}

	/**
	 * @return whether Tesseract can be run: probed again while it could not
	 */
	public boolean isAvailable() {
		if (!this.available && probe()) {
			this.available = true;
			logger.info("OCR is on: '{}' was found", this.command);
		}
		return this.available;
	}

	/**
	 * @param image a PNG, JPEG or TIFF file
	 * @return the text Tesseract read in it (maybe empty)
	 * @throws IOException if Tesseract fails or runs out of time
	 */
	public String read(Path image) throws IOException {
		// next to the image: in the work directory, owner-only
		Path out = (image.toAbsolutePath().getParent() != null)
				? WorkFiles.create(image.toAbsolutePath().getParent(), "ocr-", ".txt")
				: Files.createTempFile("ragchat-ocr", ".txt");
		try {
			Process process = new ProcessBuilder(
					List.of(this.command, image.toString(), "stdout", "-l", this.language, "--psm", "3"))
				.redirectOutput(out.toFile())
				.redirectError(ProcessBuilder.Redirect.DISCARD)
				.start();
			if (!process.waitFor(this.timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				throw new IOException("OCR took longer than " + this.timeout.toSeconds() + " s");
			}
			if (process.exitValue() != 0) {
				throw new IOException("OCR failed with exit code " + process.exitValue());
			}
			return Files.readString(out, StandardCharsets.UTF_8);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("OCR was interrupted", ex);
		}
		finally {
			Files.deleteIfExists(out);
		}
	}

	private boolean probe() {
		try {
			Process process = new ProcessBuilder(this.command, "--version").redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
