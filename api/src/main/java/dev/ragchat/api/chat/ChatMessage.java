package dev.ragchat.api.chat;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ragchat.answer.Answer;
import dev.ragchat.answer.Citation;
import dev.ragchat.answer.Clarification;
import dev.ragchat.answer.Listing;
import dev.ragchat.answer.Refusal;
import dev.ragchat.answer.Trace;
import dev.ragchat.answer.Turn;

/**
 * One turn of a chat session.
 *
 * @param id its id
 * @param sessionId the session
 * @param role {@code user} or {@code assistant}
 * @param content the text
 * @param grounded for an answer: whether it rests on the documents
 * @param citations for an answer: the sources it cites
 * @param createdAt when it was said
 * @param tokens for an answer written by a language model: the tokens it spent (prompt
 * and answer, as the model reports them); {@code null} otherwise
 * @param passages for an answer: the passages the search found for it, best first, at
 * most {@value #MAX_PASSAGES} (none for answers stored before they were kept)
 * @param refusal for an answer that is not grounded: why the documents do not answer
 * ({@link Refusal}'s reason codes); {@code null} otherwise (and for answers stored before
 * refusals were kept)
 * @param stopped for an answer: whether its asker stopped it while it streamed (its text
 * is what was streamed until then, it is not grounded); never {@code null} (messages
 * stored before stops were kept read as not stopped)
 * @param clarification for a question asked back: what it points at and the readings it
 * offers, each with the number of the citation that names it; {@code null} otherwise (and
 * for questions asked back that were stored before readings were kept)
 * @param trace for an answer whose question asked for its trace: the trace as
 * {@link #kept(Trace) kept}; {@code null} otherwise (and for answers stored before traces
 * were kept)
 */
public record ChatMessage(String id, String sessionId, String role, String content, Boolean grounded,
		List<Citation> citations, Instant createdAt, Long tokens, List<Answer.Passage> passages, Refusal refusal,
		Boolean stopped, Clarification clarification, Trace trace, Listing listing) {

	public static final String USER = Turn.USER;

	public static final String ASSISTANT = Turn.ASSISTANT;

	/** The most passages an answer keeps (a search may find up to 50). */
	public static final int MAX_PASSAGES = 20;

	/**
	 * The longest trace an answer keeps, in characters of its JSON: about three times
	 * what one knowledge base's search gives (a trace beyond it keeps no snippets, and
	 * one still beyond it is not kept).
	 */
	public static final int MAX_TRACE = 60_000;

	private static final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

	public ChatMessage {
		citations = (citations != null) ? List.copyOf(citations) : List.of();
		passages = (passages != null) ? List.copyOf(passages.subList(0, Math.min(passages.size(), MAX_PASSAGES)))
				: List.of();
		stopped = Boolean.TRUE.equals(stopped);
	}

	/**
	 * A turn that lists nothing.
	 */
	public ChatMessage(String id, String sessionId, String role, String content, Boolean grounded,
			List<Citation> citations, Instant createdAt, Long tokens, List<Answer.Passage> passages, Refusal refusal,
			Boolean stopped, Clarification clarification, Trace trace) {
		this(id, sessionId, role, content, grounded, citations, createdAt, tokens, passages, refusal, stopped,
				clarification, trace, null);
	}

	/**
	 * A turn without a trace.
	 */
	public ChatMessage(String id, String sessionId, String role, String content, Boolean grounded,
			List<Citation> citations, Instant createdAt, Long tokens, List<Answer.Passage> passages, Refusal refusal,
			Boolean stopped, Clarification clarification) {
		this(id, sessionId, role, content, grounded, citations, createdAt, tokens, passages, refusal, stopped,
				clarification, null);
	}

	/**
	 * A turn that asks nothing back.
	 */
	public ChatMessage(String id, String sessionId, String role, String content, Boolean grounded,
			List<Citation> citations, Instant createdAt, Long tokens, List<Answer.Passage> passages, Refusal refusal,
			Boolean stopped) {
		this(id, sessionId, role, content, grounded, citations, createdAt, tokens, passages, refusal, stopped, null);
	}

	/**
	 * A turn that was not stopped.
	 */
	public ChatMessage(String id, String sessionId, String role, String content, Boolean grounded,
			List<Citation> citations, Instant createdAt, Long tokens, List<Answer.Passage> passages, Refusal refusal) {
		this(id, sessionId, role, content, grounded, citations, createdAt, tokens, passages, refusal, false);
	}

	/**
	 * @return for an answer, {@code answer}, {@code refused}, {@code clarify} (a question
	 * asked back: not grounded, yet citing the sources of the readings it offers) or
	 * {@code list} (a question about the whole scope); {@code null} for the user's turns
	 */
	public String outcome() {
		if (!ASSISTANT.equals(this.role)) {
			return null;
		}
		if (this.listing != null) {
			return Answer.LIST;
		}
		if (this.clarification != null) {
			return Answer.CLARIFY;
		}
		if (Boolean.TRUE.equals(this.grounded)) {
			return Answer.ANSWERED;
		}
		// a question asked back stored before its readings were kept
		return (this.refusal == null && !this.citations.isEmpty()) ? Answer.CLARIFY : Answer.REFUSED;
	}

	/**
	 * A turn without a refusal.
	 */
	public ChatMessage(String id, String sessionId, String role, String content, Boolean grounded,
			List<Citation> citations, Instant createdAt, Long tokens, List<Answer.Passage> passages) {
		this(id, sessionId, role, content, grounded, citations, createdAt, tokens, passages, null);
	}

	/**
	 * A turn without the passages it was built from.
	 */
	public ChatMessage(String id, String sessionId, String role, String content, Boolean grounded,
			List<Citation> citations, Instant createdAt, Long tokens) {
		this(id, sessionId, role, content, grounded, citations, createdAt, tokens, List.of());
	}

	/**
	 * A turn without a model's token count.
	 */
	public ChatMessage(String id, String sessionId, String role, String content, Boolean grounded,
			List<Citation> citations, Instant createdAt) {
		this(id, sessionId, role, content, grounded, citations, createdAt, null);
	}

	/**
	 * An answer's trace as a message keeps it: every stage and every field the trace has
	 * (as JSON, so that fields a later engine adds pass through), less what the answer
	 * holds already or repeats: the generate stage's text (the answer's own), and the
	 * snippet of a passage after the first stage that lists it. Bounded by
	 * {@link #MAX_TRACE}.
	 * @param trace an answer's trace, or {@code null}
	 * @return the trace to keep, or {@code null} when there is none or it is too long
	 */
	public static Trace kept(Trace trace) {
		if (trace == null) {
			return null;
		}
		ObjectNode tree = json.valueToTree(trace);
		Set<String> seen = new HashSet<>();
		for (JsonNode stage : tree.path("stages")) {
			if (Trace.GENERATE.equals(stage.path("name").asText())) {
				((ObjectNode) stage).remove("gave");
			}
			for (JsonNode candidate : stage.path("candidates")) {
				if (!seen.add(candidate.path("chunkId").asText())) {
					((ObjectNode) candidate).remove("snippet");
				}
			}
		}
		if (tree.toString().length() > MAX_TRACE) {
			tree.findParents("snippet").forEach((candidate) -> ((ObjectNode) candidate).remove("snippet"));
		}
		if (tree.toString().length() > MAX_TRACE) {
			return null;
		}
		try {
			return json.treeToValue(tree, Trace.class);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
