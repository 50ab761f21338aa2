package dev.ragchat.ingestion.blobs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.ragchat.ingestion.BlobStore;
import dev.ragchat.ingestion.TestFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The contract every {@link BlobStore} adapter passes; subclasses hand over an empty
 * store.
 */
abstract class BlobStoreContractTests {

	@TempDir
	Path dir;

	BlobStore store;

	protected abstract BlobStore createStore() throws Exception;

	@BeforeEach
	void createFreshStore() throws Exception {
		this.store = createStore();
	}

	@Test
	void storesAndReturnsTheSameBytes() throws Exception {
		Path file = TestFiles.factsPdf(this.dir.resolve("a.pdf"));
		this.store.put("kb/doc_1", file, "application/pdf");
		assertThat(read("kb/doc_1")).isEqualTo(Files.readAllBytes(file));
		assertThat(this.store.exists("kb/doc_1")).isTrue();
	}

	@Test
	void replacesWhatWasUnderAKey() throws Exception {
		this.store.put("kb/doc_2", Files.writeString(this.dir.resolve("1.txt"), "first"), "text/plain");
		this.store.put("kb/doc_2", Files.writeString(this.dir.resolve("2.txt"), "second"), "text/plain");
		assertThat(new String(read("kb/doc_2"))).isEqualTo("second");
	}

	@Test
	void keepsKeysApart() throws Exception {
		this.store.put("kb-a/doc_3", Files.writeString(this.dir.resolve("a.txt"), "a"), "text/plain");
		this.store.put("kb-b/doc_3", Files.writeString(this.dir.resolve("b.txt"), "b"), "text/plain");
		assertThat(new String(read("kb-a/doc_3"))).isEqualTo("a");
		assertThat(new String(read("kb-b/doc_3"))).isEqualTo("b");
	}

	@Test
	void deletesAndForgets() throws Exception {
		this.store.put("kb/doc_4", Files.writeString(this.dir.resolve("x.txt"), "x"), "text/plain");
		this.store.delete("kb/doc_4");
		assertThat(this.store.exists("kb/doc_4")).isFalse();
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> this.store.open("kb/doc_4").close());
		this.store.delete("kb/doc_4");
	}

	@Test
	void saysWhenThereIsNothing() {
		assertThat(this.store.exists("kb/never")).isFalse();
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> this.store.open("kb/never").close());
	}

	private byte[] read(String key) throws IOException {
		try (InputStream in = this.store.open(key)) {
			return in.readAllBytes();
		}
	}

}
