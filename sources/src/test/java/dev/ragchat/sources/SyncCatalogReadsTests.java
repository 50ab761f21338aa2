package dev.ragchat.sources;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.ragchat.ingestion.DocumentStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a sync reads from the catalog grows with its files, not with files × the times it
 * looks: it waits for the documents it queued with one query a look, and reads a document
 * only once it is no longer on its way to the index.
 */
class SyncCatalogReadsTests {

	static final int FILES = 40;

	@TempDir
	Path dir;

	/** The sync's looks at which of its documents are unfinished. */
	final AtomicInteger looks = new AtomicInteger();

	/** The documents the sync read one by one. */
	final AtomicInteger documentsRead = new AtomicInteger();

	@Test
	void aSyncWaitingForItsDocumentsReadsEachOnceHoweverOftenItLooks() throws Exception {
		Path root = Files.createDirectories(this.dir.resolve("root"));
		Path folder = Files.createDirectories(root.resolve("handbook"));
		for (int n = 0; n < FILES; n++) {
			Files.writeString(folder.resolve("note-" + n + ".md"),
					"# Note " + n + "\n\nNote " + n + " says the harbour code is " + (n * 7919) + ".\n");
		}
		try (SyncFixture sync = SyncFixture.watched(this.dir, List.of(root), this::counted)) {
			Source source = sync.create(SyncFixture.KB,
					new Sources.NewSource("folder", folder.toString(), null, null, null, null));
			sync.ingestion.pause();
			SyncRun run = sync.sources.sync(SyncFixture.KB, source.id(), null);
			// nothing can finish: the sync looks, and looks again (reading every waiting
			// document at every look, it would read more than one a file meanwhile)
			await().atMost(Duration.ofSeconds(60))
				.until(() -> this.looks.get() >= 3 || this.documentsRead.get() > FILES);
			sync.ingestion.resume();
			SyncRun ended = sync.awaitEnd(run);
			SyncFixture.assertCounts(ended, SyncFixture.counts(FILES, 0, 0, 0, 0, 0, 0));
			assertThat(this.documentsRead).as("documents the sync read one by one").hasValueLessThanOrEqualTo(FILES);
			assertThat(this.looks).as("looks of the sync at what is unfinished").hasValueGreaterThanOrEqualTo(3);
		}
	}

	/**
	 * @return the store, counting the sync's looks and the documents it reads one by one
	 * (the ingestion workers' calls aside)
	 */
	private DocumentStore counted(DocumentStore store) {
		return (DocumentStore) Proxy.newProxyInstance(DocumentStore.class.getClassLoader(),
				new Class<?>[] { DocumentStore.class }, (proxy, method, args) -> {
					// a sync runs on a worker of JobRunr's
					if (Thread.currentThread().getName().startsWith("backgroundjob-worker")) {
						switch (method.getName()) {
							case "findUnfinished" -> this.looks.incrementAndGet();
							case "findById" -> this.documentsRead.incrementAndGet();
							default -> {
								// not a read of what the sync waits for
							}
						}
					}
					try {
						return method.invoke(store, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

}
