package dev.ragchat.ingestion;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The catalog port for documents and their ingestion jobs. Jobs are claimed with leases,
 * so that any node can work any job and a dead node's job is taken over. Every adapter
 * passes {@code DocumentStoreContractTests}.
 */
public interface DocumentStore {

	/**
	 * Stores a new, queued document unless its knowledge base holds a live (not failed)
	 * document with the same bytes: then that one is returned and nothing is stored. The
	 * catalog itself enforces this (a unique index), so concurrent inserts of the same
	 * bytes on any number of nodes give one document.
	 * @param document the document
	 * @param idempotencyKey the caller's Idempotency-Key, or {@code null}
	 * @param requestHash a hash of the whole request that key came with, or {@code null}
	 * @return the stored document: {@code document}, or the live one with its bytes
	 */
	Document insert(Document document, String idempotencyKey, String requestHash);

	/**
	 * Claims an Idempotency-Key for a request; the first claim wins, atomically.
	 * @param knowledgeBase the knowledge base
	 * @param idempotencyKey the key
	 * @param requestHash the hash of the request
	 * @return the hash of the request that holds the key (this one's if it won)
	 */
	String claimIdempotencyKey(String knowledgeBase, String idempotencyKey, String requestHash);

	/**
	 * Forgets the Idempotency-Keys of a knowledge base (when it is deleted).
	 * @param knowledgeBase the knowledge base
	 */
	void deleteIdempotencyKeys(String knowledgeBase);

	Optional<Document> findById(String id);

	/**
	 * @param knowledgeBase a knowledge base
	 * @return its documents, oldest first
	 */
	List<Document> findByKnowledgeBase(String knowledgeBase);

	/**
	 * Which of some documents are still on their way to the index (neither READY nor
	 * FAILED), in one query that reads their ids only: what a caller waiting for many
	 * documents asks at each look, instead of reading each of them.
	 * @param knowledgeBase their knowledge base
	 * @param ids the documents
	 * @return the ids of those of them that are in that knowledge base and not READY or
	 * FAILED (a document that is gone is not among them)
	 */
	Set<String> findUnfinished(String knowledgeBase, Collection<String> ids);

	/**
	 * One page of a knowledge base's documents, searched, sorted and cut by the catalog's
	 * own query (an index where the order has one), never by reading the knowledge base
	 * whole: what {@code GET /knowledge-bases/{kb}/documents} shows.
	 * @param knowledgeBase a knowledge base
	 * @param query which documents, in which order
	 * @return the page, how many matched, how many of the knowledge base wait in line and
	 * the place in line of each queued document of the page
	 */
	DocumentQuery.Page findPage(String knowledgeBase, DocumentQuery query);

	/**
	 * @param knowledgeBase a knowledge base
	 * @param sha256 hex SHA-256 of some bytes
	 * @return every document of that knowledge base with those bytes (failed ones too),
	 * oldest first
	 */
	List<Document> findBySha256(String knowledgeBase, String sha256);

	/**
	 * @param knowledgeBase a knowledge base
	 * @param sha256 hex SHA-256 of some bytes
	 * @return a document of that knowledge base with those bytes that has not failed
	 */
	Optional<Document> findLiveBySha256(String knowledgeBase, String sha256);

	/**
	 * @param knowledgeBase a knowledge base
	 * @param idempotencyKey an Idempotency-Key
	 * @return the documents uploaded with it and the hash of that request
	 */
	List<KeyedDocument> findByIdempotencyKey(String knowledgeBase, String idempotencyKey);

	/**
	 * Takes the oldest queued document among those tried the fewest times (one whose
	 * attempts keep breaking never holds up the others) for a worker: PARSING, one more
	 * attempt, leased.
	 * @param owner who takes it
	 * @param leaseUntil until when the lease holds without a heartbeat
	 * @param smallOnly whether to skip documents marked {@link #handBack large}
	 * @return the document, if one was queued
	 */
	Optional<Document> claimNext(String owner, Instant leaseUntil, boolean smallOnly);

	default Optional<Document> claimNext(String owner, Instant leaseUntil) {
		return claimNext(owner, leaseUntil, false);
	}

	/**
	 * Puts a document back in the queue, marked large, without counting the attempt: the
	 * quick lane gives back what is too big for it. It is QUEUED again, with no progress
	 * and no lease (it waits in line until a main worker takes it: a client sees it
	 * waiting, not PARSING at 0 %); {@link #claimNext} with {@code smallOnly} false takes
	 * it again.
	 * @param id the document
	 */
	void handBack(String id);

	/**
	 * Extends a worker's lease; fails if the lease was lost.
	 * @param id the document
	 * @param owner the worker
	 * @param leaseUntil the new end of the lease
	 * @return whether the worker still holds the lease
	 */
	boolean heartbeat(String id, String owner, Instant leaseUntil);

	/**
	 * Records a working document's progress.
	 * @param id the document
	 * @param status its status
	 * @param progress its progress
	 * @return whether the document still exists (a worker stops when it is gone)
	 */
	boolean progress(String id, DocumentStatus status, Document.Progress progress);

	void ready(String id, Document.Progress progress, List<String> warnings, Instant readyAt);

	void failed(String id, String error, List<String> warnings);

	/**
	 * The documents still marked as working (parsing or embedding) whose lease ran out:
	 * their worker was cut off. What becomes of them is decided by the workers, once for
	 * every catalog.
	 * @param now the time
	 * @return the documents whose lease ended before it
	 */
	List<Document> expiredLeases(Instant now);

	void requeue(String id);

	/**
	 * Deletes a document and the versions it had.
	 * @param id the document
	 * @return whether it existed
	 */
	boolean delete(String id);

	/**
	 * For usage analytics: the documents uploaded or made ready in a time range.
	 * @param from the first instant
	 * @param to the instant after the last
	 * @return the documents created or ready in {@code [from, to)}, oldest first
	 */
	List<Document> activeBetween(Instant from, Instant to);

	/**
	 * Replaces a document in place, in one atomic step: if it is still at
	 * {@code next.version() - 1} and not being ingested (READY or FAILED), its current
	 * version is kept as a {@link Document.Version} and the row takes {@code next}'s
	 * file, metadata and version, QUEUED, with no progress, attempts, warnings or error.
	 * Of two concurrent replacements of one version only one succeeds.
	 * @param next the document as its next version (same id)
	 * @return whether the replacement happened ({@code false}: another version came
	 * first, or the document is being ingested, or is gone)
	 * @throws org.springframework.dao.DuplicateKeyException if another live document of
	 * the knowledge base has the new bytes
	 */
	boolean replace(Document next);

	/**
	 * @param id a document
	 * @return the versions it had before its current one, oldest first
	 */
	List<Document.Version> versions(String id);

	/**
	 * A document with the hash of the request it came with.
	 *
	 * @param document the document
	 * @param requestHash the request's hash
	 */
	record KeyedDocument(Document document, String requestHash) {

	}

}
