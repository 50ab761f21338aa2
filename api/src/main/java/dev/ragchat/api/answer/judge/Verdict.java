package dev.ragchat.api.answer.judge;

import java.util.List;

import dev.ragchat.retrieval.ScoredChunk;

/**
 * A judge's decision.
 *
 * @param sources the sources an answer may use (widened or narrowed by the judge)
 * @param refusal why the sources do not answer, or {@code null} when they may
 */
public record Verdict(List<ScoredChunk> sources, Refusal refusal) {

	public Verdict {
		sources = List.copyOf(sources);
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
	 * @return whether an answer may be written from the sources
	 */
	public boolean answerable() {
		return this.refusal == null;
	}

}
