package dev.ragchat.answer.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.ragchat.answer.Answer;
import dev.ragchat.answer.AnswerRequest;
import dev.ragchat.answer.Citation;
import dev.ragchat.answer.Refusal;
import dev.ragchat.answer.Trace;
import dev.ragchat.answer.judge.Judge;
import dev.ragchat.answer.judge.Verdict;
import dev.ragchat.answer.query.ConversationState;
import dev.ragchat.retrieval.ScoredChunk;
import dev.ragchat.retrieval.SearchTrace;
import dev.ragchat.retrieval.query.ShapedQuery;

/**
 * Records an answer's {@link Trace} at the engine's steps as they run: each call closes a
 * stage, whose time is the time since the previous one closed. {@link #OFF} (the answer
 * did not ask) records nothing: every call returns at once, no clock is read and nothing
 * is allocated, so an untraced answer pays nothing for the trace (one recorder class, so
 * the calls stay monomorphic; benchmarks/answer-trace measures it).
 */
final class Tracing implements SearchTrace, Judge.Decisions {

	/** Records nothing. */
	static final Tracing OFF = new Tracing(null);

	private final String question;

	private final List<Trace.Stage> stages;

	private final List<Trace.Decision> decisions;

	private final long started;

	private long last;

	private Tracing(String question) {
		this.question = question;
		this.stages = (question != null) ? new ArrayList<>() : null;
		this.decisions = (question != null) ? new ArrayList<>() : null;
		this.started = (question != null) ? System.nanoTime() : 0;
		this.last = this.started;
	}

	/**
	 * @param request the question
	 * @return a recorder when it asks for its trace, else {@link #OFF}
	 */
	static Tracing of(AnswerRequest request) {
		return request.trace() ? new Tracing(request.question()) : OFF;
	}

	@Override
	public boolean on() {
		return this.stages != null;
	}

	/**
	 * @param question the question as asked
	 * @param standalone what the rewrite made of it
	 * @param why why
	 */
	void rewritten(String question, String standalone, String why, ConversationState state, List<String> documents) {
		if (on()) {
			add(Trace.REWRITE, question, standalone, why, null, null, null);
			if (state != null) {
				Trace.Stage rewrite = this.stages.remove(this.stages.size() - 1);
				this.stages.add(rewrite.with(conversation(state, documents)));
			}
		}
	}

	@Override
	public void shaped(ShapedQuery query) {
		if (on()) {
			add(Trace.SHAPE, null, null, null,
					new Trace.Query(query.text(),
							query.keywords()
								.stream()
								.map((term) -> new Trace.Keyword(term.word(), term.weight(), term.period()))
								.toList(),
							query.names(), query.periods()),
					null, null);
		}
	}

	@Override
	public void ranked(Ranking ranking, List<ScoredChunk> ranked, int found, String note) {
		if (on()) {
			String name = switch (ranking) {
				case VECTOR -> Trace.VECTOR;
				case KEYWORD -> Trace.KEYWORD;
				case FUSED -> Trace.FUSE;
				case RERANKED -> Trace.RERANK;
			};
			add(name, null, null, note, null, found, candidates(ranked));
		}
	}

	@Override
	public void decided(String judge, Verdict verdict, String why) {
		if (on()) {
			this.decisions.add(new Trace.Decision(judge, verdict.answerable(), (verdict.refusal() != null)
					? verdict.refusal().reason() : (verdict.clarification() != null) ? Answer.CLARIFY : null, why));
		}
	}

	/**
	 * @param verdict the judges' decision, with the sources an answer may use
	 */
	void judged(Verdict verdict) {
		if (on()) {
			this.stages.add(new Trace.Stage(Trace.JUDGE, lap(), null, null, null, null, verdict.sources().size(),
					candidates(verdict.sources()), List.copyOf(this.decisions), null));
		}
	}

	/**
	 * @param sources the sources read with the rest of their page
	 * @param how how they were widened
	 */
	void widened(List<ScoredChunk> sources, String how) {
		if (on()) {
			add(Trace.WIDEN, null, null, how, null, sources.size(), candidates(sources));
		}
	}

	/**
	 * @param modelWrote whether a language model wrote it (else the extract)
	 * @param sources the numbered sources it was written from
	 * @param text what it wrote, with its markers
	 * @param grounded whether it says the sources answer
	 */
	void generated(boolean modelWrote, List<ScoredChunk> sources, String text, boolean grounded) {
		if (on()) {
			add(Trace.GENERATE, null, text,
					(modelWrote ? "a language model" : "the extract (sentences of the sources nearest the question)")
							+ (grounded ? " answered from the sources" : " found no answer in the sources"),
					null, sources.size(), candidates(sources));
		}
	}

	/**
	 * @param cited the citations verified, with their quotes
	 */
	void cited(List<Citation> cited) {
		if (on()) {
			this.stages.add(
					new Trace.Stage(Trace.CITE, lap(), null, null,
							cited.isEmpty() ? "no marker of the answer verified against its source"
									: cited.size() + " citations verified against their sources",
							null, null, null, null,
							cited.stream()
								.map((citation) -> new Trace.Quote(citation.index(), citation.documentId(),
										citation.filename(), citation.page(), citation.chunkId(), citation.quote()))
								.toList()));
		}
	}

	/**
	 * @param refusal why the documents do not answer, or {@code null}
	 * @return the trace, or {@code null} when none was asked for
	 */
	Trace trace(Refusal refusal) {
		if (!on()) {
			return null;
		}
		return new Trace(this.question, this.stages, refusal, millis(System.nanoTime() - this.started));
	}

	private void add(String name, String took, String gave, String note, Trace.Query query, Integer found,
			List<Trace.Candidate> candidates) {
		this.stages.add(new Trace.Stage(name, lap(), took, gave, note, query, found, candidates, null, null));
	}

	/** The time since the previous stage closed, which closes this one. */
	private double lap() {
		long now = System.nanoTime();
		double ms = millis(now - this.last);
		this.last = now;
		return ms;
	}

	private static double millis(long nanos) {
		return Math.round(nanos / 10_000.0) / 100.0;
	}

	private static List<Trace.Candidate> candidates(List<ScoredChunk> ranked) {
		List<Trace.Candidate> candidates = new ArrayList<>(Math.min(TOP, ranked.size()));
		for (int i = 0; i < ranked.size() && i < TOP; i++) {
			ScoredChunk found = ranked.get(i);
			String text = found.chunk().text();
			candidates
				.add(new Trace.Candidate(i + 1, found.score(), found.chunk().documentId(), found.chunk().filename(),
						found.chunk().page(), found.chunk().id(), (text.length() > Trace.Candidate.SNIPPET)
								? text.substring(0, Trace.Candidate.SNIPPET) + "…" : text));
		}
		return candidates;
	}

	/**
	 * @param state the state of the conversation the query step read
	 * @param documents the documents its subject in focus names
	 * @return it as the trace shows it
	 */
	private static Trace.Conversation conversation(ConversationState state, List<String> documents) {
		return new Trace.Conversation(
				state.focus()
					.stream()
					.map((subject) -> new Trace.Subject(subject.label(), subject.documentIds(), subject.from()))
					.toList(),
				state.own(), state.operator().name().toLowerCase(Locale.ROOT).replace('_', '-'), state.periods(),
				state.sides(), documents);
	}

}
