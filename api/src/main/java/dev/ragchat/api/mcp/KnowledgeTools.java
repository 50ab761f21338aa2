package dev.ragchat.api.mcp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragchat.answer.search.Search;
import dev.ragchat.answer.search.SearchRequest;
import dev.ragchat.api.access.Caller;
import dev.ragchat.api.access.Scope;
import dev.ragchat.api.audit.Audit;
import dev.ragchat.api.chat.ChatMessage;
import dev.ragchat.api.chat.ChatSessions;
import dev.ragchat.api.chat.Conversations;
import dev.ragchat.api.chat.SessionStart;
import dev.ragchat.errors.ForbiddenException;
import dev.ragchat.errors.NotFoundException;
import dev.ragchat.errors.RejectedInputException;
import dev.ragchat.ingestion.Document;
import dev.ragchat.ingestion.DocumentPages;
import dev.ragchat.ingestion.Documents;
import dev.ragchat.ingestion.KnowledgeBases;
import dev.ragchat.retrieval.Chunk;
import dev.ragchat.retrieval.ChunkIndex;
import dev.ragchat.retrieval.MetadataFilter;
import dev.ragchat.retrieval.SearchMode;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springaicommunity.mcp.annotation.McpTool;
import org.springaicommunity.mcp.annotation.McpTool.McpAnnotations;
import org.springaicommunity.mcp.annotation.McpToolParam;

/**
 * The MCP tools: {@code list_knowledge_bases}, {@code list_documents}, {@code search},
 * {@code ask}, {@code get_page} and {@code upload_document}, each a method annotated
 * {@link McpTool}: its input schema is generated from the method's typed parameters
 * ({@link McpToolParam} gives a parameter's description and whether it is required,
 * {@link Min @Min} and {@link Max @Max} an integer's bounds), and the arguments arrive as
 * those types ({@link McpToolMethods}). A parameter's name is the argument's:
 * mcp-annotations reads it from the compiled method ({@code -parameters}) and has no way
 * to rename it, so the names are snake_case as the tools' arguments always were. The
 * transport's guard has checked the arguments against the schema before a method runs.
 * The caller is what the transport put into the request's context under {@link #CALLER};
 * every tool checks it as the REST endpoint of the same action does.
 */
public final class KnowledgeTools {

	/** Where the transport puts the authenticated {@link Caller}. */
	public static final String CALLER = "ragchat.caller";

	private static final Logger logger = LoggerFactory.getLogger(KnowledgeTools.class);

	private static final int MAX_QUERY = 2000;

	private static final int DEFAULT_TOP_K = 5;

	private static final int MAX_TOP_K = 100;

	private static final int MAX_PAGE_TEXT = 50_000;

	private final KnowledgeBases knowledgeBases;

	private final Documents documents;

	private final Search search;

	private final ChunkIndex index;

	private final DocumentPages pages;

	private final ChatSessions sessions;

	private final Conversations conversations;

	private final ObjectMapper objectMapper;

	private final Audit audit;

	KnowledgeTools(KnowledgeBases knowledgeBases, Documents documents, Search search, ChatSessions sessions,
			Conversations conversations, ObjectMapper objectMapper, ChunkIndex index, DocumentPages pages,
			Audit audit) {
		this.audit = audit;
		this.knowledgeBases = knowledgeBases;
		this.documents = documents;
		this.search = search;
		this.index = index;
		this.pages = pages;
		this.sessions = sessions;
		this.conversations = conversations;
		this.objectMapper = objectMapper;
	}

	/**
	 * @param json the mapper the schemas are read with
	 * @return the tools, each with its input schema (generated from its method's typed
	 * parameters) and description
	 */
	public List<SyncToolSpecification> specifications(McpJsonMapper json) {
		return McpToolMethods.specifications(this, json);
	}

	@McpTool(name = "list_knowledge_bases",
			description = "Lists the knowledge bases this API key may use: id, name and description. Start here to"
					+ " find the knowledge_base id the other tools take.",
			annotations = @McpAnnotations(title = "List knowledge bases", readOnlyHint = true, destructiveHint = false,
					idempotentHint = true, openWorldHint = false))
	CallToolResult listKnowledgeBases(McpSyncServerExchange exchange) {
		Caller caller = caller(exchange);
		return json(Map.of("knowledge_bases",
				this.knowledgeBases.list()
					.stream()
					.filter((kb) -> caller.mayUse(kb.id()))
					.map((kb) -> ordered("id", kb.id(), "name", kb.name(), "description", kb.description()))
					.toList()));
	}

