package dev.ragchat.api.mcp;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragchat.api.access.Caller;
import dev.ragchat.api.access.Scope;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.jackson.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tools' input schemas as generated from the typed {@code @McpTool} methods of
 * {@link KnowledgeTools} and {@link AnswerTools}: every argument, its type, whether it is
 * required, its bounds and its words; and how a call's failures are answered.
 */
class McpToolMethodsTests {

	private static final String KB = "kb-1";

	private final ToolCalls calls = new ToolCalls(new ObjectMapper());

	private final Map<String, SyncToolSpecification> tools = new KnowledgeTools(null, null, null,
			new AnswerTools(null, null, null, null, null, this.calls), this.calls)
		.specifications(new JacksonMcpJsonMapper(new ObjectMapper()))
		.stream()
		.collect(Collectors.toMap((tool) -> tool.tool().name(), Function.identity()));

	@Test
	void eachToolTakesExactlyItsArgumentsWithTheirTypes() {
		assertThat(this.tools).containsOnlyKeys("list_knowledge_bases", "list_documents", "search", "ask", "get_page",
				"upload_document");
		assertThat(types("list_knowledge_bases")).isEmpty();
		assertThat(types("list_documents")).containsExactlyInAnyOrderEntriesOf(Map.of("knowledge_base", "string",
				"filename_contains", "string", "offset", "integer", "limit", "integer"));
		assertThat(types("search")).containsExactlyInAnyOrderEntriesOf(Map.of("knowledge_base", "string", "query",
				"string", "mode", "string", "top_k", "integer", "document_ids", "array", "filter", "object"));
		assertThat(types("ask"))
			.containsExactlyInAnyOrderEntriesOf(Map.of("knowledge_base", "string", "knowledge_bases", "array",
					"documents", "array", "question", "string", "session_id", "string", "trace", "boolean"));
		assertThat(types("get_page")).containsExactlyInAnyOrderEntriesOf(Map.of("knowledge_base", "string",
				"document_id", "string", "page", "integer", "image", "boolean", "quote", "string"));
		assertThat(types("upload_document")).containsExactlyInAnyOrderEntriesOf(
				Map.of("knowledge_base", "string", "filename", "string", "text", "string", "base64", "string"));
		for (String list : List.of("document_ids", "knowledge_bases", "documents")) {
			Map<String, Object> property = property(list.equals("document_ids") ? "search" : "ask", list);
			assertThat(property.get("items")).as(list).isEqualTo(Map.of("type", "string"));
		}
	}

	@Test
	void onlyTheArgumentsAToolCannotDoWithoutAreRequired() {
		assertThat(required("list_knowledge_bases")).isEmpty();
		assertThat(required("list_documents")).containsExactly("knowledge_base");
		assertThat(required("search")).containsExactlyInAnyOrder("knowledge_base", "query");
		assertThat(required("ask")).containsExactly("question");
		assertThat(required("get_page")).containsExactlyInAnyOrder("knowledge_base", "document_id", "page");
		assertThat(required("upload_document")).containsExactlyInAnyOrder("knowledge_base", "filename");
	}

	@Test
	void integersCarryTheirBoundsAndModeItsWords() {
		assertThat(property("search", "top_k")).containsEntry("minimum", 1L).containsEntry("maximum", 100L);
		assertThat(property("get_page", "page")).containsEntry("minimum", 1L)
			.containsEntry("maximum", (long) Integer.MAX_VALUE);
		assertThat(property("list_documents", "offset")).containsEntry("minimum", 0L)
			.containsEntry("maximum", (long) Integer.MAX_VALUE);
		assertThat(property("list_documents", "limit")).containsEntry("minimum", 1L).containsEntry("maximum", 500L);
		assertThat(property("search", "mode")).containsEntry("enum", List.of("hybrid", "vector", "keyword"));
	}

	@Test
	void everyToolAndArgumentIsDescribed() {
		this.tools.values().forEach((tool) -> {
			assertThat(tool.tool().description()).as(tool.tool().name()).isNotBlank();
			assertThat(tool.tool().inputSchema().type()).isEqualTo("object");
			tool.tool()
				.inputSchema()
				.properties()
				.forEach((name, property) -> assertThat(((Map<?, ?>) property).get("description"))
					.as(tool.tool().name() + "." + name)
					.asString()
					.isNotBlank());
		});
	}

	@Test
	void onlyTheToolsThatChangeNothingSayTheyAreReadOnly() {
		assertThat(this.tools.values()).allSatisfy((tool) -> {
			McpSchema.ToolAnnotations hints = tool.tool().annotations();
			assertThat(hints.readOnlyHint()).as(tool.tool().name())
				.isEqualTo(!Set.of("ask", "upload_document").contains(tool.tool().name()));
			assertThat(hints.destructiveHint()).as(tool.tool().name()).isFalse();
			assertThat(tool.tool().title()).as(tool.tool().name()).isNotBlank();
		});
	}

	@Test
	void aRefusalIsAToolErrorInItsOwnWords() {
		CallToolResult result = call(caller(), "list_documents", Map.of("knowledge_base", "another-kb"));
		assertThat(result.isError()).isTrue();
		assertThat(text(result)).isEqualTo("No knowledge base 'another-kb'");
	}

	@Test
	void aCallWithoutACallerIsRefused() {
		CallToolResult result = call(null, "list_documents", Map.of("knowledge_base", KB));
		assertThat(result.isError()).isTrue();
		assertThat(text(result)).isEqualTo("This needs an API key");
	}

	@Test
	void aFailureOfOursIsAToolErrorWithoutItsDetails() {
		// the tools here have no documents to list: the call fails with a
		// NullPointerException naming the field
		CallToolResult result = call(caller(), "list_documents", Map.of("knowledge_base", KB));
		assertThat(result.isError()).isTrue();
		assertThat(text(result)).isEqualTo("Something went wrong on our side; the error was logged");
	}

	@Test
	void aCallWithoutArgumentsReachesTheToolWithNone() {
		CallToolResult result = call(caller(), "ask", null);
		assertThat(result.isError()).isTrue();
		assertThat(text(result)).isEqualTo("knowledge_base is required");
	}

	private CallToolResult call(Caller caller, String tool, Map<String, Object> arguments) {
		McpTransportContext context = (caller != null)
				? McpTransportContext.create(Map.of(KnowledgeTools.CALLER, caller)) : McpTransportContext.EMPTY;
		McpSyncServerExchange exchange = new McpSyncServerExchange(
				new McpAsyncServerExchange("session", null, null, null, context));
		return this.tools.get(tool).callHandler().apply(exchange, new McpSchema.CallToolRequest(tool, arguments));
	}

	private static Caller caller() {
		return new Caller(Caller.Kind.API_KEY, "key-1", Set.of(Scope.CHAT, Scope.UPLOAD), List.of(KB), null, null,
				null);
	}

	private static String text(CallToolResult result) {
		return ((McpSchema.TextContent) result.content().get(0)).text();
	}

	private Map<String, Object> types(String tool) {
		return this.tools.get(tool)
			.tool()
			.inputSchema()
			.properties()
			.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, (entry) -> ((Map<?, ?>) entry.getValue()).get("type")));
	}

	private List<String> required(String tool) {
		List<String> required = this.tools.get(tool).tool().inputSchema().required();
		return (required != null) ? required : List.of();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> property(String tool, String name) {
		return (Map<String, Object>) this.tools.get(tool).tool().inputSchema().properties().get(name);
	}

}
