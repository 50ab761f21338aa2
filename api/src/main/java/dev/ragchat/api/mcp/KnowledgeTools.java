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
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragchat.api.access.Caller;
import dev.ragchat.api.access.Scope;
import dev.ragchat.api.answer.search.Search;
import dev.ragchat.api.answer.search.SearchRequest;
import dev.ragchat.api.audit.Audit;
import dev.ragchat.api.chat.ChatMessage;
import dev.ragchat.api.chat.ChatSessions;
import dev.ragchat.api.chat.Conversations;
import dev.ragchat.api.chat.SessionStart;
import dev.ragchat.errors.ForbiddenException;
import dev.ragchat.errors.NotFoundException;
import dev.ragchat.errors.RagChatException;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MCP tools: {@code list_knowledge_bases}, {@code list_documents}, {@code search},
 * {@code ask}, {@code get_page} and {@code upload_document}. The caller is what the
 * transport put into the request's context under {@link #CALLER}; every tool checks it as
 * the REST endpoint of the same action does.
 */
public final class KnowledgeTools {

	/** Where the transport puts the authenticated {@link Caller}. */
	public static final String CALLER = "ragchat.caller";

	private static final Logger logger = LoggerFactory.getLogger(KnowledgeTools.class);

	private static final int MAX_QUERY = 2000;

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
	 * @return the tools, each with its input schema and description
	 */
	public List<SyncToolSpecification> specifications(McpJsonMapper json) {
		return List.of(
				tool(json, "list_knowledge_bases",
						"Lists the knowledge bases this API key may use: id, name and description. Start here to"
								+ " find the knowledge_base id the other tools take.",
						"{\"type\":\"object\",\"properties\":{}}", (caller, args) -> listKnowledgeBases(caller)),
				tool(json, "list_documents",
						"Lists the documents of a knowledge base: id, filename, media type, status (READY documents"
								+ " are searchable), pages and chunks.",
						"""
								{"type":"object","properties":{
								"knowledge_base":{"type":"string","description":"a knowledge base id from list_knowledge_bases"}},
								"required":["knowledge_base"]}""",
						this::listDocuments),
				tool(json, "search",
						"Searches a knowledge base's chunks (needs the chat scope). Returns the best passages with"
								+ " their document, file name, page, heading path, text and score. Use it to read the"
								+ " sources yourself; use ask for a written, cited answer.",
						"""
								{"type":"object","properties":{
								"knowledge_base":{"type":"string","description":"a knowledge base id from list_knowledge_bases"},
								"query":{"type":"string","description":"what to look for, in words or a question (at most 2000 characters)"},
								"mode":{"type":"string","enum":["hybrid","vector","keyword"],"description":"hybrid (default): meaning and words; vector: meaning; keyword: words"},
								"top_k":{"type":"integer","minimum":1,"maximum":100,"description":"how many chunks (default 5)"},
								"document_ids":{"type":"array","items":{"type":"string"},"description":"only these documents"},
								"filter":{"type":"object","description":"only documents whose values pass it: {key, op, value} with op eq, ne, gt, gte, lt, lte, in, nin over upload metadata keys and filename, mediaType, createdAt, updatedAt, version, source; nested in {and: [...]} or {or: [...]}"}},
								"required":["knowledge_base","query"]}""",
						this::search),
				tool(json, "ask",
						"Asks a knowledge base a question (needs the chat scope) and returns a grounded answer whose"
								+ " [n] markers point at its citations (document, file name, page, quote), and"
								+ " grounded: false with a refusal {reason, detail} when the documents do not answer it"
								+ " (nothing is invented). Returns a session_id: pass it back to ask a follow-up in the"
								+ " same conversation. knowledge_bases asks several knowledge bases at once, documents"
								+ " only some documents of them (each citation names its knowledge_base).",
						"""
								{"type":"object","properties":{
								"knowledge_base":{"type":"string","description":"a knowledge base id from list_knowledge_bases (not needed with session_id, or with knowledge_bases)"},
								"knowledge_bases":{"type":"array","items":{"type":"string"},"description":"more knowledge bases to ask at once (the first is asked when knowledge_base is left out); with session_id: the conversation's scope from now on"},
								"documents":{"type":"array","items":{"type":"string"},"description":"only these documents (ids from list_documents) of those knowledge bases; with session_id: the conversation's scope from now on"},
								"question":{"type":"string","description":"the question"},
								"session_id":{"type":"string","description":"the session_id of an earlier ask, to continue that conversation"},
								"trace":{"type":"boolean","description":"also return the answer's trace: the stages as they ran (rewrite, shape, vector and keyword rankings, fusion, rerank, the judge's decision and reason, the quotes chosen), each with its time (default false)"}},
								"required":["question"]}""",
						this::ask),
				tool(json, "get_page",
						"Reads one page of a document, as cited by search or ask: its text, and with image: true"
								+ " a PNG of the page (PDF documents only) with the quote highlighted when one is given.",
						"""
								{"type":"object","properties":{
								"knowledge_base":{"type":"string","description":"a knowledge base id"},
								"document_id":{"type":"string","description":"the document's id"},
								"page":{"type":"integer","minimum":1,"maximum":2147483647,"description":"the page number (1-based)"},
								"image":{"type":"boolean","description":"also return the page as a PNG image (PDF only; default false)"},
								"quote":{"type":"string","description":"a passage on the page to highlight in the image"}},
								"required":["knowledge_base","document_id","page"]}""",
						this::getPage),
				tool(json, "upload_document",
						"Adds a document to a knowledge base (needs the upload scope): its content as text, or as"
								+ " base64 for binary files (PDF, DOCX, ...; the whole request at most 256 KB). Returns"
								+ " the document id and status; it is searchable once list_documents shows READY.",
						"""
								{"type":"object","properties":{
								"knowledge_base":{"type":"string","description":"a knowledge base id"},
								"filename":{"type":"string","description":"the file name, with its extension (e.g. notes.md)"},
								"text":{"type":"string","description":"the content, for text files"},
								"base64":{"type":"string","description":"the content, base64-encoded, for binary files"}},
								"required":["knowledge_base","filename"]}""",
						this::upload));
	}