	@McpTool(name = "list_documents",
			description = "Lists the documents of a knowledge base: id, filename, media type, status (READY documents"
					+ " are searchable), pages and chunks.",
			annotations = @McpAnnotations(title = "List documents", readOnlyHint = true, destructiveHint = false,
					idempotentHint = true, openWorldHint = false))
	CallToolResult listDocuments(McpSyncServerExchange exchange,
			@McpToolParam(description = "a knowledge base id from list_knowledge_bases") String knowledge_base) {
		String kb = see(caller(exchange), knowledge_base);
		List<Map<String, Object>> listed = new ArrayList<>();
		for (Document document : this.documents.list(kb)) {
			listed.add(ordered("id", document.id(), "filename", document.filename(), "media_type", document.mediaType(),
					"status", document.status().name(), "created_at", String.valueOf(document.createdAt())));
		}
		return json(Map.of("knowledge_base", kb, "documents", listed));
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
		caller(exchange).require(Scope.CHAT, knowledge_base);
		if (query.isBlank() || query.length() > MAX_QUERY) {
			throw new RejectedInputException("query must hold 1 to " + MAX_QUERY + " characters");
		}
		this.knowledgeBases.searchable(knowledge_base);
		SearchRequest search = new SearchRequest(knowledge_base, query, (top_k != null) ? top_k : DEFAULT_TOP_K,
				SearchMode.of((mode != null) ? mode.name() : null), document_ids, MetadataFilter.parse(filter));
		return json(Map.of("results",
				this.search.search(search)
					.chunks()
					.stream()
					.map((hit) -> ordered("document_id", hit.chunk().documentId(), "filename", hit.chunk().filename(),
							"page", hit.chunk().page(), "heading_path", hit.chunk().headingPath(), "chunk_id",
							hit.chunk().id(), "score", hit.score(), "text", hit.chunk().text()))
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
		Caller caller = caller(exchange);
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
					? knowledge_bases.get(0) : required("knowledge_base", knowledge_base);
			caller.require(Scope.CHAT, kb);
			sessionId = this.sessions.start(caller, new SessionStart(kb, null, null, knowledge_bases, documents))
				.session()
				.id();
			asking = caller.inSession(sessionId);
		}
		this.audit.questionAsked(caller.keyId(), sessionId, question);
		Conversations.Asked asked = this.conversations.ask(asking, sessionId, question, List.of(), null,
				Boolean.TRUE.equals(trace), (token) -> {
				});
		ChatMessage answer = asked.message();
		this.audit.sourcesCited(caller.keyId(), sessionId,
				answer.citations().stream().map((c) -> new Audit.Source(c.documentId(), c.page())).toList());
		Map<String, Object> result = ordered("answer", answer.content(), "grounded", answer.grounded(), "citations",
				answer.citations()
					.stream()
					.map((c) -> ordered("index", c.index(), "document_id", c.documentId(), "filename", c.filename(),
							"page", c.page(), "quote", c.quote(), "knowledge_base", c.knowledgeBase()))
					.toList(),
				"session_id", sessionId);
		result.put("outcome", answer.outcome());
		if (answer.refusal() != null) {
			result.put("refusal", answer.refusal());
		}
		if (asked.clarification() != null) {
			result.put("clarification", asked.clarification());
		}
		if (asked.trace() != null) {
			result.put("trace", asked.trace());
		}
		return json(result);
	}

	@McpTool(name = "get_page",
			description = "Reads one page of a document, as cited by search or ask: its text, and with image: true"
					+ " a PNG of the page (PDF documents only) with the quote highlighted when one is given.",
			annotations = @McpAnnotations(title = "Read a page", readOnlyHint = true, destructiveHint = false,
					idempotentHint = true, openWorldHint = false))
	CallToolResult getPage(McpSyncServerExchange exchange,
			@McpToolParam(description = "a knowledge base id") String knowledge_base,
			@McpToolParam(description = "the document's id") String document_id,
			@McpToolParam(description = "the page number (1-based)") @Min(1) @Max(Integer.MAX_VALUE) int page,
			@McpToolParam(required = false,
					description = "also return the page as a PNG image (PDF only; default false)") Boolean image,
			@McpToolParam(required = false,
					description = "a passage on the page to highlight in the image") String quote) {
		String kb = see(caller(exchange), knowledge_base);
		this.documents.get(kb, document_id);
		String text = this.index.chunks(document_id)
			.stream()
			.filter((chunk) -> chunk.page() <= page && page <= chunk.pageEnd())
			.sorted(Comparator.comparingInt(Chunk::ordinal))
			.map(Chunk::text)
			.collect(Collectors.joining("\n\n"));
		if (text.isEmpty()) {
			throw new NotFoundException("No page " + page + " in document '" + document_id + "'");
		}
		CallToolResult.Builder result = CallToolResult.builder()
			.addTextContent((text.length() > MAX_PAGE_TEXT) ? text.substring(0, MAX_PAGE_TEXT) + "…" : text);
		if (Boolean.TRUE.equals(image)) {
			try {
				byte[] png = Files.readAllBytes(this.pages.png(kb, document_id, page, quote));
				result
					.addContent(new McpSchema.ImageContent(null, Base64.getEncoder().encodeToString(png), "image/png"));
			}
			catch (IOException ex) {
				throw new NotFoundException("No document '" + document_id + "' in '" + kb + "'");
			}
		}
		return result.build();
	}

	@McpTool(name = "upload_document",
			description = "Adds a document to a knowledge base (needs the upload scope): its content as text, or as"
					+ " base64 for binary files (PDF, DOCX, ...; the whole request at most 256 KB). Returns"
					+ " the document id and status; it is searchable once list_documents shows READY.",
			annotations = @McpAnnotations(title = "Upload a document", readOnlyHint = false, destructiveHint = false,
					idempotentHint = false, openWorldHint = false))
	CallToolResult uploadDocument(McpSyncServerExchange exchange,
			@McpToolParam(description = "a knowledge base id") String knowledge_base,
			@McpToolParam(description = "the file name, with its extension (e.g. notes.md)") String filename,
			@McpToolParam(required = false, description = "the content, for text files") String text,
			@McpToolParam(required = false,
					description = "the content, base64-encoded, for binary files") String base64) {
		caller(exchange).require(Scope.UPLOAD, knowledge_base);
		if ((text == null) == (base64 == null)) {
			throw new RejectedInputException("Send the content as text or as base64, one of them");
		}
		byte[] content;
		try {
			content = (text != null) ? text.getBytes(StandardCharsets.UTF_8) : Base64.getMimeDecoder().decode(base64);
		}
		catch (IllegalArgumentException ex) {
			throw new RejectedInputException("base64 is not valid base64");
		}
		Path temp = null;
		try {
			temp = Files.createTempFile("ragchat-mcp-upload", ".bin");
			Files.write(temp, content);
			Documents.Submitted submitted = this.documents
				.submit(knowledge_base, List.of(new Documents.Upload(filename, temp)), null, null)
				.get(0);
			return json(ordered("document_id", submitted.document().id(), "filename", submitted.document().filename(),
					"status", submitted.document().status().name(), "duplicate_of", submitted.duplicateOf()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			if (temp != null) {
				try {
					Files.deleteIfExists(temp);
				}
				catch (IOException ex) {
					logger.warn("Could not delete {}", temp);
				}
			}
		}
	}

	/**
	 * @param exchange the call's exchange
	 * @return the caller the transport put into the call's context
	 * @throws ForbiddenException when there is none
	 */
	private static Caller caller(McpSyncServerExchange exchange) {
		if (!(exchange.transportContext().get(CALLER) instanceof Caller caller)) {
			throw new ForbiddenException("This needs an API key");
		}
		return caller;
	}

	/**
	 * The answer as JSON text, written by the API's own mapper as the REST answers are.
	 */
	private CallToolResult json(Object answer) {
		try {
			return CallToolResult.builder().addTextContent(this.objectMapper.writeValueAsString(answer)).build();
		}
		catch (JsonProcessingException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String see(Caller caller, String knowledgeBase) {
		if (caller.kind() != Caller.Kind.API_KEY || !caller.mayUse(knowledgeBase)) {
			throw new NotFoundException("No knowledge base '" + knowledgeBase + "'");
		}
		return knowledgeBase;
	}

	private static String required(String name, String value) {
		if (value == null) {
			throw new RejectedInputException(name + " is required");
		}
		return value;
	}

	private static Map<String, Object> ordered(Object... pairs) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put((String) pairs[i], pairs[i + 1]);
		}
		return map;
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
