package dev.ragchat.ingestion;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Where originals are kept. Keys are made by ragchat
 * ({@code <knowledge base>/<document>}), never taken from file names. Every adapter
 * passes {@code BlobStoreContractTests}.
 */
public interface BlobStore {

	/**
	 * Stores a file under a key, replacing what was there.
	 * @param key the key
	 * @param file the bytes
	 * @param mediaType their media type
	 * @throws IOException if it cannot be stored
	 */
	void put(String key, Path file, String mediaType) throws IOException;

	/**
	 * @param key the key
	 * @return the bytes
	 * @throws IOException if there is no such blob or it cannot be read
	 */
	InputStream open(String key) throws IOException;

	/**
	 * @param key the key
	 * @param ttl how long the URL may be used
	 * @return a URL that downloads the blob without credentials, where the store has them
	 */
	Optional<URI> presignedUrl(String key, Duration ttl);

	boolean exists(String key);

	/**
	 * Removes a blob; removing a missing one is not an error.
	 * @param key the key
	 * @throws IOException if it cannot be removed
	 */
	void delete(String key) throws IOException;

}
