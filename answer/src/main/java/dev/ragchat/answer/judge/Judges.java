package dev.ragchat.answer.judge;

import dev.ragchat.answer.EngineSettings.NamesRule;

/**
 * The judges every answer passes, in order, chosen in one place: what the search stage
 * found ({@link SourcesJudge}); a thing asked about that no document writes
 * ({@link Unwritten}); then, before a language model, the similarity floor, and before
 * the extract its rules: the readings of an open question, a name several titles share,
 * things named together, a section several documents share, and the names rule.
 */
public final class Judges {

	private Judges() {
	}

	/**
	 * @param floor the judge before a language model (it reads the sources itself)
	 * @param names how many of the question's names the extract's sources must speak of
	 * @return the judges, the first refusal standing
	 */
	public static Judge of(Judge floor, NamesRule names) {
		Judge extract = new Readings().then(new SharedName())
			.then(new NamedTogether())
			.then(new SharedSection())
			.then(new RulesJudge(names));
		return new SourcesJudge().then(new Unwritten())
			.then((judged) -> (judged.modelJudges() ? floor : extract).judge(judged));
	}

}
