package dev.ragchat.api.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import dev.ragchat.api.access.Caller;
import dev.ragchat.api.chat.answer.AnswerGenerator;
import dev.ragchat.api.chat.answer.CitationMarkers;
import dev.ragchat.api.chat.answer.QueryRewriter;
import dev.ragchat.api.chat.answer.Question;
import dev.ragchat.api.chat.answer.Turn;
import dev.ragchat.api.chat.ground.Grounding;
import dev.ragchat.api.chat.ground.GroundingQuestion;
import dev.ragchat.api.media.MediaLibrary;
import dev.ragchat.errors.RejectedInputException;
import dev.ragchat.retrieval.ChunkSearch;
import dev.ragchat.retrieval.MetadataFilter;
import dev.ragchat.retrieval.PageContext;
import dev.ragchat.retrieval.Retriever;
import dev.ragchat.retrieval.ScoredChunk;
import dev.ragchat.retrieval.SearchMode;
import dev.ragchat.retrieval.query.QueryShaper;
import dev.ragchat.retrieval.query.ShapedQuery;
import dev.ragchat.retrieval.rerank.Reranking;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.Assert;

/**
 * Answers a session's questions. The answer path, step by step, as {@link #ask} reads:
 * <ol>
 * <li>session and media: the session's settings, the question checked, attachments
 * read;</li>
 * <li>rewrite: a follow-up becomes a question that stands on its own
 * ({@link QueryRewriter});</li>
 * <li>shape: which of its words matter, its names and periods ({@link QueryShaper});</li>
 * <li>retrieve: hybrid search inside the session's knowledge base ({@link Retriever}),
 * deeper when a reranker reads the candidates;</li>
 * <li>rerank: a reranker orders the candidates and the best {@code topK} go on, or the
 * retrieval order stands (no reranker configured, or it failed) ({@link Reranking});</li>
 * <li>ground: do the sources speak of what the question names ({@link Grounding})? Keep
 * those that do;</li>
 * <li>widen: a source of a paginated document is read with the rest of its page, so that
 * a table's row comes with its neighbours (small-to-big, {@link PageContext});</li>
 * <li>generate: the answer from the numbered sources, or the refusal
 * ({@link AnswerGenerator}), markers renumbered in order of first use;</li>
 * <li>cite: the markers become citations with their quotes ({@link Citations});</li>
 * <li>store: both turns are kept in the history ({@link MessageStore}).</li>
 * </ol>
 */
public final class Conversations {

	private static final Logger logger = LoggerFactory.getLogger(Conversations.class);

	private static final int MAX_IMAGE_QUERY = 2000;

	/** How many chunks a name the sources do not speak of adds (step 6). */
	static final int NAMED_SOURCES = 2;

	private final ChatSessions sessions;

	private final MediaLibrary media;

	private final QueryRewriter rewriter;

	private final QueryShaper shaper;

	private final Retriever retriever;

	private final Reranking reranking;

	private final Grounding grounding;

	private final PageContext pageContext;

	private final AnswerGenerator generator;

	private final Citations citations;

	private final MessageStore messages;

	private final ChatProperties properties;

	private final Clock clock;

	private final Counter questions;

	private final Counter grounded;

	private final Counter refused;

	private final Timer latency;

	private final Counter modelTokens;

