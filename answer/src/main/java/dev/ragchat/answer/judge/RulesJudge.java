package dev.ragchat.answer.judge;

import java.util.List;

import dev.ragchat.answer.EngineSettings.NamesRule;
import dev.ragchat.answer.Refusal;
import dev.ragchat.answer.ground.Grounding;
import dev.ragchat.answer.ground.Grounds;

/**
 * The extract's judge: the rules of the ground step, applied to what the search stage
 * read of the found set ({@link Grounds}): the sources must speak of what the question
 * names, by the names rule, and an answer quotes those about it. It reads nothing more:
 * the look-ups of names the sources lack were the search stage's ({@link Grounding}). A
 * language model is never judged by these rules: it reads the sources itself.
 */
public final class RulesJudge implements Judge {

	private final NamesRule names;

	/**
	 * @param names how many of the question's names must be supported
	 */
	public RulesJudge(NamesRule names) {
		this.names = names;
	}

	/** Its name in an answer's trace. */
	static final String NAME = "names";

	@Override
	public Verdict judge(Judged judged) {
		Grounds grounds = judged.grounds();
		if (judged.media()) {
			// the model reads the media with the sources: no name is checked
			Verdict verdict = Verdict.answerable(grounds.about());
			judged.decisions().decided(NAME, verdict, "images or audio came with the question: no name is checked");
			return verdict;
		}
		if (!this.names.satisfied(judged.query().names(), grounds.unsupported())) {
			Verdict verdict = Verdict.refused(grounds.sources(), Refusal.NAMES_NOT_IN_SOURCES,
					"the sources do not speak of " + String.join(", ", grounds.unsupported()));
			judged.decisions().decided(NAME, verdict, verdict.refusal().detail());
			return verdict;
		}
		Verdict verdict = Verdict.answerable(grounds.about());
		if (judged.decisions().on()) {
			judged.decisions().decided(NAME, verdict, why(judged, grounds));
		}
		return verdict;
	}

	/**
	 * What the rules saw when the sources answer, for an answer's trace.
	 */
	private static String why(Judged judged, Grounds grounds) {
		List<String> names = judged.query().names();
		String checked;
		if (!grounds.checked()) {
			checked = "names not checked (question-terms off)";
		}
		else if (names.isEmpty() && judged.query().periods().isEmpty()) {
			checked = "the question names nothing to check";
		}
		else {
			checked = "the sources speak of what the question names" + (grounds.unsupported().isEmpty() ? ""
					: " (not of " + String.join(", ", grounds.unsupported()) + ", which the names rule allows)");
		}
		return checked + "; " + grounds.about().size() + " of " + grounds.sources().size()
				+ " sources are about what it asks";
	}

}
