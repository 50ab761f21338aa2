package dev.ragchat.api.evaluation;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

import dev.ragchat.answer.Answer;
import dev.ragchat.answer.AnswerEngine;
import dev.ragchat.answer.AnswerGenerator;
import dev.ragchat.answer.AnswerRequest;
import dev.ragchat.answer.Turn;
import dev.ragchat.api.chat.AnswerAdmission;
import dev.ragchat.api.chat.SessionModels;
import dev.ragchat.errors.RagChatException;
import dev.ragchat.retrieval.SearchMode;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.filters.ApplyStateFilter;
import org.jobrunr.jobs.lambdas.JobRequest;
import org.jobrunr.jobs.lambdas.JobRequestHandler;
import org.jobrunr.jobs.states.FailedState;
import org.jobrunr.jobs.states.JobState;
import org.jobrunr.jobs.states.StateName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs evaluations handed over as JobRunr jobs ({@link Run}), one at a time in this
 * process, one question at a time, each only while no live answer is in progress
 * ({@link AnswerAdmission}): an evaluation never competes with users for more than the
 * one question it has begun. A run that waits for another is QUEUED.
 * <p>
 * JobRunr keeps the job in the catalog's store. When the process running it dies, a live
 * one finds the job orphaned and runs it again, which resumes the evaluation after the
 * last question it kept; when the service stops, its runs are interrupted and resumed the
 * same way once it is back. When JobRunr gives up on a job ({@value #RETRIES} retries),
 * the evaluation ends FAILED ({@link #onStateApplied}).
 */
public final class Worker implements JobRequestHandler<Worker.Run>, ApplyStateFilter {

	private static final Logger logger = LoggerFactory.getLogger(Worker.class);

	/** How often a waiting run looks whether live answers have ended. */
	private static final Duration IDLE_POLL = Duration.ofMillis(20);

	/** How often JobRunr runs again an evaluation whose process died or failed it. */
	static final int RETRIES = 3;

	static final String STOPPED = "The service stopped before the run ended; start it again";

	private final AnswerEngine engine;

	private final AnswerAdmission admission;

	private final EvaluationStore store;

	private final Clock clock;

	/** Resolves a run's chat config into the model that answers it. */
	private final SessionModels models;

	/**
	 * One run at a time in this process, the others waiting in turn, as the single thread
	 * JobRunr replaced: JobRunr's open-source edition has no limit per kind of job (its
	 * workers are shared with other jobs), so this one is kept by hand.
	 */
	private final Lock turn = new ReentrantLock(true);

	private final Set<String> cancelled = ConcurrentHashMap.newKeySet();

	Worker(AnswerEngine engine, AnswerAdmission admission, EvaluationStore store, Clock clock, SessionModels models) {
		this.engine = engine;
		this.models = models;
		this.admission = admission;
		this.store = store;
		this.clock = clock;
	}

	/**
	 * @param evaluation an evaluation's id
	 * @return the id of its job
	 */
	static UUID jobId(String evaluation) {
		return UUID.nameUUIDFromBytes(evaluation.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Stops a run of this process after the question it is on, which is not kept (a run
	 * of another process stops when it would keep its question).
	 * @param id the run (its record is CANCELLED in the store already)
	 */
	void cancel(String id) {
		this.cancelled.add(id);
	}

	/**
	 * Runs an evaluation, or resumes it after the questions it kept.
	 * @param run the evaluation
	 * @throws InterruptedException when the service stops meanwhile (JobRunr runs it
	 * again later; it stays RUNNING)
	 */
	@Override
	public void run(Run run) throws InterruptedException {
		// JobRunr's workers are virtual threads, which take no priority: live answers
		// come
		// first through the admission alone
		this.turn.lockInterruptibly();
		try {
			evaluate(run);
		}
		finally {
			this.turn.unlock();
			this.cancelled.remove(run.id());
		}
	}

	private void evaluate(Run job) throws InterruptedException {
		if (!this.store.start(job.id(), this.clock.instant())) {
			// cancelled or ended meanwhile
			return;
		}
		List<QuestionResult> results = new ArrayList<>();
		try {
			List<GoldenSet.Question> questions = GoldenSet.parse(job.goldenSet(), Integer.MAX_VALUE, Integer.MAX_VALUE)
				.questions();
			// what a process that stopped had answered already
			results.addAll(this.store.questions(job.id(), 0, questions.size()));
			Set<Integer> answered = results.stream().map(QuestionResult::seq).collect(Collectors.toSet());
			for (int seq = 0; seq < questions.size(); seq++) {
				if (answered.contains(seq)) {
					continue;
				}
				if (!awaitTurn(job.id())) {
					stopped(job, results);
					return;
				}
				GoldenSet.Question question = questions.get(seq);
				long started = System.nanoTime();
				// traced: each question's result opens its trace, as "Why this answer?"
				// does
				Answer answer = this.engine.answer(new AnswerRequest(job.knowledgeBase(), question.question(),
						history(question, job.historyTurns()), List.of(), null,
						job.settings(this.models.answering(job.configId())), null)
					.traced(), (tokens) -> {
					});
				long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
				QuestionResult result = record(job, seq, question, answer, millis);
				if (result == null) {
					stopped(job, results);
					return;
				}
				results.add(result);
			}
			results.sort(Comparator.comparingInt(QuestionResult::seq));
			this.store.finish(job.id(), Evaluation.Status.DONE, Scoring.totals(results), null, this.clock.instant());
		}
		catch (RagChatException ex) {
			interrupted();
			this.store.finish(job.id(), Evaluation.Status.FAILED, totals(results), ex.getMessage(),
					this.clock.instant());
		}
		catch (RuntimeException ex) {
			interrupted();
			logger.warn("Evaluation {} failed", job.id(), ex);
			this.store.finish(job.id(), Evaluation.Status.FAILED, totals(results),
					"A question could not be answered (see the service log); the run stopped", this.clock.instant());
		}
	}

	/**
	 * A question that failed because the service stops is not the run's failure.
	 * @throws InterruptedException when this thread was interrupted
	 */
	private static void interrupted() throws InterruptedException {
		if (Thread.currentThread().isInterrupted()) {
			throw new InterruptedException("The service stops");
		}
	}

	/**
	 * The one place a question's result is made and kept: its scores, and what the answer
	 * said, cited and was built from.
	 * @return the result, or {@code null} when the run was cancelled meanwhile (then
	 * nothing is kept)
	 */
	private QuestionResult record(Run job, int seq, GoldenSet.Question question, Answer answer, long millis) {
		QuestionResult result = Scoring.score(seq, question, answer, found(answer.passages()), millis);
		if (this.cancelled.contains(job.id())) {
			return null;
		}
		return this.store.record(job.id(), result) ? result : null;
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
	 * @return {@code false} when the run was cancelled instead
	 * @throws InterruptedException when the service stops meanwhile
	 */
	private boolean awaitTurn(String id) throws InterruptedException {
		if (this.cancelled.contains(id) || this.store.find(id)
			.map((evaluation) -> evaluation.status() != Evaluation.Status.RUNNING)
			.orElse(true)) {
			return false;
		}
		while (this.admission.inProgress() > 0) {
			if (this.cancelled.contains(id)) {
				return false;
			}
			Thread.sleep(IDLE_POLL);
		}
		return true;
	}

	/** A run that stopped before its end: the figures of the questions it answered. */
	private void stopped(Run job, List<QuestionResult> results) {
		if (!results.isEmpty()) {
			this.store.totals(job.id(), Scoring.totals(results));
		}
	}

	private static Map<String, Metric> totals(List<QuestionResult> results) {
		return results.isEmpty() ? null : Scoring.totals(results);
	}

	/**
	 * Ends FAILED the evaluation of a job JobRunr gave up on: its process died or it
	 * failed on every try. Only the figures of the questions it kept are kept.
	 */
	@Override
	public void onStateApplied(Job job, JobState oldState, JobState newState) {
		if (job.getState() != StateName.FAILED || !(newState instanceof FailedState)) {
			return;
		}
		for (Object parameter : job.getJobDetails().getJobParameterValues()) {
			if (parameter instanceof Run run) {
				Evaluation evaluation = this.store.find(run.id()).orElse(null);
				if (evaluation != null && !evaluation.status().ended()) {
					this.store.finish(run.id(), Evaluation.Status.FAILED,
							totals(this.store.questions(run.id(), 0, evaluation.total())), STOPPED,
							this.clock.instant());
					logger.info("Evaluation {} ended FAILED: {}", run.id(), ((FailedState) newState).getMessage());
				}
			}
		}
	}

	/**
	 * A run to do, as JobRunr keeps it (its JSON, with this class's name): what the
	 * evaluation asks and how, resolved when it was started.
	 *
	 * @param id the evaluation
	 * @param knowledgeBase what it asks
	 * @param goldenSet the golden set as sent (JSON lines, checked), read again by the
	 * run
	 * @param topK chunks per answer
	 * @param systemPrompt the chat config's prompt, or {@code null}
	 * @param model the chat config's model, or {@code null}
	 * @param temperature the chat config's temperature, or {@code null}
	 * @param configId the chat config, or {@code null}
	 * @param mode the search mode ({@code hybrid}, {@code vector} or {@code keyword})
	 * @param rerank whether a hybrid search is reranked
	 * @param historyTurns how many of a question's latest history turns the engine reads
	 */
	public record Run(String id, String knowledgeBase, String goldenSet, int topK, String systemPrompt, String model,
			Double temperature, String configId, String mode, boolean rerank, int historyTurns) implements JobRequest {

		@Override
		public Class<Worker> getJobRequestHandler() {
			return Worker.class;
		}

		AnswerRequest.Settings settings(AnswerGenerator generator) {
			return new AnswerRequest.Settings(this.topK, this.systemPrompt, this.model, this.temperature, generator,
					SearchMode.of(this.mode), this.rerank);
		}

	}

}
