package dev.ragchat.api.evaluation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.JobDetails;
import org.jobrunr.jobs.states.EnqueuedState;
import org.jobrunr.jobs.states.ProcessingState;
import org.jobrunr.storage.StorageProvider;

/**
 * What a service that died in the middle of an evaluation leaves behind: the run RUNNING
 * in the evaluation store with its first question answered, and its JobRunr job
 * PROCESSING on a job server that stopped updating it a minute ago.
 */
public final class DeadProcess {

	/** The answer the dead service kept for the first question. */
	public static final String KEPT_ANSWER = "Kept by the service that died.";

	private DeadProcess() {
	}

	/**
	 * @param store the evaluation store
	 * @param jobs JobRunr's storage
	 * @param knowledgeBase the knowledge base the run asks
	 * @param goldenSet its golden set (JSON lines, at least two questions)
	 * @param retries how often JobRunr may run the job again
	 * @return the run's id
	 */
	public static String leave(EvaluationStore store, StorageProvider jobs, String knowledgeBase, String goldenSet,
			int retries) {
		String id = "eval_" + UUID.randomUUID().toString().replace("-", "");
		Instant died = Instant.now().minusSeconds(60);
		int total = GoldenSet.parse(goldenSet, 1000, 4000).questions().size();
		store.create(new Evaluation(id, knowledgeBase, null, "died", Evaluation.Status.QUEUED,
				new RunSettings("hybrid", 5, true, null), total, 0, null, null, died.minusSeconds(60), null, null));
		store.start(id, died.minusSeconds(30));
		GoldenSet.Question first = GoldenSet.parse(goldenSet, 1000, 4000).questions().get(0);
		store.record(id,
				new QuestionResult(0, first.id(), first.question(), List.of(), first.answerable(), first.documents(),
						first.pages(), null, KEPT_ANSWER, false, null, List.of(), List.of(), 10,
						new QuestionResult.Scores(null, null, false, 0, 0), null));
		Job job = new Job(Worker.jobId(id), 0,
				new JobDetails(
						new Worker.Run(id, knowledgeBase, goldenSet, 5, null, null, null, null, "hybrid", true, 6)),
				List.of(new EnqueuedState(died.minusSeconds(30)),
						new ProcessingState(UUID.randomUUID(), "died", died.minusSeconds(30), died)),
				new ConcurrentHashMap<>());
		job.setAmountOfRetries(retries);
		jobs.save(job);
		return id;
	}

}
