package dev.ragchat.api.backup;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where backups of the embedded mode go and when they are taken.
 *
 * @param target a folder, or {@code s3://bucket/prefix} ({@code RAGCHAT_BACKUP_TARGET})
 * @param schedule a Spring cron expression (six fields, e.g. {@code 0 0 3 * * *}), or
 * {@code -} for none ({@code RAGCHAT_BACKUP_SCHEDULE})
 * @param keep how many backups the target keeps: after each backup, the oldest beyond
 * this many are deleted ({@code RAGCHAT_BACKUP_KEEP})
 * @param s3 the S3 client's settings, when the target is a bucket
 */
@ConfigurationProperties("ragchat.backup")
public record BackupProperties(@DefaultValue("./backups") String target, @DefaultValue("-") String schedule,
		@DefaultValue("7") int keep, @DefaultValue S3 s3) {

	public BackupProperties {
		if (keep < 1) {
			throw new IllegalArgumentException("ragchat.backup.keep must be at least 1");
		}
	}

	/**
	 * The S3 client of an {@code s3://} target; credentials come from the AWS SDK's
	 * default chain (environment, profile, instance role), as for originals.
	 *
	 * @param region the bucket's region (default: the SDK's region chain)
	 * @param endpoint an S3-compatible endpoint (MinIO and others), or none for AWS
	 * @param pathStyle path-style addressing, which most S3-compatible stores need
	 */
	public record S3(String region, URI endpoint, @DefaultValue("false") boolean pathStyle) {

	}

}
