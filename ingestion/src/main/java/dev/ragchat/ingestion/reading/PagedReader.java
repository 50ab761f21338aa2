package dev.ragchat.ingestion.reading;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The reader of a paged format (PDF, in {@code reading.pdf}), page by page with progress:
 * {@link DocumentReader} is given one, so that this package does not depend on the
 * packages below it.
 */
@FunctionalInterface
public interface PagedReader {

	/**
	 * @param file the document
	 * @param progress told the pages read so far
	 * @return what it holds
	 * @throws IOException if it cannot be read
	 */
	ParsedDocument read(Path file, PageProgress progress) throws IOException;

}
