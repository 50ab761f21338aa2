package dev.ragchat.api.mcp;

import java.util.List;
import java.util.Map;

import dev.ragchat.answer.Listing;
import dev.ragchat.answer.Search;
import dev.ragchat.answer.SearchRequest;
import dev.ragchat.api.access.Caller;
import dev.ragchat.api.access.Scope;
import dev.ragchat.api.audit.Audit;
import dev.ragchat.api.chat.ChatMessage;
import dev.ragchat.api.chat.ChatSessions;
import dev.ragchat.api.chat.Conversations;
import dev.ragchat.api.chat.SessionStart;
import dev.ragchat.errors.RejectedInputException;
import dev.ragchat.ingestion.KnowledgeBases;
import dev.ragchat.retrieval.MetadataFilter;
import dev.ragchat.retrieval.SearchMode;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springaicommunity.mcp.annotation.McpTool;
import org.springaicommunity.mcp.annotation.McpTool.McpAnnotations;
import org.springaicommunity.mcp.annotation.McpToolParam;

/**
 * The MCP tools that put a question to a knowledge base, {@code search} (its passages)
 * and {@code ask} (a grounded answer, in a conversation): the answer path of
 * {@code /search} and of a session's messages, each needing the chat scope as those
 * endpoints do. {@link KnowledgeTools} offers them with its own.
 */
final class AnswerTools {

	private static final int MAX_QUERY = 2000;

	private static final int DEFAULT_TOP_K = 5;

	private static final int MAX_TOP_K = 100;

	private final KnowledgeBases knowledgeBases;

	private final Search search;

	private final ChatSessions sessions;

	private final Conversations conversations;

	private final Audit audit;

	private final ToolCalls calls;

	AnswerTools(KnowledgeBases knowledgeBases, Search search, ChatSessions sessions, Conversations conversations,
			Audit audit, ToolCalls calls) {
		this.knowledgeBases = knowledgeBases;
		this.search = search;
		this.sessions = sessions;
		this.conversations = conversations;
		this.audit = audit;
		this.calls = calls;
	}

	@McpTool(name = "search",
			description = "Searches a knowledge base's chunks (needs the chat scope). Returns the best passages with"
					+ " their document, file name, page, heading path, text and score. Use it to read the"
					+ " sources yourself; use ask for a written, cited answer.",
			annotations = @McpAnnotations(title = "Search a knowledge base", readOnlyHint = true,
					destructiveHint = false, idempotentHint = true, openWorldHint = false))
	CallToolResult search(McpSyncServerExchange exchange,
			@McpToolParam(description = "a knowledge base id from list_knowledge_bases") String knowledge_base,
			@McpToolParam(
					description = "what to look for, in words or a question (at most 2000 characters)") String query,
			@McpToolParam(required = false,
					description = "hybrid (default): meaning and words; vector: meaning; keyword: words") Mode mode,
			@McpToolParam(required = false,
					description = "how many chunks (default 5)") @Min(1) @Max(MAX_TOP_K) Integer top_k,
			@McpToolParam(required = false, description = "only these documents") List<String> document_ids,
			@McpToolParam(required = false, description = "only documents whose values pass it: {key, op, value} with"
					+ " op eq, ne, gt, gte, lt, lte, in, nin over upload metadata keys and filename, mediaType,"
					+ " createdAt, updatedAt, version, source; nested in {and: [...]} or {or: [...]}") Map<String, Object> filter) {
		ToolCalls.caller(exchange).require(Scope.CHAT, knowledge_base);
		if (query.isBlank() || query.length() > MAX_QUERY) {
			throw new RejectedInputException("query must hold 1 to " + MAX_QUERY + " characters");
		}
		this.knowledgeBases.searchable(knowledge_base);
		SearchRequest search = new SearchRequest(knowledge_base, query, (top_k != null) ? top_k : DEFAULT_TOP_K,
				SearchMode.of((mode != null) ? mode.name() : null), document_ids, MetadataFilter.parse(filter));
		return this.calls.json(Map.of("results", this.search.search(search)
			.chunks()
			.stream()
			.map((hit) -> ToolCalls.ordered("document_id", hit.chunk().documentId(), "filename", hit.chunk().filename(),
					"page", hit.chunk().page(), "heading_path", hit.chunk().headingPath(), "chunk_id", hit.chunk().id(),
					"score", hit.score(), "text", hit.chunk().text()))
			.toList()));
	}

