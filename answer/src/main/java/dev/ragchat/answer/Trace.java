package dev.ragchat.answer;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Why an answer is what it is: the stages of the answer path as they ran, in order, each
 * with what it took and gave and its time. Asked for per question
 * ({@link AnswerRequest#traced()}); recorded at the engine's steps as they run, never by
 * running anything again. A plain value (Jackson writes and reads it).
 *
 * @param question the question as asked
 * @param stages the stages that ran, in order: {@value #REWRITE}, {@value #SHAPE},
 * {@value #VECTOR} and {@value #KEYWORD} (or one of them), {@value #FUSE},
 * {@value #RERANK}, {@value #JUDGE}, then when the judge let the sources through
 * {@value #WIDEN} (paginated documents, when configured), {@value #GENERATE} and
 * {@value #CITE}
 * @param refusal why the documents do not answer, or {@code null} when the answer is
 * grounded (the answer's own refusal)
 * @param ms the whole path's time in milliseconds
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Trace(String question, List<Stage> stages, Refusal refusal, double ms) {

	/** A follow-up becomes a question that stands on its own. */
	public static final String REWRITE = "rewrite";

	/** Which words of the query matter, its names and periods. */
	public static final String SHAPE = "shape";

	/** The vector ranking (nearest neighbours of the query's embedding). */
	public static final String VECTOR = "vector";

	/** The keyword ranking (BM25 over the weighted words). */
	public static final String KEYWORD = "keyword";

	/** Both rankings fused (hybrid search). */
	public static final String FUSE = "fuse";

	/** The fused candidates as a reranker orders them, the best kept. */
	public static final String RERANK = "rerank";

	/** Do the sources answer? Each judge's decision and its reason. */
	public static final String JUDGE = "judge";

	/** Sources read with the rest of their page (or their document's nearest passage). */
	public static final String WIDEN = "widen";

	/** The answer written from the numbered sources. */
	public static final String GENERATE = "generate";

	/** The answer's markers become citations with quotes verified in their sources. */
	public static final String CITE = "cite";

	public Trace {
		stages = List.copyOf(stages);
	}

	/**
	 * @param name the stage's name
	 * @return the first stage of that name, or {@code null} when it did not run
	 */
	public Stage stage(String name) {
		return this.stages.stream().filter((stage) -> stage.name().equals(name)).findFirst().orElse(null);
	}

	/**
	 * One stage as it ran; only what the stage has is set.
	 *
	 * @param name what ran ({@link Trace#REWRITE} …)
	 * @param ms its time in milliseconds (with the trace's own small cost)
	 * @param took what it read, as text: the question ({@code rewrite}), the text
	 * searched ({@code shape}), or {@code null}
	 * @param gave what it wrote, as text: the standalone question ({@code rewrite}), the
	 * answer ({@code generate}), or {@code null}
	 * @param note how it ran, for people (the fusion's settings, the reranker's least
	 * score, the generator), or {@code null}
	 * @param query the query as shaped ({@code shape})
	 * @param found how many candidates the ranking holds (it lists the first
	 * {@value dev.ragchat.retrieval.SearchTrace#TOP})
	 * @param candidates the ranking's candidates best first, the sources the judge let
	 * through ({@code judge}, {@code widen}), or the numbered sources the answer was
	 * written from ({@code generate})
	 * @param decisions each judge's decision ({@code judge})
	 * @param quotes the quotes chosen ({@code cite})
	 * @param conversation the conversation's state ({@code rewrite})
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Stage(String name, double ms, String took, String gave, String note, Query query, Integer found,
			List<Candidate> candidates, List<Decision> decisions, List<Quote> quotes, Conversation conversation) {

		/**
		 * A stage of no conversation's state.
		 */
		public Stage(String name, double ms, String took, String gave, String note, Query query, Integer found,
				List<Candidate> candidates, List<Decision> decisions, List<Quote> quotes) {
			this(name, ms, took, gave, note, query, found, candidates, decisions, quotes, null);
		}

		/**
		 * @param state the conversation's state the stage read
		 * @return the same stage, with it
		 */
		public Stage with(Conversation state) {
			return new Stage(this.name, this.ms, this.took, this.gave, this.note, this.query, this.found,
					this.candidates, this.decisions, this.quotes, state);
		}

	}

	/**
	 * The state of the conversation the query step read ({@code rewrite}).
	 *
	 * @param focus what the conversation is about, latest mention first
	 * @param own whether the message names its own subject (searched as asked)
	 * @param operator what the message asks for ({@code answer}, {@code summary},
	 * {@code comparison}, {@code why}, {@code list}, {@code quantity}, {@code yes-no},
	 * {@code writing})
	 * @param periods the years asked, the message's or carried from the question before
	 * @param sides the two earlier questions a comparison compares (empty otherwise)
	 * @param documents the documents the search was narrowed to (empty: the whole scope)
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Conversation(List<Subject> focus, boolean own, String operator, List<String> periods,
			List<String> sides, List<String> documents) {

	}

	/**
	 * A subject of the conversation.
	 *
	 * @param label how it is named
	 * @param documentIds its documents (empty: a name no document is about)
	 * @param from who put it in focus: {@code user}, {@code assistant} (named in an
	 * answer), {@code cited} (an answer's citations or quotes)
	 */
	public record Subject(String label, List<String> documentIds, String from) {

	}

	/**
	 * A query shaped for search.
	 *
	 * @param text the text the vector side embeds
	 * @param keywords the words the keyword side looks for, weighted
	 * @param names the words that name something
	 * @param periods the years it names
	 */
	public record Query(String text, List<Keyword> keywords, List<String> names, List<String> periods) {

	}

	/**
	 * A word of the keyword query.
	 *
	 * @param word the word (a period as its year)
	 * @param weight how much it weighs (1 for an ordinary word)
	 * @param period whether it is a period the question names
	 */
	public record Keyword(String word, double weight, boolean period) {

	}

	/**
	 * A chunk in a ranking, named so that a reader can open its page.
	 *
	 * @param rank its place, from 1 (a source's number for {@code generate})
	 * @param score its score in this ranking (comparable only within it)
	 * @param documentId the document
	 * @param filename its file name
	 * @param page the page the chunk starts on (1 for formats without pages)
	 * @param chunkId the chunk
	 * @param snippet its text, cut at {@value #SNIPPET} characters
	 */
	public record Candidate(int rank, double score, String documentId, String filename, int page, String chunkId,
			String snippet) {

		/** The longest snippet a candidate keeps. */
		public static final int SNIPPET = 200;

	}

	/**
	 * A judge's decision.
	 *
	 * @param judge which judge: {@code search} (the search's own verdict),
	 * {@code similarity-floor} (before a language model) or {@code names} (the ground
	 * step's rules, before the extract)
	 * @param answerable whether it let the sources through
	 * @param reason the refusal's reason code when it did not, else {@code null}
	 * @param detail what it saw
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Decision(String judge, boolean answerable, String reason, String detail) {

	}

	/**
	 * A quote an answer's citation rests on.
	 *
	 * @param index the marker's number
	 * @param documentId the document
	 * @param filename its file name
	 * @param page the page the quote is on
	 * @param chunkId the chunk
	 * @param quote the sentence, verbatim
	 */
	public record Quote(int index, String documentId, String filename, int page, String chunkId, String quote) {

	}

}
