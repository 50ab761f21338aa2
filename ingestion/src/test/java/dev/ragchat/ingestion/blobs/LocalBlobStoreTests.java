package dev.ragchat.ingestion.blobs;

import java.time.Duration;

import dev.ragchat.ingestion.BlobStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LocalBlobStoreTests extends BlobStoreContractTests {

	@Override
	protected BlobStore createStore() throws Exception {
		return new LocalBlobStore(this.dir.resolve("blobs"));
	}

	@Test
	void refusesKeysThatLeaveItsDirectory() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.store.exists("../outside"));
		assertThatIllegalArgumentException().isThrownBy(() -> this.store.exists("/etc/passwd"));
	}

	@Test
	void hasNoPresignedUrls() {
		assertThat(this.store.presignedUrl("kb/doc", Duration.ofMinutes(1))).isEmpty();
	}

}
