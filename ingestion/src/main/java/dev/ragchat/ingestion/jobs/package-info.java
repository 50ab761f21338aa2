/**
 * Durable background jobs on JobRunr, kept in the catalog's own store (its SQL tables in
 * the embedded database, its collections in MongoDB): a job that was running when its
 * process died is found orphaned by a live process and retried there. A feature hands its
 * work over as a {@code JobRequest} through the {@code JobRequestScheduler}, and may
 * watch its jobs' states with a {@code JobFilter} bean.
 */
package dev.ragchat.ingestion.jobs;