	@McpTool(name = "ask",
			description = "Asks a knowledge base a question (needs the chat scope) and returns a grounded answer whose"
					+ " [n] markers point at its citations (document, file name, page, quote), and"
					+ " grounded: false with a refusal {reason, detail} when the documents do not answer it"
					+ " (nothing is invented). Returns a session_id: pass it back to ask a follow-up in the"
					+ " same conversation. knowledge_bases asks several knowledge bases at once, documents"
					+ " only some documents of them (each citation names its knowledge_base).",
			annotations = @McpAnnotations(title = "Ask a knowledge base", readOnlyHint = false, destructiveHint = false,
					idempotentHint = false, openWorldHint = false))
	CallToolResult ask(McpSyncServerExchange exchange,
			@McpToolParam(required = false,
					description = "a knowledge base id from list_knowledge_bases (not needed"
							+ " with session_id, or with knowledge_bases)") String knowledge_base,
			@McpToolParam(required = false, description = "more knowledge bases to ask at once (the first is asked"
					+ " when knowledge_base is left out); with session_id: the conversation's scope from now on") List<String> knowledge_bases,
			@McpToolParam(required = false, description = "only these documents (ids from list_documents) of those"
					+ " knowledge bases; with session_id: the conversation's scope from now on") List<String> documents,
			@McpToolParam(description = "the question") String question,
			@McpToolParam(required = false,
					description = "the session_id of an earlier ask, to continue that conversation") String session_id,
			@McpToolParam(required = false,
					description = "also return the answer's trace: the stages as they ran"
							+ " (rewrite, shape, vector and keyword rankings, fusion, rerank, the judge's decision and"
							+ " reason, the quotes chosen), each with its time (default false)") Boolean trace) {
		Caller caller = ToolCalls.caller(exchange);
		caller.require(Scope.CHAT, null);
		String sessionId = session_id;
		Caller asking;
		if (sessionId != null) {
			asking = this.sessions.resume(caller, sessionId);
			if (knowledge_bases != null || documents != null) {
				this.sessions.rescope(asking, sessionId, (knowledge_bases != null) ? knowledge_bases : List.of(),
						(documents != null) ? documents : List.of());
			}
		}
		else {
			String kb = (knowledge_bases != null && !knowledge_bases.isEmpty() && knowledge_base == null)
					? knowledge_bases.get(0) : ToolCalls.required("knowledge_base", knowledge_base);
			caller.require(Scope.CHAT, kb);
			sessionId = this.sessions.start(caller, new SessionStart(kb, null, null, knowledge_bases, documents))
				.session()
				.id();
			asking = caller.inSession(sessionId);
		}
		this.audit.questionAsked(caller.keyId(), sessionId, question);
		Conversations.Asked asked = this.conversations.ask(
				Conversations.Question.of(asking, sessionId, question).withTrace(Boolean.TRUE.equals(trace)),
				(token) -> {
				});
		ChatMessage answer = asked.message();
		this.audit.sourcesCited(caller.keyId(), sessionId,
				answer.citations().stream().map((c) -> new Audit.Source(c.documentId(), c.page())).toList());
		Map<String, Object> result = ToolCalls.ordered("answer", answer.content(), "grounded", answer.grounded(),
				"citations",
				answer.citations()
					.stream()
					.map((c) -> ToolCalls.ordered("index", c.index(), "document_id", c.documentId(), "filename",
							c.filename(), "page", c.page(), "quote", c.quote(), "knowledge_base", c.knowledgeBase()))
					.toList(),
				"session_id", sessionId);
		result.put("outcome", answer.outcome());
		if (answer.refusal() != null) {
			result.put("refusal", answer.refusal());
		}
		if (asked.clarification() != null) {
			result.put("clarification", asked.clarification());
		}
		if (answer.listing() != null) {
			// a question about the whole scope: the engine's count and every item
			Listing listing = answer.listing();
			result.putAll(ToolCalls.ordered("asks", listing.asks(), "says", listing.says(), "count", listing.count(),
					"scanned", listing.scanned(), "truncated", listing.truncated(), "items", listing.items()));
		}
		if (asked.trace() != null) {
			result.put("trace", asked.trace());
		}
		return this.calls.json(result);
	}

	/**
	 * The modes of {@code search}, named as a client writes them: mcp-annotations lists
	 * an enum parameter's constant names in the schema and reads the argument with
	 * {@link Enum#valueOf}, so the names are the words.
	 */
	enum Mode {

		hybrid, vector, keyword

	}

}
