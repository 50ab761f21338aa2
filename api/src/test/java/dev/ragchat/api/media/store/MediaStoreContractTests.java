package dev.ragchat.api.media.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dev.ragchat.api.media.Extraction;
import dev.ragchat.api.media.ExtractionStore;
import dev.ragchat.api.media.MediaFile;
import dev.ragchat.api.media.MediaStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract every {@link MediaStore} and {@link ExtractionStore} adapter passes:
 * subclasses hand over fresh, empty stores.
 */
abstract class MediaStoreContractTests {

	static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	MediaStore media;

	ExtractionStore extractions;

	protected abstract MediaStore createMediaStore();

	protected abstract ExtractionStore createExtractionStore();

	@BeforeEach
	void createFreshStores() {
		this.media = createMediaStore();
		this.extractions = createExtractionStore();
	}

	@Test
	void findsSavedMedia() {
		MediaFile file = new MediaFile("med_1", "key_1", "image/png", 1234, NOW);
		this.media.save(file);
		assertThat(this.media.findById("med_1")).contains(file);
		assertThat(this.media.findById("med_2")).isEmpty();
	}

	@Test
	void keepsExtractionsPerOwnerNewestFirstAndDeletesThem() {
		Extraction a = extraction("ext_a", "key_1", NOW, "med_1", null);
		Extraction b = new Extraction("ext_b", "key_1", "kb_1", "doc_1", null, "{\"type\":\"object\"}",
				"{\"name\":\"Ada\",\"dates\":[\"2020-01-31\"]}", "gemini-2.5-flash", NOW.plusSeconds(1));
		this.extractions.save(a);
		this.extractions.save(b);
		this.extractions.save(extraction("ext_c", "key_2", NOW.plusSeconds(2), "med_2", null));
		assertThat(this.extractions.findById("ext_b")).contains(b);
		assertThat(this.extractions.pageOfOwner("key_1", 0, 10)).containsExactly(b, a);
		assertThat(this.extractions.pageOfOwner("key_1", 1, 10)).containsExactly(a);
		assertThat(this.extractions.countOfOwner("key_1")).isEqualTo(2);
		assertThat(this.extractions.delete("ext_a")).isTrue();
		assertThat(this.extractions.delete("ext_a")).isFalse();
		assertThat(this.extractions.findById("ext_a")).isEmpty();
		assertThat(this.extractions.countOfOwner("key_1")).isEqualTo(1);
	}

	static Extraction extraction(String id, String owner, Instant at, String mediaId, String documentId) {
		return new Extraction(id, owner, null, documentId, mediaId, "{\"type\":\"object\"}", "{\"a\":1}", "m", at);
	}

}
