/**
 * Backups of the embedded mode and their restore: {@code Backups} takes one while the
 * service serves and ingests (H2's online backup, a Lucene commit snapshot, originals,
 * generated secrets, a manifest of checksums) and keeps it in a folder or an S3 bucket;
 * {@code Restore} checks one and writes it into an empty data directory
 * ({@code --restore=}).
 */
package dev.ragchat.api.backup;
