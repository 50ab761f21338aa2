package dev.ragchat.ingestion.catalog;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import dev.ragchat.ingestion.Document;
import dev.ragchat.ingestion.DocumentStatus;
import dev.ragchat.ingestion.DocumentStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract every {@link DocumentStore} adapter passes; subclasses hand over an empty
 * store.
 */
abstract class DocumentStoreContractTests {

	static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	DocumentStore store;

	protected abstract DocumentStore createStore();

	@BeforeEach
	void createFreshStore() {
		this.store = createStore();
	}

	@Test
	void findsWhatItStored() {
		Document document = document("doc_1", "kb", "a".repeat(64));
		this.store.insert(document, null, null);
		assertThat(this.store.findById("doc_1")).contains(document);
		assertThat(this.store.findByKnowledgeBase("kb")).containsExactly(document);
		assertThat(this.store.findByKnowledgeBase("other")).isEmpty();
	}

	@Test
	void findsLiveDuplicatesByHashButNotFailedOnes() {
		this.store.insert(document("doc_1", "kb", "a".repeat(64)), null, null);
		this.store.insert(document("doc_2", "kb", "b".repeat(64)), null, null);
		this.store.failed("doc_2", "broken", List.of());
		assertThat(this.store.findLiveBySha256("kb", "a".repeat(64))).map(Document::id).contains("doc_1");
		assertThat(this.store.findLiveBySha256("kb", "b".repeat(64))).isEmpty();
		assertThat(this.store.findLiveBySha256("other", "a".repeat(64))).isEmpty();
	}

	@Test
	void findsDocumentsByIdempotencyKeyWithTheirRequestHash() {
		this.store.insert(document("doc_1", "kb", "a".repeat(64)), "key-1", "hash-1");
		this.store.insert(document("doc_2", "kb", "b".repeat(64)), "key-1", "hash-1");
		assertThat(this.store.findByIdempotencyKey("kb", "key-1")).extracting(DocumentStore.KeyedDocument::requestHash)
			.containsExactly("hash-1", "hash-1");
		assertThat(this.store.findByIdempotencyKey("kb", "key-2")).isEmpty();
	}

	@Test
	void claimsTheOldestQueuedDocumentOnce() {
		this.store.insert(document("doc_old", "kb", "a".repeat(64), NOW.minusSeconds(10)), null, null);
		this.store.insert(document("doc_new", "kb", "b".repeat(64), NOW), null, null);
		Document first = this.store.claimNext("worker-1", NOW.plusSeconds(60)).orElseThrow();
		assertThat(first.id()).isEqualTo("doc_old");
		assertThat(first.status()).isEqualTo(DocumentStatus.PARSING);
		assertThat(first.attempts()).isEqualTo(1);
		assertThat(this.store.claimNext("worker-2", NOW.plusSeconds(60))).map(Document::id).contains("doc_new");
		assertThat(this.store.claimNext("worker-3", NOW.plusSeconds(60))).isEmpty();
	}

	@Test
	void letsTwoWorkersShareTheQueueWithEachJobDoneOnce() throws Exception {
		for (int i = 0; i < 40; i++) {
			this.store.insert(document("doc_" + i, "kb", String.format("%064d", i), NOW.plusMillis(i)), null, null);
		}
		List<String> claimed = Collections.synchronizedList(new ArrayList<>());
		CompletableFuture<?>[] workers = new CompletableFuture<?>[2];
		for (int w = 0; w < workers.length; w++) {
			String owner = "worker-" + w;
			workers[w] = CompletableFuture.runAsync(() -> {
				Optional<Document> next;
				while ((next = this.store.claimNext(owner, Instant.now().plusSeconds(60))).isPresent()) {
					claimed.add(next.get().id());
				}
			});
		}
		CompletableFuture.allOf(workers).get();
		assertThat(claimed).hasSize(40).doesNotHaveDuplicates();
	}

