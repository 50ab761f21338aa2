package dev.ragchat.ingestion;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The catalog port for documents and their ingestion jobs. Jobs are claimed with leases,
 * so that any node can work any job and a dead node's job is taken over. Every adapter
 * passes {@code DocumentStoreContractTests}.
 */
public interface DocumentStore {

	/**
	 * Stores a new, queued document.
	 * @param document the document
	 * @param idempotencyKey the caller's Idempotency-Key, or {@code null}
	 * @param requestHash a hash of the whole request that key came with, or {@code null}
	 */
	void insert(Document document, String idempotencyKey, String requestHash);

	Optional<Document> findById(String id);

	/**
	 * @param knowledgeBase a knowledge base
	 * @return its documents, oldest first
	 */
	List<Document> findByKnowledgeBase(String knowledgeBase);

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
	 * Takes the oldest queued document for a worker: PARSING, one more attempt, leased.
	 * @param owner who takes it
	 * @param leaseUntil until when the lease holds without a heartbeat
	 * @return the document, if one was queued
	 */
	Optional<Document> claimNext(String owner, Instant leaseUntil);

	/**
	 * Extends a worker's lease; fails if the lease was lost.
	 * @param id the document
	 * @param owner the worker
	 * @param leaseUntil the new end of the lease
	 * @return whether the worker still holds the lease
	 */
	boolean heartbeat(String id, String owner, Instant leaseUntil);

	void progress(String id, DocumentStatus status, Document.Progress progress);

	void ready(String id, Document.Progress progress, List<String> warnings, Instant readyAt);

	void failed(String id, String error, List<String> warnings);

	/**
	 * Puts a working document whose lease ran out back in the queue, or fails it after
	 * its last attempt.
	 * @param now the time
	 * @param maxAttempts attempts after which a document fails
	 * @return the documents that failed
	 */
	List<String> recoverExpiredLeases(Instant now, int maxAttempts);

	void requeue(String id);

	boolean delete(String id);

	/**
	 * A document with the hash of the request it came with.
	 *
	 * @param document the document
	 * @param requestHash the request's hash
	 */
	record KeyedDocument(Document document, String requestHash) {

	}

}