	private Object getPage(Caller caller, Map<String, Object> args) {
		String kb = see(caller, string(args, "knowledge_base", true));
		String doc = string(args, "document_id", true);
		int page = integer(args, "page", 0, 1, Integer.MAX_VALUE);
		this.documents.get(kb, doc);
		String text = this.index.chunks(doc)
			.stream()
			.filter((chunk) -> chunk.page() <= page && page <= chunk.pageEnd())
			.sorted(Comparator.comparingInt(Chunk::ordinal))
			.map(Chunk::text)
			.collect(Collectors.joining("\n\n"));
		if (text.isEmpty()) {
			throw new NotFoundException("No page " + page + " in document '" + doc + "'");
		}
		CallToolResult.Builder result = CallToolResult.builder()
			.addTextContent((text.length() > MAX_PAGE_TEXT) ? text.substring(0, MAX_PAGE_TEXT) + "…" : text);
		if (Boolean.TRUE.equals(args.get("image"))) {
			String quote = string(args, "quote", false);
			try {
				byte[] png = Files.readAllBytes(this.pages.png(kb, doc, page, quote));
				result
					.addContent(new McpSchema.ImageContent(null, Base64.getEncoder().encodeToString(png), "image/png"));
			}
			catch (IOException ex) {
				throw new NotFoundException("No document '" + doc + "' in '" + kb + "'");
			}
		}
		return result.build();
	}

