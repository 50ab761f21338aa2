package dev.ragchat.api.evaluation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where runs and their questions' results are kept. The changes of status are
 * conditional, so that a cancel and the run's own end cannot overwrite each other. Which
 * process runs a run, and whether it still lives, is JobRunr's to know ({@link Worker}).
 */
public interface EvaluationStore {

	/**
	 * Keeps a new run (QUEUED).
	 * @param evaluation the run
	 */
	void create(Evaluation evaluation);

	/**
	 * @param id a run
	 * @return it, if kept
	 */
	Optional<Evaluation> find(String id);

	/**
	 * @param knowledgeBase a knowledge base
	 * @param offset how many of the newest to skip
	 * @param limit how many at most
	 * @return its runs, newest first
	 */
	List<Evaluation> page(String knowledgeBase, int offset, int limit);

	/**
	 * @param knowledgeBase a knowledge base
	 * @return how many runs it has
	 */
	long count(String knowledgeBase);

	/**
	 * @return how many runs are queued or running, in every knowledge base
	 */
	long countUnfinished();

	/**
	 * QUEUED becomes RUNNING; a RUNNING run, whose process stopped, is resumed (it keeps
	 * when it started first).
	 * @param id the run
	 * @param now when
	 * @return whether it runs (not when it was cancelled or ended meanwhile)
	 */
	boolean start(String id, Instant now);

	/**
	 * Keeps a question's result and counts it done, while the run is RUNNING.
	 * @param id the run
	 * @param result the result
	 * @return whether the run was still RUNNING (otherwise nothing is kept)
	 */
	boolean record(String id, QuestionResult result);

	/**
	 * Ends a run that is QUEUED or RUNNING.
	 * @param id the run
	 * @param status the end: DONE, CANCELLED or FAILED
	 * @param totals its figures, or {@code null} to keep none
	 * @param error why it failed, or {@code null}
	 * @param now when
	 * @return whether it did (not when it had ended already)
	 */
	boolean finish(String id, Evaluation.Status status, Map<String, Metric> totals, String error, Instant now);

	/**
	 * Sets the figures of a run that has ended (a cancelled one's, over the questions it
	 * answered).
	 * @param id the run
	 * @param totals its figures
	 */
	void totals(String id, Map<String, Metric> totals);

	/**
	 * @param id a run
	 * @param offset how many to skip
	 * @param limit how many at most
	 * @return its questions' results, in the golden set's order
	 */
	List<QuestionResult> questions(String id, int offset, int limit);

}
