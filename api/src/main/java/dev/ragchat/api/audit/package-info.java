/**
 * The audit trail: one JSON line per security-relevant action in
 * {@code <data dir>/audit/audit.jsonl}, never a secret, read back by the master key.
 */
package dev.ragchat.api.audit;
