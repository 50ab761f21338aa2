package dev.ragchat.sources;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.JobDetails;
import org.jobrunr.jobs.states.EnqueuedState;
import org.jobrunr.jobs.states.ProcessingState;

/**
 * What a node that died in the middle of a sync run leaves in JobRunr's store: the run's
 * job PROCESSING on a job server that stopped telling the store it lives.
 */
final class DeadNode {

	private DeadNode() {
	}

	/**
	 * @param sourceId the source
	 * @param runId the run, RUNNING in the source store
	 * @param died when the node last updated the job
	 * @param retries how often JobRunr may run the job again
	 * @return the job, to save in JobRunr's store
	 */
	static Job job(String sourceId, String runId, Instant died, int retries) {
		Job job = new Job(SyncWorkers.jobId(runId), 0, new JobDetails(new SyncWorkers.RunJob(sourceId, runId)),
				List.of(new EnqueuedState(died.minusSeconds(30)),
						new ProcessingState(UUID.randomUUID(), "died", died.minusSeconds(30), died)),
				new ConcurrentHashMap<>());
		job.setAmountOfRetries(retries);
		return job;
	}

}
