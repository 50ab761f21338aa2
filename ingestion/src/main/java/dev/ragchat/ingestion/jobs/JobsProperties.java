package dev.ragchat.ingestion.jobs;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The background job server of this process (JobRunr's; its dashboard is not served).
 *
 * @param workers how many jobs this process runs at once (evaluations, of which it runs
 * one at a time; sync runs, one per source: a run mostly waits for its files and their
 * ingestion; embedding-model changes, one per knowledge base; and the check of the sync
 * schedules, short and one at a time over every node)
 * @param pollInterval how often this process looks for new, scheduled and orphaned jobs
 * and tells the store it lives (at least 5s, JobRunr's least for a database); a job of a
 * process that stopped telling for 4 intervals is taken over and retried
 */
@ConfigurationProperties("ragchat.jobs")
public record JobsProperties(@DefaultValue("8") int workers, @DefaultValue("5s") Duration pollInterval) {

	/** JobRunr's shortest poll interval on a database. */
	static final Duration LEAST_POLL_INTERVAL = Duration.ofSeconds(5);

	public JobsProperties {
		if (workers < 1) {
			throw new IllegalArgumentException("ragchat.jobs.workers must be at least 1");
		}
		if (pollInterval.compareTo(LEAST_POLL_INTERVAL) < 0) {
			throw new IllegalArgumentException("ragchat.jobs.poll-interval must be at least 5s");
		}
	}

}