	@Test
	void keepsALeaseAliveOnlyForItsOwner() {
		this.store.insert(document("doc_1", "kb", "a".repeat(64)), null, null);
		this.store.claimNext("worker-1", NOW.plusSeconds(60));
		assertThat(this.store.heartbeat("doc_1", "worker-1", NOW.plusSeconds(120))).isTrue();
		assertThat(this.store.heartbeat("doc_1", "worker-2", NOW.plusSeconds(120))).isFalse();
	}

	@Test
	void takesOverAStalledLeaseAndFailsAfterTheLastAttempt() {
		this.store.insert(document("doc_1", "kb", "a".repeat(64)), null, null);
		for (int attempt = 1; attempt <= 3; attempt++) {
			Document claimed = this.store.claimNext("worker-" + attempt, NOW.minusSeconds(1)).orElseThrow();
			assertThat(claimed.attempts()).isEqualTo(attempt);
			List<String> failed = this.store.recoverExpiredLeases(NOW, 3);
			if (attempt < 3) {
				assertThat(failed).isEmpty();
				assertThat(this.store.findById("doc_1").orElseThrow().status()).isEqualTo(DocumentStatus.QUEUED);
			}
			else {
				assertThat(failed).containsExactly("doc_1");
			}
		}
		Document failed = this.store.findById("doc_1").orElseThrow();
		assertThat(failed.status()).isEqualTo(DocumentStatus.FAILED);
		assertThat(failed.error()).contains("3 attempts");
	}

	@Test
	void leavesLiveLeasesAlone() {
		this.store.insert(document("doc_1", "kb", "a".repeat(64)), null, null);
		this.store.claimNext("worker-1", NOW.plusSeconds(60));
		assertThat(this.store.recoverExpiredLeases(NOW, 3)).isEmpty();
		assertThat(this.store.findById("doc_1").orElseThrow().status()).isEqualTo(DocumentStatus.PARSING);
	}

	@Test
	void recordsProgressReadinessAndFailure() {
		this.store.insert(document("doc_1", "kb", "a".repeat(64)), null, null);
		this.store.progress("doc_1", DocumentStatus.EMBEDDING, new Document.Progress(4, 4, 10, 20));
		Document embedding = this.store.findById("doc_1").orElseThrow();
		assertThat(embedding.status()).isEqualTo(DocumentStatus.EMBEDDING);
		assertThat(embedding.progress()).isEqualTo(new Document.Progress(4, 4, 10, 20));
		this.store.ready("doc_1", new Document.Progress(4, 4, 20, 20), List.of("Page 2 had no text"), NOW);
		Document ready = this.store.findById("doc_1").orElseThrow();
		assertThat(ready.status()).isEqualTo(DocumentStatus.READY);
		assertThat(ready.warnings()).containsExactly("Page 2 had no text");
		assertThat(ready.readyAt()).isEqualTo(NOW);
		this.store.insert(document("doc_2", "kb", "b".repeat(64)), null, null);
		this.store.failed("doc_2", "The PDF is encrypted", List.of());
		assertThat(this.store.findById("doc_2").orElseThrow().error()).isEqualTo("The PDF is encrypted");
	}

	@Test
	void deletes() {
		this.store.insert(document("doc_1", "kb", "a".repeat(64)), null, null);
		assertThat(this.store.delete("doc_1")).isTrue();
		assertThat(this.store.findById("doc_1")).isEmpty();
		assertThat(this.store.delete("doc_1")).isFalse();
	}

	static Document document(String id, String kb, String sha256) {
		return document(id, kb, sha256, NOW);
	}

	static Document document(String id, String kb, String sha256, Instant createdAt) {
		return new Document(id, kb, id + ".pdf", "application/pdf", 1234, sha256, DocumentStatus.QUEUED,
				Document.Progress.NONE, List.of(), null, 0, "{\"a\":1}", createdAt, null);
	}

}
