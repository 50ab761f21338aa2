package dev.ragchat.answer;

import java.util.Set;

import org.springframework.util.Assert;

/**
 * Why an answer says the documents do not answer the question.
 *
 * @param reason one of the reason codes below
 * @param detail what the stage that refused saw, for people
 */
public record Refusal(String reason, String detail) {

	/**
	 * Search found nothing in the knowledge base (or in what the filter lets through).
	 */
	public static final String NO_SOURCES = "no-sources";

	/** The reranker scored every chunk search found below its least score. */
	public static final String BELOW_RERANK_SCORE = "below-rerank-score";

	/** No sentence of the sources is near enough the question. */
	public static final String BELOW_SIMILARITY = "below-similarity";

	/** The question names what the sources and their documents do not speak of. */
	public static final String NAMES_NOT_IN_SOURCES = "names-not-in-sources";

	/** The language model read the sources and said they do not answer. */
	public static final String MODEL_SAID_NOT_FOUND = "model-said-not-found";

	/**
	 * The message asks for writing (an e-mail, a translation) that the extract cannot do:
	 * the passages that speak of it are quoted, not an answer.
	 */
	public static final String NEEDS_MODEL = "needs-model";

	/**
	 * The question asks of a year (or years) no passage the answer could quote is of: the
	 * answer says which years the sources give.
	 */
	public static final String OTHER_PERIOD = "other-period";

	/**
	 * The question asks of a version (of software, firmware, an app) no passage the
	 * answer could quote is of: the answer says which versions the sources give.
	 */
	public static final String OTHER_VERSION = "other-version";

	/**
	 * The question asks how many or how much, and no passage near it gives a figure.
	 */
	public static final String NO_FIGURE = "no-figure";

	/**
	 * The question asks why, and the passages near it give no reason: only what the
	 * answer before already said.
	 */
	public static final String NO_REASON = "no-reason";

	/**
	 * The question asks who did something, and no passage near it names who: none writes
	 * the doer after "by" or a name before the verb.
	 */
	public static final String NO_AGENT = "no-agent";

	/** The refusals whose answer says what the passages do give. */
	private static final Set<String> SAYS_WHAT_IS_GIVEN = Set.of(OTHER_PERIOD, OTHER_VERSION, NO_FIGURE, NO_REASON,
			NO_AGENT);

	/** The answer cites nothing its sources verify. */
	public static final String NOT_VERIFIED = "citations-not-verified";

	public Refusal {
		Assert.hasText(reason, "reason must not be empty");
	}

	/**
	 * @param reason a refusal's reason, or {@code null}
	 * @return whether its answer says what the passages do give (the years, no figure)
	 */
	public static boolean saysWhatIsGiven(String reason) {
		return reason != null && SAYS_WHAT_IS_GIVEN.contains(reason);
	}

}
