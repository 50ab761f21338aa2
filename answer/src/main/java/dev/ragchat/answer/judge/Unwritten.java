package dev.ragchat.answer.judge;

import dev.ragchat.answer.Refusal;

/**
 * Refuses a message that asks about a thing no document of the scope writes ("What about
 * a microwave?" of a maker's pages that never write "microwave"), naming it: the
 * knowledge base has nothing on it, and the page of the subject before, or of a thing
 * like it, is no answer. The query step reads what the message asks about; this judge
 * reads no index. It decides before the extract's judges and before a language model,
 * which would otherwise answer from that other page.
 */
public final class Unwritten implements Judge {

	/** Its name in an answer's trace. */
	static final String NAME = "unwritten";

	@Override
	public Verdict judge(Judged judged) {
		// with images or audio the thing may be what they show, which no document need
		// write
		if (judged.unwritten().isEmpty() || judged.media()) {
			return Verdict.answerable(judged.sources());
		}
		Verdict verdict = Verdict.refused(judged.sources(), Refusal.NAMES_NOT_IN_SOURCES,
				"no document speaks of " + String.join(", ", judged.unwritten()));
		judged.decisions().decided(NAME, verdict, verdict.refusal().detail());
		return verdict;
	}

}
