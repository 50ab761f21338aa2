package dev.ragchat.api.media;

import java.util.Optional;

/**
 * The catalog port for stored media. Every adapter passes
 * {@code MediaStoreContractTests}.
 */
public interface MediaStore {

	void save(MediaFile media);

	Optional<MediaFile> findById(String id);

}
