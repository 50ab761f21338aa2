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
import dev.ragchat.ingestion.DocumentQuery;
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
	void findsWhichOfSomeDocumentsOfAKnowledgeBaseAreStillOnTheirWayToTheIndex() {
		this.store.insert(document("doc_parsing", "kb", "a".repeat(64), NOW.minusSeconds(4)), null, null);
		assertThat(this.store.claimNext("worker-1", NOW.plusSeconds(60))).map(Document::id).contains("doc_parsing");
		this.store.insert(document("doc_queued", "kb", "b".repeat(64), NOW.minusSeconds(3)), null, null);
		this.store.insert(document("doc_ready", "kb", "c".repeat(64), NOW.minusSeconds(2)), null, null);
		this.store.ready("doc_ready", Document.Progress.NONE, List.of(), NOW);
		this.store.insert(document("doc_failed", "kb", "d".repeat(64), NOW.minusSeconds(1)), null, null);
		this.store.failed("doc_failed", "broken", List.of());
		this.store.insert(document("doc_elsewhere", "other", "e".repeat(64), NOW), null, null);
		this.store.insert(document("doc_not_asked", "kb", "f".repeat(64), NOW), null, null);
		assertThat(this.store.findUnfinished("kb",
				List.of("doc_parsing", "doc_queued", "doc_ready", "doc_failed", "doc_elsewhere", "doc_gone")))
			.containsExactlyInAnyOrder("doc_parsing", "doc_queued");
		assertThat(this.store.findUnfinished("kb", List.of("doc_ready"))).isEmpty();
		assertThat(this.store.findUnfinished("kb", List.of())).isEmpty();
	}

	@Test
	void findsTheUnfinishedAmongMoreDocumentsThanOneQueryTakes() {
		// a first sync of 100,000 files waits for all of them: H2 takes at most 100,000
		// parameters a statement, PostgreSQL 65,535
		this.store.insert(document("doc_queued", "kb", "a".repeat(64), NOW), null, null);
		List<String> ids = new java.util.ArrayList<>();
		for (int i = 0; i < 120_000; i++) {
			ids.add("doc_" + i);
		}
		ids.add("doc_queued");
		assertThat(this.store.findUnfinished("kb", ids)).containsExactly("doc_queued");
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

	@Test
	void searchesSortsAndPagesTheListAsTheListInMemoryDid() {
		fillAKnowledgeBaseOfEveryKind();
		List<Document> all = this.store.findByKnowledgeBase("kb");
		List<String> searches = new ArrayList<>(java.util.Arrays.asList(null, "  ", " REPORT ", "%", "_", "\\", "a.b",
				"(draft)", "über", "ÉTÉ", "nothing-like-it"));
		int checked = 0;
		for (String q : searches) {
			for (String sort : List.of("upload", "name", "-name", "date", "-date", "size", "-size", "status",
					"-status")) {
				for (int offset : List.of(0, 7, 55)) {
					for (Integer limit : java.util.Arrays.asList(null, 1, 10)) {
						boolean descending = sort.startsWith("-");
						DocumentQuery query = new DocumentQuery(q,
								DocumentQuery.Order.valueOf(
										(descending ? sort.substring(1) : sort).toUpperCase(java.util.Locale.ROOT)),
								descending, offset, limit);
						DocumentQuery.Page expected = InMemoryListing.apply(all, q, query);
						DocumentQuery.Page page = this.store.findPage("kb", query);
						String what = "q=" + q + " sort=" + sort + " offset=" + offset + " limit=" + limit;
						assertThat(page.documents()).as(what).containsExactlyElementsOf(expected.documents());
						assertThat(page.total()).as(what).isEqualTo(expected.total());
						assertThat(page.queued()).as(what).isEqualTo(expected.queued());
						assertThat(page.placesInLine()).as(what).isEqualTo(expected.placesInLine());
						checked += page.documents().size();
					}
				}
			}
		}
		// the lists were not all empty: the comparisons compared documents
		assertThat(checked).isGreaterThan(1000);
	}

	@Test
	void returnsOnlyTheAskedPageOfAKnowledgeBaseOfThousands() {
		for (int i = 0; i < 2000; i++) {
			Document d = new Document(String.format("doc_%05d", i), "kb", String.format("file-%05d.txt", 1999 - i),
					"text/plain", i % 97, String.format("%064d", i), DocumentStatus.QUEUED, Document.Progress.NONE,
					List.of(), null, 0, null, NOW.plusMillis(i), null);
			this.store.insert(d, null, null);
		}
		DocumentQuery.Page page = this.store.findPage("kb",
				new DocumentQuery(null, DocumentQuery.Order.NAME, false, 1000, 10));
		// file-00000 is the newest: by name, the 1001st is doc_00999's file-01000
		assertThat(page.documents()).extracting(Document::id)
			.containsExactly("doc_00999", "doc_00998", "doc_00997", "doc_00996", "doc_00995", "doc_00994", "doc_00993",
					"doc_00992", "doc_00991", "doc_00990");
		assertThat(page.total()).isEqualTo(2000);
		assertThat(page.queued()).isEqualTo(2000);
		assertThat(page.placesInLine()).containsEntry("doc_00999", 1000).containsEntry("doc_00990", 991).hasSize(10);
		DocumentQuery.Page searched = this.store.findPage("kb",
				new DocumentQuery("FILE-019", DocumentQuery.Order.SIZE, true, 0, 5));
		assertThat(searched.total()).isEqualTo(100);
		assertThat(searched.documents()).hasSize(5).allSatisfy((d) -> assertThat(d.filename()).startsWith("file-019"));
	}

	@Test
	void findsEveryDocumentWithTheSameBytesFailedOnesToo() {
		this.store.insert(document("doc_1", "kb", "a".repeat(64), NOW), null, null);
		this.store.failed("doc_1", "broken", List.of());
		this.store.insert(document("doc_2", "kb", "a".repeat(64), NOW.plusSeconds(1)), null, null);
		this.store.insert(document("doc_3", "kb", "b".repeat(64)), null, null);
		this.store.insert(document("doc_4", "other", "a".repeat(64)), null, null);
		assertThat(this.store.findBySha256("kb", "a".repeat(64))).extracting(Document::id)
			.containsExactly("doc_1", "doc_2");
		assertThat(this.store.findBySha256("kb", "c".repeat(64))).isEmpty();
	}

	/**
	 * Sixty documents with names that share words, case and special characters, sizes,
	 * upload times and statuses that tie, replaced versions (uploaded later than they
	 * were created), every status; and a few in another knowledge base.
	 */
	private void fillAKnowledgeBaseOfEveryKind() {
		java.util.Random random = new java.util.Random(60);
		List<String> names = List.of("Report-%d.pdf", "report_%d.txt", "alpha%d.md", "100%% sure %d.txt", "a_b%d.txt",
				"Über (draft) %d.docx", "ÉTÉ-%d.txt", "back\\slash%d.txt", "a.b-%d.csv", "same.txt", "SAME.txt",
				"zeta%d.txt");
		DocumentStatus[] statuses = DocumentStatus.values();
		for (int i = 0; i < 60; i++) {
			String id = "doc_" + Integer.toHexString(random.nextInt(1 << 20)) + "_" + i;
			String name = String.format(names.get(random.nextInt(names.size())), random.nextInt(5));
			Document d = new Document(id, "kb", name, "text/plain", List.of(10L, 20L, 1234L).get(random.nextInt(3)),
					String.format("%064x", i), DocumentStatus.QUEUED, Document.Progress.NONE, List.of(), null, 0, null,
					NOW.plusSeconds(i / 3), null);
			this.store.insert(d, null, null);
			DocumentStatus status = statuses[random.nextInt(statuses.length)];
			switch (status) {
				case READY -> this.store.ready(id, new Document.Progress(1, 1, 2, 2), List.of(), NOW.plusSeconds(90));
				case FAILED -> this.store.failed(id, "broken", List.of());
				case PARSING, EMBEDDING -> this.store.progress(id, status, Document.Progress.NONE);
				default -> {
				}
			}
			if (status == DocumentStatus.READY && random.nextInt(3) == 0) {
				// a replaced document: queued again, its version uploaded later
				this.store.replace(new Document(id, "kb", "Replaced " + name, "text/plain", 99,
						String.format("%064x", 1000 + i), DocumentStatus.QUEUED, Document.Progress.NONE, List.of(),
						null, 0, null, d.createdAt(), null, 2, NOW.plusSeconds(random.nextInt(40))));
			}
		}
		for (int i = 0; i < 5; i++) {
			this.store.insert(document("doc_other_" + i, "other", String.format("%064x", 5000 + i)), null, null);
		}
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
