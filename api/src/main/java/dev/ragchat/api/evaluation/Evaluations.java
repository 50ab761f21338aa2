package dev.ragchat.api.evaluation;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import dev.ragchat.api.access.Caller;
import dev.ragchat.api.chat.ChatProperties;
import dev.ragchat.api.chat.ChatSession;
import dev.ragchat.api.chat.ChatSessions;
import dev.ragchat.api.chat.SessionSettings;
import dev.ragchat.api.chat.SessionStart;
import dev.ragchat.errors.BusyException;
import dev.ragchat.errors.ConflictException;
import dev.ragchat.errors.NotFoundException;
import dev.ragchat.errors.RejectedInputException;
import dev.ragchat.retrieval.SearchMode;
import org.jobrunr.scheduling.JobBuilder;
import org.jobrunr.scheduling.JobRequestScheduler;

/**
 * Starts, lists, cancels and compares the evaluations of a knowledge base. The caller's
 * permission on the knowledge base is checked at the edge; a run's settings are resolved
 * as a chat session's would be (its chat config's prompt, model and top k unless the run
 * says otherwise).
 */
public final class Evaluations {

	/** The most a topK may be (as for chat sessions). */
	static final int MAX_TOP_K = 50;

	/** The longest name. */
	static final int MAX_NAME = 200;

	private final EvaluationStore store;

	private final Worker worker;

	private final JobRequestScheduler jobs;

	private final ChatSessions sessions;

	private final EvaluationProperties properties;

	private final ChatProperties chat;

	private final Clock clock;

	/** Whether a reranker is configured: without one, no run is reranked. */
	private final boolean reranker;

	Evaluations(EvaluationStore store, Worker worker, JobRequestScheduler jobs, ChatSessions sessions,
			EvaluationProperties properties, ChatProperties chat, Clock clock, boolean reranker) {
		this.store = store;
		this.worker = worker;
		this.jobs = jobs;
		this.sessions = sessions;
		this.properties = properties;
		this.chat = chat;
		this.clock = clock;
		this.reranker = reranker;
	}

	/**
	 * Starts a run in the background.
	 * @param caller who starts it (a key that may chat in the knowledge base)
	 * @param knowledgeBase the knowledge base to ask
	 * @param request the run's settings
	 * @param goldenSet the golden set, JSON lines ({@link GoldenSet})
	 * @return the run, QUEUED
	 */
	public Evaluation start(Caller caller, String knowledgeBase, Request request, String goldenSet) {
		if (request.topK() != null && (request.topK() < 1 || request.topK() > MAX_TOP_K)) {
			throw new RejectedInputException("topK must be between 1 and " + MAX_TOP_K);
		}
		if (request.name() != null && request.name().length() > MAX_NAME) {
			throw new RejectedInputException("name must hold at most " + MAX_NAME + " characters");
		}
		RunSettings checked = new RunSettings(request.mode(), 1, true, null);
		GoldenSet golden = GoldenSet.parse(goldenSet, this.properties.maxQuestions(), this.chat.maxMessageLength());
		// the chat config's settings, as a session started from it would have them
		ChatSession session = this.sessions.resolve(caller, new SessionStart(knowledgeBase, blank(request.configId()),
				new SessionSettings(null, null, null, request.topK())));
		int topK = (session.topK() != null) ? session.topK() : this.chat.topK();
		// reranked as the search reranks: hybrid search, with a reranker configured
		boolean rerank = this.reranker && checked.searchMode() == SearchMode.HYBRID
				&& ((request.rerank() != null) ? request.rerank() : true);
		RunSettings settings = new RunSettings(checked.mode(), topK, rerank, session.configId());
		Evaluation evaluation = new Evaluation("eval_" + UUID.randomUUID().toString().replace("-", ""), knowledgeBase,
				caller.keyId(), blank(request.name()), Evaluation.Status.QUEUED, settings, golden.questions().size(), 0,
				null, null, this.clock.instant(), null, null);
		synchronized (this) {
			if (this.store.countUnfinished() >= this.properties.maxRuns()) {
				throw new BusyException(this.properties.maxRuns() + " evaluations are queued or running, the most at"
						+ " once (RAGCHAT_EVALUATION_MAX_RUNS); start this one when one of them ends", 30);
			}
			this.store.create(evaluation);
		}
		Worker.Run run = new Worker.Run(evaluation.id(), knowledgeBase, goldenSet, topK, session.systemPrompt(),
				session.model(), session.temperature(), session.configId(), settings.mode(), rerank,
				this.chat.historyTurns());
		try {
			this.jobs.create(JobBuilder.aJob()
				.withId(Worker.jobId(evaluation.id()))
				.withName("Evaluation " + evaluation.id())
				.withAmountOfRetries(Worker.RETRIES)
				.withJobRequest(run));
		}
		catch (RuntimeException ex) {
			this.store.finish(evaluation.id(), Evaluation.Status.FAILED, null,
					"The run could not be queued (see the service log)", this.clock.instant());
			throw ex;
		}
		return evaluation;
	}