	Conversations(Steps steps, ChatSessions sessions, MessageStore messages, ChatProperties properties, Clock clock,
			MeterRegistry meters) {
		this.questions = Counter.builder("ragchat.questions").description("Questions answered").register(meters);
		this.grounded = Counter.builder("ragchat.answers")
			.tag("outcome", "grounded")
			.description("Answers, by whether they rest on the documents")
			.register(meters);
		this.refused = Counter.builder("ragchat.answers")
			.tag("outcome", "refused")
			.description("Answers, by whether they rest on the documents")
			.register(meters);
		this.modelTokens = Counter.builder("ragchat.answer.tokens")
			.description("Tokens language models spent on answers, as they report them")
			.register(meters);
		this.latency = Timer.builder("ragchat.answer.latency")
			.description("From a question's arrival to its stored answer")
			.register(meters);
		this.sessions = sessions;
		this.media = steps.media();
		this.rewriter = steps.rewriter();
		this.shaper = steps.shaper();
		this.retriever = steps.retriever();
		this.reranking = steps.reranking();
		this.grounding = steps.grounding();
		this.pageContext = steps.pageContext();
		this.generator = steps.generator();
		this.citations = steps.citations();
		this.messages = messages;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * @param caller the session's caller
	 * @param sessionId the session
	 * @param text the question
	 * @param tokens told the answer's text as it is produced
	 * @return the stored answer
	 */
	public ChatMessage ask(Caller caller, String sessionId, String text, Consumer<String> tokens) {
		return ask(caller, sessionId, text, List.of(), tokens);
	}

	/**
	 * @param caller the session's caller
	 * @param sessionId the session
	 * @param text the question
	 * @param attachments ids of images and audio the caller's key stored
	 * @param tokens told the answer's text as it is produced
	 * @return the stored answer
	 */
	public ChatMessage ask(Caller caller, String sessionId, String text, List<String> attachments,
			Consumer<String> tokens) {
		return ask(caller, sessionId, text, attachments, null, tokens);
	}

	/**
	 * @param caller the session's caller
	 * @param sessionId the session
	 * @param text the question
	 * @param attachments ids of images and audio the caller's key stored
	 * @param filter only sources whose values pass it (with the session's own filter, if
	 * it has one), or {@code null}
	 * @param tokens told the answer's text as it is produced
	 * @return the stored answer
	 */
	public ChatMessage ask(Caller caller, String sessionId, String text, List<String> attachments,
			MetadataFilter filter, Consumer<String> tokens) {
		// 1. session and media (the question's time is when it came: an answer's latency
		// is its time minus this)
		Instant askedAt = this.clock.instant();
		ChatSession session = this.sessions.get(caller, sessionId);
		String question = checked(text);
		MediaLibrary.Attached attached = this.media.attach(caller, attachments, this.generator.readsMedia());
		List<Turn> history = this.messages.latest(sessionId, this.properties.historyTurns())
			.stream()
			.map((message) -> new Turn(message.role(), message.content()))
			.toList();
		int topK = (session.topK() != null) ? session.topK() : this.properties.topK();
		ImageText image = ImageText.of(attached);
		if (image != null) {
			tokens.accept(image.note());
		}

		// 2. rewrite: a follow-up becomes a question that stands on its own
		String standalone = this.rewriter.standalone(question, history);

		// 3. shape: which words matter, names and periods (text read in images joins it)
		ShapedQuery shaped = this.shaper.shape((image != null) ? image.joinedTo(standalone) : standalone);

		// 4. retrieve (as many candidates as the reranker reads)
		List<ScoredChunk> candidates = this.retriever.retrieve(new ChunkSearch(session.knowledgeBase(), shaped,
				this.reranking.depth(topK), SearchMode.HYBRID, null, filter));

		// 5. rerank: the best topK as a reranker orders them (or as retrieved)
		List<ScoredChunk> retrieved = this.reranking.rerank(shaped.text(), candidates, topK);
		// stored with its answer (step 10): a failed answer leaves neither behind
		ChatMessage asked = new ChatMessage(id(), sessionId, ChatMessage.USER, question, null, List.of(), askedAt);

		// 6. ground: the sources must speak of what the question names (a name they do
		// not speak of brings chunks of the documents about it); the answer quotes those
		// about it
		boolean grounded = !retrieved.isEmpty();
		GroundingQuestion grounding = new GroundingQuestion(session.knowledgeBase(), shaped, retrieved);
		if (grounded && attached.media().isEmpty()) {
			Grounding.Grounded ground = this.grounding.ground(grounding, filter, NAMED_SOURCES);
			grounding = ground.question();
			grounded = ground.supported();
			if (logger.isDebugEnabled()) {
				// with the step off (question-terms: false) what it would find is logged,
				// for benchmarks/eval/grounding.py
				logger.debug("Ground step: names {}, periods {}, unsupported {}", shaped.names(), shaped.periods(),
						this.grounding.enabled() ? ground.unsupported() : this.grounding.unsupported(grounding));
			}
		}
		List<ScoredChunk> sources = grounded ? this.grounding.about(grounding) : grounding.sources();

		// 7. widen: a source of a paginated document is read with the rest of its page
		if (grounded && this.pageContext != null) {
			sources = this.pageContext.widen(sources);
		}

		// 8. generate (only markers that name a retrieved source reach the caller,
		// numbered in the order the answer first uses them, the same streamed and stored)
		AnswerGenerator.Generated generated;
		CitationMarkers.Numbering numbering = new CitationMarkers.Numbering();
		if (!grounded) {
			tokens.accept(AnswerGenerator.NOT_FOUND);
			generated = new AnswerGenerator.Generated(AnswerGenerator.NOT_FOUND, false);
		}
		else {
			CitationMarkers.Filter filtered = new CitationMarkers.Filter(tokens, sources.size(),
					new CitationMarkers.Numbering());
			AnswerGenerator.Generated written = this.generator.generate(new Question(question, shaped.text(), history,
					sources, session.systemPrompt(), session.model(), session.temperature(), attached.media()),
					filtered);
			filtered.flush();
			generated = new AnswerGenerator.Generated(
					CitationMarkers.keepValid(written.text(), sources.size(), numbering), written.grounded(),
					written.tokens());
		}
		if (image != null) {
			generated = new AnswerGenerator.Generated(image.note() + generated.text(), generated.grounded(),
					generated.tokens());
		}

		// 9. cite
		List<Citation> citations = generated.grounded()
				? this.citations.of(new Citations.Cited(generated.text(), sources, numbering.cited())) : List.of();

		// 10. store
		ChatMessage answer = new ChatMessage(id(), sessionId, ChatMessage.ASSISTANT, generated.text(),
				generated.grounded() && !citations.isEmpty(), citations, this.clock.instant(), generated.tokens());
		this.messages.append(asked);
		this.messages.append(answer);
		this.questions.increment();
		(answer.grounded() ? this.grounded : this.refused).increment();
		this.latency.record(Duration.between(askedAt, answer.createdAt()));
		if (answer.tokens() != null) {
			this.modelTokens.increment(answer.tokens());
		}
		return answer;
	}

	private String checked(String text) {
		String question = (text != null) ? text.strip() : "";
		if (question.isEmpty() || question.length() > this.properties.maxMessageLength()) {
			throw new RejectedInputException(
					"message must hold 1 to " + this.properties.maxMessageLength() + " characters");
		}
		return question;
	}

	public List<ChatMessage> history(Caller caller, String sessionId, int offset, int limit) {
		this.sessions.get(caller, sessionId);
		return this.messages.page(sessionId, offset, limit);
	}

	public long count(String sessionId) {
		return this.messages.count(sessionId);
	}

	private static String id() {
		return "msg_" + UUID.randomUUID().toString().replace("-", "");
	}

	/**
	 * Text read in attached images, without a model: it joins the question for retrieval
	 * (brackets become parentheses, so an image cannot plant citation markers), and the
	 * answer says what was read.
	 *
	 * @param read the text, one line
	 */
	private record ImageText(String read) {

		static ImageText of(MediaLibrary.Attached attached) {
			if (attached.imageText() == null) {
				return null;
			}
			return new ImageText(
					attached.imageText().replace('[', '(').replace(']', ')').replaceAll("\\s+", " ").strip());
		}

		String joinedTo(String query) {
			return this.read.isEmpty() ? query
					: query + "\n" + this.read.substring(0, Math.min(this.read.length(), MAX_IMAGE_QUERY));
		}

		String note() {
			return this.read
				.isEmpty()
						? "I read the attached image; it holds no text I could make out. "
						: "I read the attached image: \u201c"
								+ ((this.read.length() > Citations.SNIPPET_LENGTH)
										? this.read.substring(0, Citations.SNIPPET_LENGTH) + "…" : this.read)
								+ "\u201d. ";
		}

	}

	/**
	 * The steps of the answer path that a configuration (or a benchmark) chooses.
	 *
	 * @param media reads attachments
	 * @param rewriter makes a follow-up stand on its own
	 * @param shaper shapes the question for search
	 * @param retriever searches the knowledge base
	 * @param reranking orders the candidates ({@link Reranking#off()}: as retrieved)
	 * @param grounding checks the sources speak of what the question names
	 * @param pageContext reads the sources of paginated documents with the rest of their
	 * page, or {@code null} to read them as retrieved
	 * @param generator writes the answer
	 * @param citations turns markers into citations
	 */
	record Steps(MediaLibrary media, QueryRewriter rewriter, QueryShaper shaper, Retriever retriever,
			Reranking reranking, Grounding grounding, PageContext pageContext, AnswerGenerator generator,
			Citations citations) {

		Steps {
			Assert.notNull(reranking, "reranking must not be null (Reranking.off() keeps the retrieval order)");
		}

	}

}
