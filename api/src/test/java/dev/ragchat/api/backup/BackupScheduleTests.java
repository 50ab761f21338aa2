package dev.ragchat.api.backup;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code RAGCHAT_BACKUP_SCHEDULE} takes backups by itself, and
 * {@code RAGCHAT_BACKUP_KEEP} keeps the newest so many in the target: here one every two
 * seconds, two kept.
 */
@SpringBootTest(properties = { "ragchat.backup.schedule=*/2 * * * * *", "ragchat.backup.keep=2",
		"ragchat.backup.target=${ragchat.data-dir}/scheduled-backups-${random.uuid}" })
class BackupScheduleTests {

	@Autowired
	Backups backups;

	@Test
	void takesBackupsOnTheScheduleAndKeepsTheNewestTwo() throws Exception {
		Set<String> seen = new LinkedHashSet<>();
		long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
		List<String> kept = List.of();
		// until a fourth backup has come and the target holds two (between a backup's
		// storing and its pruning it may briefly hold three)
		while (System.nanoTime() < deadline && !(seen.size() >= 4 && kept.size() == 2)) {
			kept = this.backups.list().stream().map(Backup::name).toList();
			assertThat(kept).as("never more than keep + the one being stored").hasSizeLessThanOrEqualTo(3);
			seen.addAll(kept);
			Thread.sleep(100);
		}
		assertThat(seen).as("backups the schedule took").hasSizeGreaterThanOrEqualTo(4);
		List<String> newest = seen.stream().sorted().skip(seen.size() - 2).toList();
		assertThat(kept).as("the newest two are kept, the older ones deleted").containsExactlyElementsOf(newest);
	}

}