	private Object upload(Caller caller, Map<String, Object> args) {
		String kb = string(args, "knowledge_base", true);
		caller.require(Scope.UPLOAD, kb);
		String filename = string(args, "filename", true);
		String text = string(args, "text", false);
		String base64 = string(args, "base64", false);
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
				.submit(kb, List.of(new Documents.Upload(filename, temp)), null, null)
				.get(0);
			return ordered("document_id", submitted.document().id(), "filename", submitted.document().filename(),
					"status", submitted.document().status().name(), "duplicate_of", submitted.duplicateOf());
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

	private Object listKnowledgeBases(Caller caller) {
		return Map.of("knowledge_bases",
				this.knowledgeBases.list()
					.stream()
					.filter((kb) -> caller.mayUse(kb.id()))
					.map((kb) -> ordered("id", kb.id(), "name", kb.name(), "description", kb.description()))
					.toList());
	}

	private Object listDocuments(Caller caller, Map<String, Object> args) {
		String kb = see(caller, string(args, "knowledge_base", true));
		List<Map<String, Object>> listed = new ArrayList<>();
		for (Document document : this.documents.list(kb)) {
			listed.add(ordered("id", document.id(), "filename", document.filename(), "media_type", document.mediaType(),
					"status", document.status().name(), "created_at", String.valueOf(document.createdAt())));
		}
		return Map.of("knowledge_base", kb, "documents", listed);
	}

	private Object search(Caller caller, Map<String, Object> args) {
		String kb = string(args, "knowledge_base", true);
		caller.require(Scope.CHAT, kb);
		String query = string(args, "query", true);
		if (query.isBlank() || query.length() > MAX_QUERY) {
			throw new RejectedInputException("query must hold 1 to " + MAX_QUERY + " characters");
		}
		int topK = integer(args, "top_k", 5, 1, MAX_TOP_K);
		this.knowledgeBases.searchable(kb);
		SearchRequest search = new SearchRequest(kb, query, topK, SearchMode.of(string(args, "mode", false)),
				strings(args, "document_ids"), MetadataFilter.parse(args.get("filter")));
		return Map.of("results",
				this.search.search(search)
					.chunks()
					.stream()
					.map((hit) -> ordered("document_id", hit.chunk().documentId(), "filename", hit.chunk().filename(),
							"page", hit.chunk().page(), "heading_path", hit.chunk().headingPath(), "chunk_id",
							hit.chunk().id(), "score", hit.score(), "text", hit.chunk().text()))
					.toList());
	}

	private Object ask(Caller caller, Map<String, Object> args) {
		caller.require(Scope.CHAT, null);
		String question = string(args, "question", true);
		String sessionId = string(args, "session_id", false);
		List<String> knowledgeBases = strings(args, "knowledge_bases");
		List<String> documents = strings(args, "documents");
		Caller asking;
		if (sessionId != null) {
			asking = this.sessions.resume(caller, sessionId);
			if (knowledgeBases != null || documents != null) {
				this.sessions.rescope(asking, sessionId, (knowledgeBases != null) ? knowledgeBases : List.of(),
						(documents != null) ? documents : List.of());
			}
		}
		else {
			String kb = (knowledgeBases != null && !knowledgeBases.isEmpty() && args.get("knowledge_base") == null)
					? knowledgeBases.get(0) : string(args, "knowledge_base", true);
			caller.require(Scope.CHAT, kb);
			sessionId = this.sessions.start(caller, new SessionStart(kb, null, null, knowledgeBases, documents))
				.session()
				.id();
			asking = caller.inSession(sessionId);
		}
		boolean trace = flag(args, "trace");
		this.audit.questionAsked(caller.keyId(), sessionId, question);
		Conversations.Asked asked = this.conversations.ask(asking, sessionId, question, List.of(), null, trace,
				(token) -> {
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
		return result;
	}

	private static String see(Caller caller, String knowledgeBase) {
		if (caller.kind() != Caller.Kind.API_KEY || !caller.mayUse(knowledgeBase)) {
			throw new NotFoundException("No knowledge base '" + knowledgeBase + "'");
		}
		return knowledgeBase;
	}

	private static String string(Map<String, Object> args, String name, boolean required) {
		Object value = args.get(name);
		if (value == null) {
			if (required) {
				throw new RejectedInputException(name + " is required");
			}
			return null;
		}
		if (!(value instanceof String text)) {
			throw new RejectedInputException(name + " must be a string");
		}
		return text;
	}

	private static boolean flag(Map<String, Object> args, String name) {
		Object value = args.get(name);
		if (value != null && !(value instanceof Boolean)) {
			throw new RejectedInputException(name + " must be true or false");
		}
		return Boolean.TRUE.equals(value);
	}

	/**
	 * An integer argument, checked against its range before it is narrowed to an
	 * {@code int}: {@code 4294967301} is refused, not read as 5.
	 */
	private static int integer(Map<String, Object> args, String name, int fallback, int min, int max) {
		Object value = args.get(name);
		if (value == null) {
			return fallback;
		}
		// a long or a big integer beyond the int range is a double beyond min..max, and
		// NaN is not whole
		if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())
				|| number.doubleValue() < min || number.doubleValue() > max) {
			throw new RejectedInputException(name + " must be an integer from " + min + " to " + max);
		}
		return number.intValue();
	}

	private static List<String> strings(Map<String, Object> args, String name) {
		Object value = args.get(name);
		if (value == null) {
			return null;
		}
		if (!(value instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
			throw new RejectedInputException(name + " must be a list of strings");
		}
		return list.stream().map(String.class::cast).toList();
	}

	private static Map<String, Object> ordered(Object... pairs) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put((String) pairs[i], pairs[i + 1]);
		}
		return map;
	}

	private SyncToolSpecification tool(McpJsonMapper json, String name, String description, String schema,
			BiFunction<Caller, Map<String, Object>, Object> action) {
		return SyncToolSpecification.builder()
			.tool(McpSchema.Tool.builder().name(name).description(description).inputSchema(json, schema).build())
			.callHandler((exchange, request) -> call(exchange, request, action))
			.build();
	}

	private CallToolResult call(McpSyncServerExchange exchange, McpSchema.CallToolRequest request,
			BiFunction<Caller, Map<String, Object>, Object> action) {
		try {
			if (!(exchange.transportContext().get(CALLER) instanceof Caller caller)) {
				throw new ForbiddenException("This needs an API key");
			}
			Map<String, Object> args = (request.arguments() != null) ? request.arguments() : Map.of();
			Object result = action.apply(caller, args);
			if (result instanceof CallToolResult ready) {
				return ready;
			}
			return CallToolResult.builder().addTextContent(this.objectMapper.writeValueAsString(result)).build();
		}
		catch (RagChatException ex) {
			return CallToolResult.builder().addTextContent(ex.getMessage()).isError(true).build();
		}
		catch (JsonProcessingException | RuntimeException ex) {
			logger.error("MCP tool {} failed", request.name(), ex);
			return CallToolResult.builder()
				.addTextContent("Something went wrong on our side; the error was logged")
				.isError(true)
				.build();
		}
	}

}
