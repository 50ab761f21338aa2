package dev.ragchat.ingestion.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.io.IOUtils;
import org.apache.commons.io.input.ProxyInputStream;

/**
 * One document's allowance of inflated bytes and of entries ({@link ArchiveLimits}),
 * spent as the bytes are read.
 * <p>
 * Hand-written on purpose, over commons-compress and commons-io: Apache POI bounds each
 * entry of an Office file on its own ({@code ZipSecureFile}), Tika bounds the characters
 * a parse writes ({@code SecureContentHandler}), and neither bounds what all the entries
 * of an archive, or all the documents inside a document, inflate to together.
 */
public final class Inflation {

	private final ArchiveLimits limits;

	private final boolean embedded;

	private final String what;

	private long bytes;

	private int entries;

	/** Why the allowance ran out, once it did (a parser may swallow the exception). */
	private volatile String exceeded;

	/**
	 * @param limits the bounds
	 * @param embedded whether it counts the documents inside a document (else the entries
	 * of its archive)
	 */
	public Inflation(ArchiveLimits limits, boolean embedded) {
		this.limits = limits;
		this.embedded = embedded;
		this.what = embedded ? "The documents inside the file" : "The file";
	}

	/**
	 * Reads every entry of a ZIP file (an Office or OpenDocument file) to its end,
	 * counting, before any parser opens it: a file that inflates past the bound, or holds
	 * too many entries, fails after at most the bound was inflated, and nothing is kept.
	 * A file that is no ZIP is left alone.
	 * @param file the file
	 * @param limits the bounds
	 * @throws TooLarge when it passes a bound
	 * @throws IOException when it cannot be read
	 */
	public static void scan(Path file, ArchiveLimits limits) throws IOException {
		if (!isZip(file)) {
			return;
		}
		Inflation inflation = new Inflation(limits, false);
		try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
			for (Enumeration<ZipArchiveEntry> all = zip.getEntries(); all.hasMoreElements();) {
				ZipArchiveEntry entry = all.nextElement();
				inflation.entry();
				if (!entry.isDirectory() && zip.canReadEntryData(entry)) {
					try (InputStream in = inflation.counted(zip.getInputStream(entry))) {
						IOUtils.consume(in);
					}
				}
			}
			return;
		}
		catch (TooLarge ex) {
			throw ex;
		}
		catch (IOException ex) {
			// no readable central directory (a truncated or damaged file): Tika then
			// salvages the entries it can stream, so they are counted the same way
		}
		Inflation streamed = new Inflation(limits, false);
		try (ZipArchiveInputStream zip = new ZipArchiveInputStream(Files.newInputStream(file))) {
			for (ZipArchiveEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				streamed.entry();
				if (zip.canReadEntryData(entry)) {
					// not closed: that would close the archive's stream
					IOUtils.consume(streamed.counted(zip));
				}
			}
		}
		catch (TooLarge ex) {
			throw ex;
		}
		catch (IOException ex) {
			// as far as it can be read: the parser fails on the rest
		}
	}

	private static boolean isZip(Path file) throws IOException {
		byte[] head = new byte[4];
		try (InputStream in = Files.newInputStream(file)) {
			return in.readNBytes(head, 0, 4) == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
		}
	}

	/**
	 * Counts one more entry (or embedded document).
	 * @throws TooLarge past {@link ArchiveLimits#maxEntries()}
	 */
	void entry() throws TooLarge {
		if (++this.entries > this.limits.maxEntries()) {
			throw exceeded(this.what + (this.embedded ? " hold" : " holds") + " more than "
					+ String.format(Locale.ROOT, "%,d", this.limits.maxEntries())
					+ " archive entries or embedded documents; " + ArchiveLimits.MAX_ENTRIES_SETTING
					+ " raises the limit");
		}
	}

	/**
	 * @param in inflated bytes
	 * @return the same bytes, counted as they are read
	 */
	InputStream counted(InputStream in) {
		return new ProxyInputStream(in) {
			@Override
			protected void afterRead(int n) throws IOException {
				add(n);
			}
		};
	}

	private void add(int n) throws TooLarge {
		if (n <= 0) {
			return;
		}
		this.bytes += n;
		if (this.bytes > this.limits.maxInflated().toBytes()) {
			throw exceeded(this.what + (this.embedded ? " inflate" : " inflates") + " past "
					+ this.limits.maxInflated().toMegabytes() + " MB; " + ArchiveLimits.MAX_INFLATED_SETTING
					+ " raises the limit");
		}
	}

	private TooLarge exceeded(String reason) {
		this.exceeded = reason;
		return new TooLarge(reason);
	}

	/**
	 * @return why the allowance ran out, or {@code null} while it has not
	 */
	public String exceeded() {
		return this.exceeded;
	}

	/**
	 * A bound of {@link ArchiveLimits} was passed; the message is the document's FAILED
	 * reason.
	 */
	public static final class TooLarge extends IOException {

		TooLarge(String reason) {
			super(reason);
		}

	}

}
