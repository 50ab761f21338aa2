package dev.ragchat.api.evaluation;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.ragchat.answer.Answer;
import dev.ragchat.answer.AnswerEngine;
import dev.ragchat.answer.AnswerRequest;
import dev.ragchat.answer.generate.Turn;
import dev.ragchat.api.chat.AnswerAdmission;
import dev.ragchat.errors.RagChatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs evaluations on one low-priority thread of this process, one question at a time,
 * each only while no live answer is in progress ({@link AnswerAdmission}): an evaluation
 * never competes with users for more than the one question it has begun. A run that waits
 * for another is QUEUED. A scheduled heartbeat tells the store that this process still
 * runs its runs; runs of a process that stopped telling end FAILED.
 */
final class Worker implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(Worker.class);

	/** How often a waiting run looks whether live answers have ended. */
	private static final Duration IDLE_POLL = Duration.ofMillis(20);

	/** How often this process tells the store it still runs its runs. */
	static final Duration HEARTBEAT = Duration.ofSeconds(30);

	/** How long without a heartbeat before an unfinished run is taken to have stopped. */
	static final Duration STALE = Duration.ofMinutes(2);

	static final String STOPPED = "The service stopped before the run ended; start it again";

	private final AnswerEngine engine;

	private final AnswerAdmission admission;

	private final EvaluationStore store;

	private final Clock clock;

	private final String node = "node_" + UUID.randomUUID().toString().replace("-", "");

	private final ExecutorService runs;

	private final ScheduledExecutorService heartbeats;

	private final Set<String> cancelled = ConcurrentHashMap.newKeySet();

	private final Set<String> mine = ConcurrentHashMap.newKeySet();

	Worker(AnswerEngine engine, AnswerAdmission admission, EvaluationStore store, Clock clock) {
		this.engine = engine;
		this.admission = admission;
		this.store = store;
		this.clock = clock;
		this.runs = Executors.newSingleThreadExecutor((task) -> {
			Thread thread = new Thread(task, "ragchat-evaluation");
			thread.setDaemon(true);
			thread.setPriority(Thread.MIN_PRIORITY);
			return thread;
		});
		this.heartbeats = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "ragchat-evaluation-heartbeat");
			thread.setDaemon(true);
			return thread;
		});
		this.heartbeats.scheduleWithFixedDelay(this::beat, 0, HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * @return this process's name in the store
	 */
	String node() {
		return this.node;
	}

	/**
	 * Queues a run (its record is QUEUED in the store).
	 * @param job the run
	 */
	void submit(Job job) {
		this.mine.add(job.id());
		this.runs.execute(() -> run(job));
	}

	/**
	 * Stops a run of this process after the question it is on, which is not kept.
	 * @param id the run (its record is CANCELLED in the store already)
	 */
	void cancel(String id) {
		this.cancelled.add(id);
	}

	private void run(Job job) {
		List<QuestionResult> results = new ArrayList<>();
		try {
			if (!this.store.start(job.id(), this.clock.instant())) {
				return;
			}
			for (int seq = 0; seq < job.questions().size(); seq++) {
				if (!awaitTurn(job.id())) {
					stopped(job, results);
					return;
				}
				GoldenSet.Question question = job.questions().get(seq);
				long started = System.nanoTime();
				// traced: each question's result opens its trace, as "Why this answer?"
				// does
				Answer answer = this.engine.answer(
						new AnswerRequest(job.knowledgeBase(), question.question(),
								history(question, job.historyTurns()), List.of(), null, job.settings(), null)
							.traced(),
						(tokens) -> {
						});
				long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
				QuestionResult result = record(job, seq, question, answer, millis);
				if (result == null) {
					stopped(job, results);
					return;
				}
				results.add(result);
			}
			this.store.finish(job.id(), Evaluation.Status.DONE, Scoring.totals(results), null, this.clock.instant());
		}
		catch (RagChatException ex) {
			this.store.finish(job.id(), Evaluation.Status.FAILED, totals(results), ex.getMessage(),
					this.clock.instant());
		}
		catch (RuntimeException ex) {
			logger.warn("Evaluation {} failed", job.id(), ex);
			this.store.finish(job.id(), Evaluation.Status.FAILED, totals(results),
					"A question could not be answered (see the service log); the run stopped", this.clock.instant());
		}
		finally {
			this.cancelled.remove(job.id());
			this.mine.remove(job.id());
		}
	}

	/**
	 * The one place a question's result is made and kept: its scores, and what the answer
	 * said, cited and was built from.
	 * @return the result, or {@code null} when the run was cancelled meanwhile (then
	 * nothing is kept)
	 */
	private QuestionResult record(Job job, int seq, GoldenSet.Question question, Answer answer, long millis) {
		QuestionResult result = Scoring.score(seq, question, answer, found(answer.passages()), millis);
		if (this.cancelled.contains(job.id())) {
			return null;
		}
		return this.store.record(job.id(), result, this.clock.instant()) ? result : null;
	}

	/**
	 * The question's history as the engine reads it: its latest turns, as many as a chat
	 * reads ({@code ragchat.chat.history-turns}), as {@code /v1/chat/completions} passes
	 * a conversation on.
	 */
	static List<Turn> history(GoldenSet.Question question, int historyTurns) {
		List<GoldenSet.Turn> turns = question.history();
		return turns.subList(Math.max(0, turns.size() - historyTurns), turns.size())
			.stream()
			.map((turn) -> new Turn(turn.role(), turn.content()))
			.toList();
	}

	/**
	 * The found chunks with the pages they span (a page of an expected page may be any of
	 * a chunk's pages).
	 */
	private static List<QuestionResult.Found> found(List<Answer.Passage> passages) {
		return passages.subList(0, Math.min(Scoring.MAX_FOUND, passages.size()))
			.stream()
			.map((passage) -> new QuestionResult.Found(passage.documentId(), passage.filename(), passage.page(),
					passage.pageEnd(), passage.score()))
			.toList();
	}

	/**
	 * Waits until no live answer is in progress.
	 * @return {@code false} when the run was cancelled (or this process stops) instead
	 */
	private boolean awaitTurn(String id) {
		if (this.cancelled.contains(id) || this.store.find(id)
			.map((evaluation) -> evaluation.status() != Evaluation.Status.RUNNING)
			.orElse(true)) {
			return false;
		}
		while (this.admission.inProgress() > 0) {
			if (this.cancelled.contains(id)) {
				return false;
			}
			try {
				Thread.sleep(IDLE_POLL);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return true;
	}

	/** A run that stopped before its end: the figures of the questions it answered. */
	private void stopped(Job job, List<QuestionResult> results) {
		if (!results.isEmpty()) {
			this.store.totals(job.id(), Scoring.totals(results));
		}
	}

	private static Map<String, Metric> totals(List<QuestionResult> results) {
		return results.isEmpty() ? null : Scoring.totals(results);
	}

	private void beat() {
		try {
			this.store.heartbeat(this.node, this.clock.instant());
			int failed = this.store.failStale(this.clock.instant().minus(STALE), STOPPED, this.clock.instant());
			if (failed > 0) {
				logger.info("{} evaluations whose service stopped ended FAILED", failed);
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Evaluation heartbeat failed: {}", ex.getMessage());
		}
	}

	@Override
	public void close() {
		this.heartbeats.shutdownNow();
		this.runs.shutdownNow();
		for (String id : this.mine) {
			this.store.finish(id, Evaluation.Status.FAILED, null, STOPPED, this.clock.instant());
		}
	}

	/**
	 * A run to do.
	 *
	 * @param id the run
	 * @param knowledgeBase what it asks
	 * @param questions the golden set's questions
	 * @param settings the engine's settings for every question
	 * @param historyTurns how many of a question's latest history turns the engine reads
	 */
	record Job(String id, String knowledgeBase, List<GoldenSet.Question> questions, AnswerRequest.Settings settings,
			int historyTurns) {

	}

}
