package dev.ragchat.sources;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The catalog port for sync sources and their runs. A source holds its one running sync:
 * {@link #start} takes the source (a compare-and-set, so that one sync runs per source at
 * a time, whichever node asks), {@link #finish} ends the run and lets it go. Running the
 * run, and running it again when its node dies, is JobRunr's ({@code SyncWorkers}). Every
 * adapter passes {@code SourceStoreContractTests}.
 */
public interface SourceStore {

	void insert(Source source);

	Optional<Source> findById(String id);

	/**
	 * @param knowledgeBase a knowledge base
	 * @return its sources, oldest first
	 */
	List<Source> findByKnowledgeBase(String knowledgeBase);

	/**
	 * @return every source, oldest first (for schedules)
	 */
	List<Source> findAll();

	/**
	 * Deletes a source and its runs.
	 * @param id the source
	 * @return whether it existed
	 */
	boolean delete(String id);

	/**
	 * Starts a run unless another run holds the source.
	 * @param run the run, RUNNING
	 * @param lastRunBefore start only if the source's last run started before this (a
	 * schedule's condition), or {@code null} for no condition
	 * @return whether the run was started (and stored)
	 */
	boolean start(SyncRun run, Instant lastRunBefore);

	/**
	 * Writes a running run's progress and report so far (nothing once it ended).
	 * @param run the run
	 */
	void progress(SyncRun run);

	/**
	 * Ends a run (only once: a run that already ended stays as it ended) and releases its
	 * source, if the run still holds it.
	 * @param run the run, ended
	 * @return whether this call ended it
	 */
	boolean finish(SyncRun run);

	Optional<SyncRun> findRun(String runId);

	/**
	 * @param sourceId a source
	 * @param limit at most this many
	 * @return its runs, newest first
	 */
	List<SyncRun> runs(String sourceId, int limit);

	/**
	 * @param sourceId a web source
	 * @return what its last crawl kept for the next one (a JSON text), or {@code null}
	 */
	String crawlState(String sourceId);

	/**
	 * @param sourceId a web source
	 * @param state what its crawl keeps for the next one (a JSON text)
	 */
	void saveCrawlState(String sourceId, String state);

}
