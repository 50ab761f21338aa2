package dev.ragchat.api.mcp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.ragchat.api.access.Caller;
import dev.ragchat.api.access.Scope;
import dev.ragchat.errors.NotFoundException;
import dev.ragchat.errors.RejectedInputException;
import dev.ragchat.ingestion.DocumentPages;
import dev.ragchat.ingestion.DocumentQuery;
import dev.ragchat.ingestion.Documents;
import dev.ragchat.ingestion.KnowledgeBases;
import dev.ragchat.retrieval.Chunk;
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
 * The MCP tools: {@code list_knowledge_bases}, {@code list_documents}, {@code get_page}
 * and {@code upload_document} here, {@code search} and {@code ask} in
 * {@link AnswerTools}; each a method annotated {@link McpTool}: its input schema is
 * generated from the method's typed parameters ({@link McpToolParam} gives a parameter's
 * description and whether it is required, {@link Min @Min} and {@link Max @Max} an
 * integer's bounds), and the arguments arrive as those types ({@link McpToolMethods}). A
 * parameter's name is the argument's: mcp-annotations reads it from the compiled method
 * ({@code -parameters}) and has no way to rename it, so the names are snake_case as the
 * tools' arguments always were. The transport's guard has checked the arguments against
 * the schema before a method runs. The caller is what the transport put into the
 * request's context under {@link #CALLER}; every tool checks it as the REST endpoint of
 * the same action does ({@link ToolCalls}).
 */
public final class KnowledgeTools {

	/** Where the transport puts the authenticated {@link Caller}. */
	public static final String CALLER = "ragchat.caller";

	private static final Logger logger = LoggerFactory.getLogger(KnowledgeTools.class);

	private static final int MAX_PAGE_TEXT = 50_000;

	/** A page of {@code list_documents} when none is asked for. */
	private static final int DEFAULT_DOCUMENTS = 100;

	private final KnowledgeBases knowledgeBases;

	private final Documents documents;

	private final DocumentPages pages;

	private final AnswerTools answers;

	private final ToolCalls calls;

	KnowledgeTools(KnowledgeBases knowledgeBases, Documents documents, DocumentPages pages, AnswerTools answers,
			ToolCalls calls) {
		this.knowledgeBases = knowledgeBases;
		this.documents = documents;
		this.pages = pages;
		this.answers = answers;
		this.calls = calls;
	}

	/**
	 * @param json the mapper the schemas are read with
	 * @return the tools, these and {@link AnswerTools}' ({@code search}, {@code ask}),
	 * each with its input schema (generated from its method's typed parameters) and
	 * description
	 */
	public List<SyncToolSpecification> specifications(McpJsonMapper json) {
		return McpToolMethods.specifications(List.of(this, this.answers), json);
	}

	@McpTool(name = "list_knowledge_bases",
			description = "Lists the knowledge bases this API key may use: id, name and description. Start here to"
					+ " find the knowledge_base id the other tools take.",
			annotations = @McpAnnotations(title = "List knowledge bases", readOnlyHint = true, destructiveHint = false,
					idempotentHint = true, openWorldHint = false))
	CallToolResult listKnowledgeBases(McpSyncServerExchange exchange) {
		Caller caller = ToolCalls.caller(exchange);
		return this.calls.json(Map.of("knowledge_bases",
				this.knowledgeBases.list()
					.stream()
					.filter((kb) -> caller.mayUse(kb.id()))
					.map((kb) -> ToolCalls.ordered("id", kb.id(), "name", kb.name(), "description", kb.description()))
					.toList()));
	}

	@McpTool(name = "list_documents",
			description = "Lists the documents of a knowledge base, a page at a time (oldest upload first): id,"
					+ " filename, media type, status (READY documents are searchable) and when it was uploaded;"
					+ " total is how many matched, next_offset the offset of the next page when there is one."
					+ " filename_contains finds documents by name.",
			annotations = @McpAnnotations(title = "List documents", readOnlyHint = true, destructiveHint = false,
					idempotentHint = true, openWorldHint = false))
	CallToolResult listDocuments(McpSyncServerExchange exchange,
			@McpToolParam(description = "a knowledge base id from list_knowledge_bases") String knowledge_base,
			@McpToolParam(required = false,
					description = "only documents whose file name contains this text"
							+ " (case-blind, at most 200 characters)") String filename_contains,
			@McpToolParam(required = false,
					description = "how many documents to skip (default 0)") @Min(0) @Max(Integer.MAX_VALUE) Integer offset,
			@McpToolParam(required = false, description = "the most documents to return (default " + DEFAULT_DOCUMENTS
					+ ")") @Min(1) @Max(DocumentQuery.MAX_LIMIT) Integer limit) {
		String kb = ToolCalls.see(ToolCalls.caller(exchange), knowledge_base);
		if (filename_contains != null && filename_contains.length() > DocumentQuery.MAX_NAME_CONTAINS) {
			throw new RejectedInputException(
					"filename_contains may hold at most " + DocumentQuery.MAX_NAME_CONTAINS + " characters");
		}
		int skip = (offset != null) ? offset : 0;
		int most = (limit != null) ? limit : DEFAULT_DOCUMENTS;
		// the catalog searches and cuts the page, as for GET .../documents: the knowledge
		// base is never read whole
		DocumentQuery.Page page = this.documents.page(kb,
				new DocumentQuery(filename_contains, DocumentQuery.Order.UPLOAD, false, skip, most));
		Map<String, Object> answer = ToolCalls.ordered("knowledge_base", kb, "documents",
				page.documents()
					.stream()
					.map((document) -> ToolCalls.ordered("id", document.id(), "filename", document.filename(),
							"media_type", document.mediaType(), "status", document.status().name(), "created_at",
							String.valueOf(document.createdAt())))
					.toList(),
				"total", page.total(), "offset", skip, "limit", most);
		if (skip + page.documents().size() < page.total()) {
			answer.put("next_offset", skip + page.documents().size());
		}
		return this.calls.json(answer);
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
		String kb = ToolCalls.see(ToolCalls.caller(exchange), knowledge_base);
		String text = this.documents.chunks(kb, document_id)
			.stream()
			.filter((chunk) -> chunk.page() <= page && page <= chunk.pageEnd())
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
		ToolCalls.caller(exchange).require(Scope.UPLOAD, knowledge_base);
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
			return this.calls.json(ToolCalls.ordered("document_id", submitted.document().id(), "filename",
					submitted.document().filename(), "status", submitted.document().status().name(), "duplicate_of",
					submitted.duplicateOf()));
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

}
