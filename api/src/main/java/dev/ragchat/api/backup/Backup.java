package dev.ragchat.api.backup;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A backup kept by the target.
 *
 * @param name the archive's name ({@code ragchat-backup-<UTC time>.zip}), what a restore
 * is given
 * @param createdAt when the backup began
 * @param size the archive's size in bytes
 * @param location where it is kept: a folder or an {@code s3://} URI
 * @param embeddingModel the model its vectors come from (only when just taken)
 * @param counts what it holds (only when just taken)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Backup(String name, Instant createdAt, long size, String location, String embeddingModel,
		Map<String, Long> counts) {

}