	/**
	 * @param knowledgeBase the knowledge base
	 * @param id a run of it
	 * @return the run
	 * @throws NotFoundException when the knowledge base has no such run
	 */
	public Evaluation get(String knowledgeBase, String id) {
		return this.store.find(id)
			.filter((evaluation) -> evaluation.knowledgeBase().equals(knowledgeBase))
			.orElseThrow(() -> new NotFoundException("No evaluation '" + id + "'"));
	}

	/**
	 * @param knowledgeBase the knowledge base
	 * @param offset how many of the newest to skip
	 * @param limit how many at most
	 * @return its runs, newest first, and how many it has
	 */
	public Listed list(String knowledgeBase, int offset, int limit) {
		return new Listed(this.store.page(knowledgeBase, offset, limit), this.store.count(knowledgeBase));
	}

	/**
	 * @param knowledgeBase the knowledge base
	 * @param id a run of it
	 * @param offset how many to skip
	 * @param limit how many at most
	 * @return the results of its questions answered so far, in the golden set's order
	 */
	public List<QuestionResult> questions(String knowledgeBase, String id, int offset, int limit) {
		get(knowledgeBase, id);
		return this.store.questions(id, offset, limit);
	}

	/**
	 * Cancels a queued or running run: it asks no more questions (the one in progress is
	 * not kept). Cancelling a cancelled run changes nothing.
	 * @param knowledgeBase the knowledge base
	 * @param id a run of it
	 * @return the run, CANCELLED
	 * @throws ConflictException when it had ended otherwise (DONE or FAILED)
	 */
	public Evaluation cancel(String knowledgeBase, String id) {
		Evaluation evaluation = get(knowledgeBase, id);
		if (!evaluation.status().ended()) {
			this.store.finish(id, Evaluation.Status.CANCELLED, null, null, this.clock.instant());
			this.worker.cancel(id);
			evaluation = get(knowledgeBase, id);
		}
		if (evaluation.status() != Evaluation.Status.CANCELLED) {
			throw new ConflictException("Evaluation '" + id + "' has ended (" + evaluation.status() + ")");
		}
		return evaluation;
	}

	/**
	 * @param knowledgeBase the knowledge base
	 * @param a the baseline run
	 * @param b the run set against it
	 * @return both side by side
	 * @throws ConflictException when either has no figures yet
	 */
	public Comparison compare(String knowledgeBase, String a, String b) {
		if (a == null || a.isBlank() || b == null || b.isBlank()) {
			throw new RejectedInputException("Name two evaluations: ?a=<id>&b=<id>");
		}
		Evaluation first = get(knowledgeBase, a);
		Evaluation second = get(knowledgeBase, b);
		for (Evaluation evaluation : List.of(first, second)) {
			if (evaluation.totals().isEmpty()) {
				throw new ConflictException("Evaluation '" + evaluation.id() + "' has no figures yet ("
						+ evaluation.status() + ", " + evaluation.done() + " of " + evaluation.total() + " questions)");
			}
		}
		return Comparison.of(first, second);
	}

	private static String blank(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/**
	 * What a run is started with; {@code null} fields take the defaults.
	 *
	 * @param name a label
	 * @param mode hybrid (default), vector or keyword
	 * @param topK chunks per answer (default: the chat config's, else
	 * {@code ragchat.chat.top-k})
	 * @param rerank whether hybrid search is reranked when a reranker is configured
	 * (default true)
	 * @param configId the chat config to answer as
	 */
	public record Request(String name, String mode, Integer topK, Boolean rerank, String configId) {

	}

	/**
	 * A page of runs.
	 *
	 * @param evaluations the runs, newest first
	 * @param total how many the knowledge base has
	 */
	public record Listed(List<Evaluation> evaluations, long total) {

	}

}
