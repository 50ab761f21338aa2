package dev.ragchat.ingestion.catalog;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

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
	void claimsADocumentQueuedAgainAfterAFailedAttemptOnlyAfterTheOnesNotTriedYet() {
		this.store.insert(document("doc_failing", "kb", "a".repeat(64), NOW.minusSeconds(10)), null, null);
		assertThat(this.store.claimNext("worker-1", NOW.plusSeconds(60))).map(Document::id).contains("doc_failing");
		this.store.insert(document("doc_small", "kb", "b".repeat(64), NOW), null, null);
		this.store.requeue("doc_failing");
		assertThat(this.store.claimNext("worker-2", NOW.plusSeconds(60))).map(Document::id).contains("doc_small");
		assertThat(this.store.claimNext("worker-3", NOW.plusSeconds(60))).map(Document::id).contains("doc_failing");
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
				Optional<Document> next = this.store.claimNext(owner, Instant.now().plusSeconds(60));
				while (next.isPresent()) {
					claimed.add(next.get().id());
					next = this.store.claimNext(owner, Instant.now().plusSeconds(60));
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
	void findsTheWorkingDocumentsWhoseLeaseRanOutWithTheirAttempts() {
		this.store.insert(document("doc_1", "kb", "a".repeat(64)), null, null);
		assertThat(this.store.claimNext("worker-1", NOW.minusSeconds(1)).orElseThrow().id()).isEqualTo("doc_1");
		this.store.insert(document("doc_2", "kb", "b".repeat(64)), null, null);
		assertThat(this.store.claimNext("worker-2", NOW.plusSeconds(60)).orElseThrow().id()).isEqualTo("doc_2");
		List<Document> expired = this.store.expiredLeases(NOW);
		assertThat(expired).singleElement().satisfies((document) -> {
			assertThat(document.id()).isEqualTo("doc_1");
			assertThat(document.attempts()).isEqualTo(1);
			assertThat(document.status()).isEqualTo(DocumentStatus.PARSING);
		});
		// the store only answers: nothing changed
		assertThat(this.store.findById("doc_1").orElseThrow().status()).isEqualTo(DocumentStatus.PARSING);
		this.store.requeue("doc_1");
		assertThat(this.store.expiredLeases(NOW)).isEmpty();
		assertThat(this.store.claimNext("worker-3", NOW.minusSeconds(1)).orElseThrow().attempts()).isEqualTo(2);
	}

	@Test
	void leavesLiveLeasesAlone() {
		this.store.insert(document("doc_1", "kb", "a".repeat(64)), null, null);
		this.store.claimNext("worker-1", NOW.plusSeconds(60));
		assertThat(this.store.expiredLeases(NOW)).isEmpty();
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

	@Test
	void keepsOneLiveDocumentPerContentHoweverConcurrentInsertsInterleave() throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			for (int round = 0; round < 25; round++) {
				String sha = String.format("%064d", round);
				CyclicBarrier start = new CyclicBarrier(8);
				List<Future<Document>> inserts = new ArrayList<>();
				for (int i = 0; i < 8; i++) {
					Document candidate = document("doc_" + round + "_" + i, "kb", sha);
					inserts.add(threads.submit(() -> {
						start.await();
						return this.store.insert(candidate, null, null);
					}));
				}
				Set<String> ids = new HashSet<>();
				for (Future<Document> insert : inserts) {
					ids.add(insert.get(30, TimeUnit.SECONDS).id());
				}
				assertThat(ids).as("round %d", round).hasSize(1);
				assertThat(this.store.findByKnowledgeBase("kb")).filteredOn((d) -> d.sha256().equals(sha))
					.extracting(Document::id)
					.containsExactlyElementsOf(ids);
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void acceptsTheSameBytesAgainOnceTheLiveCopyFailedAndInOtherKnowledgeBases() {
		Document first = this.store.insert(document("doc_1", "kb", "a".repeat(64)), null, null);
		assertThat(this.store.insert(document("doc_2", "kb", "a".repeat(64)), null, null)).isEqualTo(first);
		assertThat(this.store.insert(document("doc_3", "other", "a".repeat(64)), null, null).id()).isEqualTo("doc_3");
		this.store.failed("doc_1", "broken", List.of());
		assertThat(this.store.insert(document("doc_4", "kb", "a".repeat(64)), null, null).id()).isEqualTo("doc_4");
		assertThat(this.store.findByKnowledgeBase("kb")).extracting(Document::id).containsExactly("doc_1", "doc_4");
	}

	@Test
	void givesAnIdempotencyKeyToTheFirstRequestThatClaimsIt() throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			for (int round = 0; round < 25; round++) {
				String key = "key-" + round;
				CyclicBarrier start = new CyclicBarrier(8);
				List<Future<String>> claims = new ArrayList<>();
				for (int i = 0; i < 8; i++) {
					String hash = "hash-" + i;
					claims.add(threads.submit(() -> {
						start.await();
						return this.store.claimIdempotencyKey("kb", key, hash);
					}));
				}
				Set<String> holders = new HashSet<>();
				for (Future<String> claim : claims) {
					holders.add(claim.get(30, TimeUnit.SECONDS));
				}
				assertThat(holders).as("round %d", round).hasSize(1);
			}
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(this.store.claimIdempotencyKey("other", "key-0", "mine")).isEqualTo("mine");
		this.store.deleteIdempotencyKeys("kb");
		assertThat(this.store.claimIdempotencyKey("kb", "key-0", "new")).isEqualTo("new");
	}

	@Test
	void keepsThousandsOfWarningsBounded() {
		this.store.insert(document("doc_1", "kb", "a".repeat(64)), null, null);
		List<String> warnings = new ArrayList<>();
		for (int page = 1; page <= 5_000; page++) {
			warnings.add("Page " + page + " has no text layer and OCR is not available (install tesseract-ocr)");
		}
		this.store.ready("doc_1", new Document.Progress(5_000, 5_000, 1, 1), warnings, NOW);
		Document ready = this.store.findById("doc_1").orElseThrow();
		assertThat(ready.status()).isEqualTo(DocumentStatus.READY);
		assertThat(ready.warnings()).hasSize(Document.MAX_WARNINGS + 1).endsWith("… and 4980 more warnings");
		this.store.failed("doc_1", "x", warnings);
		assertThat(this.store.findById("doc_1").orElseThrow().warnings()).hasSize(Document.MAX_WARNINGS + 1);
	}

	@Test
	void handsALargeDocumentBackToTheMainWorkersOnlyQueuedAgain() {
		this.store.insert(document("doc_big", "kb", "a".repeat(64), NOW.minusSeconds(10)), null, null);
		this.store.insert(document("doc_small", "kb", "b".repeat(64), NOW), null, null);
		assertThat(this.store.claimNext("quick", NOW.plusSeconds(60), true)).map(Document::id).contains("doc_big");
		this.store.handBack("doc_big");
		Document back = this.store.findById("doc_big").orElseThrow();
		// it waits in line for a main worker: QUEUED, not PARSING at 0 %
		assertThat(back.status()).isEqualTo(DocumentStatus.QUEUED);
		assertThat(back.progress()).isEqualTo(Document.Progress.NONE);
		assertThat(back.attempts()).isZero();
		assertThat(this.store.expiredLeases(NOW.plusSeconds(3600))).extracting(Document::id).doesNotContain("doc_big");
		assertThat(this.store.claimNext("quick", NOW.plusSeconds(60), true)).map(Document::id).contains("doc_small");
		assertThat(this.store.claimNext("quick", NOW.plusSeconds(60), true)).isEmpty();
		assertThat(this.store.claimNext("main", NOW.plusSeconds(60), false)).map(Document::id).contains("doc_big");
	}

	@Test
	void tellsAWorkerWhenItsDocumentIsGone() {
		this.store.insert(document("doc_1", "kb", "a".repeat(64)), null, null);
		assertThat(this.store.progress("doc_1", DocumentStatus.PARSING, new Document.Progress(1, 9, 0, 0))).isTrue();
		this.store.delete("doc_1");
		assertThat(this.store.progress("doc_1", DocumentStatus.PARSING, new Document.Progress(2, 9, 0, 0))).isFalse();
	}

	@Test
	void findsTheDocumentsUploadedOrMadeReadyInATimeRange() {
		Instant day = NOW.truncatedTo(ChronoUnit.DAYS);
		this.store.insert(document("doc_before", "kb", "a".repeat(64), day.minusSeconds(60)), null, null);
		this.store.insert(document("doc_ready_in", "kb", "b".repeat(64), day.minusSeconds(30)), null, null);
		this.store.ready("doc_ready_in", new Document.Progress(3, 3, 5, 5), List.of(), day.plusSeconds(10));
		this.store.insert(document("doc_in", "kb", "c".repeat(64), day.plusSeconds(20)), null, null);
		this.store.insert(document("doc_after", "kb", "d".repeat(64), day.plusSeconds(86_400)), null, null);
		assertThat(this.store.activeBetween(day, day.plusSeconds(86_400))).extracting(Document::id)
			.containsExactly("doc_ready_in", "doc_in");
		assertThat(this.store.activeBetween(day, day.plusSeconds(86_400)).get(0).progress().pagesTotal()).isEqualTo(3);
	}

	@Test
	void replacesADocumentInPlaceAndKeepsItsPreviousVersion() {
		this.store.insert(document("doc_1", "kb", "a".repeat(64)), null, null);
		this.store.ready("doc_1", new Document.Progress(3, 3, 5, 5), List.of(), NOW.plusSeconds(5));
		Document next = next("doc_1", "b".repeat(64), 2);
		assertThat(this.store.replace(next)).isTrue();
		Document replaced = this.store.findById("doc_1").orElseThrow();
		assertThat(replaced.version()).isEqualTo(2);
		assertThat(replaced.status()).isEqualTo(DocumentStatus.QUEUED);
		assertThat(replaced.sha256()).isEqualTo("b".repeat(64));
		assertThat(replaced.filename()).isEqualTo("v2.pdf");
		assertThat(replaced.createdAt()).isEqualTo(NOW);
		assertThat(replaced.updatedAt()).isEqualTo(NOW.plusSeconds(60));
		assertThat(replaced.readyAt()).isNull();
		assertThat(this.store.versions("doc_1")).containsExactly(new Document.Version("doc_1", 1, "doc_1.pdf",
				"application/pdf", 1234, "a".repeat(64), "{\"a\":1}", NOW, NOW.plusSeconds(5), NOW.plusSeconds(60)));
		// the new bytes are the live ones now
		assertThat(this.store.findLiveBySha256("kb", "b".repeat(64))).map(Document::id).contains("doc_1");
		assertThat(this.store.findLiveBySha256("kb", "a".repeat(64))).isEmpty();
		this.store.delete("doc_1");
		assertThat(this.store.versions("doc_1")).isEmpty();
	}

	@Test
	void replacesOneVersionOnceAndNeverWhileItIsIngested() {
		this.store.insert(document("doc_1", "kb", "a".repeat(64)), null, null);
		// queued: being ingested
		assertThat(this.store.replace(next("doc_1", "b".repeat(64), 2))).isFalse();
		this.store.ready("doc_1", new Document.Progress(3, 3, 5, 5), List.of(), NOW);
		assertThat(this.store.replace(next("doc_1", "b".repeat(64), 2))).isTrue();
		// a second replacement of version 1 lost the race
		assertThat(this.store.replace(next("doc_1", "c".repeat(64), 2))).isFalse();
		assertThat(this.store.findById("doc_1").orElseThrow().sha256()).isEqualTo("b".repeat(64));
		assertThat(this.store.replace(next("doc_99", "d".repeat(64), 2))).isFalse();
	}

	private static Document next(String id, String sha256, int version) {
		return new Document(id, "kb", "v" + version + ".pdf", "application/pdf", 99, sha256, DocumentStatus.QUEUED,
				Document.Progress.NONE, List.of(), null, 0, null, NOW, null, version, NOW.plusSeconds(60));
	}

	static Document document(String id, String kb, String sha256) {
		return document(id, kb, sha256, NOW);
	}

	static Document document(String id, String kb, String sha256, Instant createdAt) {
		return new Document(id, kb, id + ".pdf", "application/pdf", 1234, sha256, DocumentStatus.QUEUED,
				Document.Progress.NONE, List.of(), null, 0, "{\"a\":1}", createdAt, null);
	}

}
