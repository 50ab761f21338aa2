package dev.ragchat.api.media;

import java.util.List;
import java.util.Optional;

/**
 * The catalog port for extractions. Every adapter passes
 * {@code ExtractionStoreContractTests}.
 */
public interface ExtractionStore {

	void save(Extraction extraction);

	Optional<Extraction> findById(String id);

	/**
	 * @param ownerKey an API key
	 * @param offset how many of its newest extractions to skip
	 * @param limit how many at most
	 * @return its extractions, newest first
	 */
	List<Extraction> pageOfOwner(String ownerKey, int offset, int limit);

	long countOfOwner(String ownerKey);

	boolean delete(String id);

}
