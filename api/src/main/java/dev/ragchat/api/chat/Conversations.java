package dev.ragchat.api.chat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.ragchat.api.access.Caller;
import dev.ragchat.api.chat.answer.AnswerGenerator;
import dev.ragchat.api.chat.answer.CitationMarkers;
import dev.ragchat.api.chat.answer.QueryRewriter;
import dev.ragchat.api.chat.answer.Question;
import dev.ragchat.api.chat.answer.Quotes;
import dev.ragchat.api.media.MediaLibrary;
import dev.ragchat.errors.RejectedInputException;
import dev.ragchat.ingestion.DocumentPages;
import dev.ragchat.ingestion.reading.pdf.PdfPages;
import dev.ragchat.retrieval.Chunk;
import dev.ragchat.retrieval.ChunkSearch;
import dev.ragchat.retrieval.Retriever;
import dev.ragchat.retrieval.ScoredChunk;
import dev.ragchat.retrieval.SearchMode;

/**
 * Answers a session's questions: retrieval inside the session's knowledge base (hybrid),
 * an answer from the configured generator, {@code [n]} markers renumbered in order of
 * first use and mapped to citations of what was retrieved (each with the quote it rests
 * on and, for PDFs, where that quote stands on its page), and both turns kept in the
 * history.
 */
public final class Conversations {

	private static final int SNIPPET_LENGTH = 300;

	private static final int MAX_IMAGE_QUERY = 2000;

	private final ChatSessions sessions;

	private final MessageStore messages;

	private final Retriever retriever;

	private final AnswerGenerator generator;

	private final QueryRewriter rewriter;

	private final ChatProperties properties;

	private final Clock clock;

	private final DocumentPages pages;

	private final MediaLibrary media;

	Conversations(ChatSessions sessions, MessageStore messages, Retriever retriever, AnswerGenerator generator,
			QueryRewriter rewriter, ChatProperties properties, Clock clock, DocumentPages pages, MediaLibrary media) {
		this.pages = pages;
		this.media = media;
		this.rewriter = rewriter;
		this.sessions = sessions;
		this.messages = messages;
		this.retriever = retriever;
		this.generator = generator;
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
		ChatSession session = this.sessions.get(caller, sessionId);
		String question = (text != null) ? text.strip() : "";
		if (question.isEmpty() || question.length() > this.properties.maxMessageLength()) {
			throw new RejectedInputException(
					"message must hold 1 to " + this.properties.maxMessageLength() + " characters");
		}
		MediaLibrary.Attached attached = this.media.attach(caller, attachments, this.generator.readsMedia());
		List<ChatMessage> history = this.messages.latest(sessionId, this.properties.historyTurns());
		int topK = (session.topK() != null) ? session.topK() : this.properties.topK();
		String query = this.rewriter.standalone(question, history);
		String imageNote = null;
		if (attached.imageText() != null) {
			// without a model, the text read in the images joins the question for
			// retrieval
			// (brackets become parentheses: the image cannot plant citation markers)
			String read = attached.imageText().replace('[', '(').replace(']', ')').replaceAll("\\s+", " ").strip();
			query = read.isEmpty() ? query : query + "\n" + read.substring(0, Math.min(read.length(), MAX_IMAGE_QUERY));
			imageNote = read.isEmpty() ? "I read the attached image; it holds no text I could make out. "
					: "I read the attached image: \u201c"
							+ ((read.length() > SNIPPET_LENGTH) ? read.substring(0, SNIPPET_LENGTH) + "…" : read)
							+ "\u201d. ";
			tokens.accept(imageNote);
		}
		List<ScoredChunk> sources = this.retriever
			.retrieve(new ChunkSearch(session.knowledgeBase(), query, topK, SearchMode.HYBRID, null));
		this.messages.append(
				new ChatMessage(id(), sessionId, ChatMessage.USER, question, null, List.of(), this.clock.instant()));
		AnswerGenerator.Generated generated;
		CitationMarkers.Numbering numbering = new CitationMarkers.Numbering();
		if (sources.isEmpty()) {
			tokens.accept(AnswerGenerator.NOT_FOUND);
			generated = new AnswerGenerator.Generated(AnswerGenerator.NOT_FOUND, false);
		}
		else {
			// only markers that name a retrieved source may reach the caller, numbered in
			// the order the answer first uses them (the same numbers streamed and stored)
			CitationMarkers.Filter filtered = new CitationMarkers.Filter(tokens, sources.size(),
					new CitationMarkers.Numbering());
			AnswerGenerator.Generated written = this.generator.generate(new Question(question, query, history, sources,
					session.systemPrompt(), session.model(), session.temperature(), attached.media()), filtered);
			filtered.flush();
			generated = new AnswerGenerator.Generated(
					CitationMarkers.keepValid(written.text(), sources.size(), numbering), written.grounded());
		}
		if (imageNote != null) {
			generated = new AnswerGenerator.Generated(imageNote + generated.text(), generated.grounded());
		}
		List<Citation> citations = generated.grounded()
				? citations(generated.text(), sources, numbering.cited(), this.pages) : List.of();
		ChatMessage answer = new ChatMessage(id(), sessionId, ChatMessage.ASSISTANT, generated.text(),
				generated.grounded() && !citations.isEmpty(), citations, this.clock.instant());
		this.messages.append(answer);
		return answer;
	}

	public List<ChatMessage> history(Caller caller, String sessionId, int offset, int limit) {
		this.sessions.get(caller, sessionId);
		return this.messages.page(sessionId, offset, limit);
	}

	public long count(String sessionId) {
		return this.messages.count(sessionId);
	}

	/**
	 * The answer's markers, already renumbered, become citations of the sources they
	 * name: one per source, in the order of the numbers, each with the sentence of the
	 * source that the answer's sentence before its first marker rests on.
	 * @param answer the answer with renumbered markers
	 * @param sources the retrieved sources
	 * @param cited for each number in the answer (from 1), the source's number among the
	 * retrieved ones
	 * @param pages where quotes are located on PDF pages, or {@code null}
	 * @return the citations
	 */
	static List<Citation> citations(String answer, List<ScoredChunk> sources, List<Integer> cited,
			DocumentPages pages) {
		List<Citation> citations = new ArrayList<>();
		for (int number = 1; number <= cited.size(); number++) {
			Matcher marker = Pattern.compile("\\[" + number + "]").matcher(answer);
			if (!marker.find()) {
				continue;
			}
			ScoredChunk source = sources.get(cited.get(number - 1) - 1);
			Chunk chunk = source.chunk();
			String text = chunk.text();
			String quote = Quotes.best(Quotes.claim(answer, marker.start()), text);
			int page = chunk.page();
			List<PdfPages.Box> boxes = List.of();
			Optional<PdfPages.Located> located = (pages != null)
					? pages.locate(chunk.knowledgeBase(), chunk.documentId(), chunk.page(), chunk.pageEnd(), quote)
					: Optional.empty();
			if (located.isPresent()) {
				quote = located.get().quote();
				page = located.get().page();
				boxes = located.get().boxes();
			}
			citations.add(new Citation(number, chunk.documentId(), chunk.filename(), page, chunk.id(),
					(text.length() > SNIPPET_LENGTH) ? text.substring(0, SNIPPET_LENGTH) + "…" : text, source.score(),
					quote, boxes));
		}
		return citations;
	}

	private static String id() {
		return "msg_" + UUID.randomUUID().toString().replace("-", "");
	}

}
