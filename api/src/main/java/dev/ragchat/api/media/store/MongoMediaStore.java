package dev.ragchat.api.media.store;

import java.util.Optional;

import dev.ragchat.api.media.MediaFile;
import dev.ragchat.api.media.MediaStore;

import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Stored media in MongoDB (the production catalog), mapped by Spring Data.
 */
final class MongoMediaStore implements MediaStore {

	static final String COLLECTION = "media";

	private final MongoTemplate mongo;

	MongoMediaStore(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public void save(MediaFile media) {
		this.mongo.insert(media, COLLECTION);
	}

	@Override
	public Optional<MediaFile> findById(String id) {
		return Optional.ofNullable(this.mongo.findById(id, MediaFile.class, COLLECTION));
	}

}
