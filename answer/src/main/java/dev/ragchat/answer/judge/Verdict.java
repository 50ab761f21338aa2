package dev.ragchat.answer.judge;

import java.util.List;

import dev.ragchat.answer.Clarification;
import dev.ragchat.answer.Refusal;
import dev.ragchat.answer.SearchScope;
import dev.ragchat.retrieval.ScoredChunk;

/**
 * A judge's decision.
 *
 * @param sources the sources an answer may use (widened or narrowed by the judge)
 * @param refusal why the sources do not answer, or {@code null} when they may
 * @param clarification the question to ask back, when the message could mean several
 * things the sources speak of, else {@code null}
 */
public record Verdict(List<ScoredChunk> sources, Refusal refusal, Clarification clarification) {

	public Verdict {
		sources = List.copyOf(sources);
	}

	/**
	 * A decision with no question to ask back.
	 */
	public Verdict(List<ScoredChunk> sources, Refusal refusal) {
		this(sources, refusal, null);
	}

	/**
	 * @param sources the sources read
	 * @param clarification the question to ask back
	 * @return the verdict that the message must be made precise first
	 */
	public static Verdict clarify(List<ScoredChunk> sources, Clarification clarification) {
		return new Verdict(sources, null, clarification);
	}

	/**
	 * @param sources the sources an answer may use
	 * @return the verdict that they may answer
	 */
	public static Verdict answerable(List<ScoredChunk> sources) {
		return new Verdict(sources, null);
	}

	/**
	 * @param sources the sources read
	 * @param reason the reason code ({@link Refusal})
	 * @param detail what the judge saw
	 * @return the verdict that they do not answer
	 */
	public static Verdict refused(List<ScoredChunk> sources, String reason, String detail) {
		return new Verdict(sources, new Refusal(reason, detail));
	}

	/**
	 * The verdict with its sources inside a scope: the search stays inside it, and so
	 * does what a judge adds (a source the ground step looks up for a name the question
	 * asks about, from the whole knowledge base, is left out when the scope names
	 * documents). A verdict left with no source refuses; a question asked back keeps its
	 * sources as they are numbered (they are the search's, all inside).
	 * @param scope the conversation's scope
	 * @return the verdict inside it
	 */
	public Verdict inside(SearchScope scope) {
		if (scope.whole() || !answerable()) {
			return this;
		}
		List<ScoredChunk> inside = this.sources.stream().filter((source) -> scope.holds(source.chunk())).toList();
		if (inside.size() == this.sources.size()) {
			return this;
		}
		return inside.isEmpty()
				? refused(this.sources, Refusal.NO_SOURCES, "no source lies inside the conversation's scope")
				: answerable(inside);
	}

	/**
	 * @return whether an answer may be written from the sources
	 */
	public boolean answerable() {
		return this.refusal == null && this.clarification == null;
	}

}
