package dev.ragchat.api.answer.judge;

import java.util.List;

import dev.ragchat.api.answer.ground.Grounding;
import dev.ragchat.api.answer.ground.GroundingQuestion;
import dev.ragchat.retrieval.ScoredChunk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The extract's judge: the rules of the ground step ({@link Grounding}). The sources must
 * speak of what the question names (a name they do not speak of first brings chunks of
 * the documents about it), and an answer quotes those about it. A language model is never
 * judged by these rules: it reads the sources itself.
 */
public final class RulesJudge implements Judge {

	private static final Logger logger = LoggerFactory.getLogger(RulesJudge.class);

	private final Grounding grounding;

	private final int perName;

	/**
	 * @param grounding the ground step
	 * @param perName how many chunks a name the sources do not speak of adds at most
	 */
	public RulesJudge(Grounding grounding, int perName) {
		this.grounding = grounding;
		this.perName = perName;
	}

	/** Its name in an answer's trace. */
	static final String NAME = "names";

	@Override
	public Verdict judge(Judged judged) {
		GroundingQuestion question = new GroundingQuestion(judged.knowledgeBase(), judged.query(), judged.sources());
		if (judged.media()) {
			// the model reads the media with the sources: no name is checked
			Verdict verdict = Verdict.answerable(this.grounding.about(question));
			judged.decisions().decided(NAME, verdict, "images or audio came with the question: no name is checked");
			return verdict;
		}
		Grounding.Grounded ground = this.grounding.ground(question, judged.filter(), this.perName);
		if (logger.isDebugEnabled()) {
			// with the step off (question-terms: false) what it would find is logged, for
			// benchmarks/eval/grounding.py
			logger.debug("Ground step: names {}, periods {}, unsupported {}", judged.query().names(),
					judged.query().periods(),
					this.grounding.enabled() ? ground.unsupported() : this.grounding.unsupported(question));
		}
		if (!ground.supported()) {
			Verdict verdict = Verdict.refused(ground.question().sources(), Refusal.NAMES_NOT_IN_SOURCES,
					"the sources do not speak of " + String.join(", ", ground.unsupported()));
			judged.decisions().decided(NAME, verdict, verdict.refusal().detail());
			return verdict;
		}
		List<ScoredChunk> about = this.grounding.about(ground.question());
		Verdict verdict = Verdict.answerable(about);
		if (judged.decisions().on()) {
			judged.decisions().decided(NAME, verdict, why(judged, ground, about));
		}
		return verdict;
	}

	/**
	 * What the rules saw when the sources answer, for an answer's trace.
	 */
	private String why(Judged judged, Grounding.Grounded ground, List<ScoredChunk> about) {
		List<String> names = judged.query().names();
		String checked;
		if (!this.grounding.enabled()) {
			checked = "names not checked (question-terms off)";
		}
		else if (names.isEmpty() && judged.query().periods().isEmpty()) {
			checked = "the question names nothing to check";
		}
		else {
			checked = "the sources speak of what the question names" + (ground.unsupported().isEmpty() ? ""
					: " (not of " + String.join(", ", ground.unsupported()) + ", which the names rule allows)");
		}
		return checked + "; " + about.size() + " of " + ground.question().sources().size()
				+ " sources are about what it asks";
	}

}
