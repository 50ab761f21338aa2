package dev.ragchat.api.mcp;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragchat.api.access.Caller;
import dev.ragchat.api.access.Scope;
import dev.ragchat.ingestion.DocumentStore;
import dev.ragchat.ingestion.Documents;
import dev.ragchat.ingestion.TestIngestion;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.jackson.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code list_documents} pages, as {@code GET .../documents} does, through the catalog's
 * page query: the knowledge base is never read whole, however many documents it holds and
 * whether or not the call asks for a page. The tests only read: they share one knowledge
 * base.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class McpListDocumentsTests {

	private static final ObjectMapper json = new ObjectMapper();

	@TempDir
	static Path dir;

	/** The catalog methods the test's own thread called. */
	final List<String> called = new CopyOnWriteArrayList<>();

	TestIngestion ingestion;

	SyncToolSpecification tool;

	@BeforeAll
	void knowledgeBaseOfDocuments() throws Exception {
		this.ingestion = new TestIngestion(dir.resolve("service"), this::recorded);
		this.ingestion.pause();
		for (int i = 0; i < 105; i++) {
			Path file = Files.writeString(dir.resolve("notes-" + i + ".txt"), "Notes number " + i + ".");
			this.ingestion.documents()
				.submit(TestIngestion.KNOWLEDGE_BASE,
						List.of(new Documents.Upload(((i % 2 == 0) ? "Notes-" : "memo-") + i + ".txt", file)), null,
						null);
		}
		ToolCalls calls = new ToolCalls(json);
		this.tool = new KnowledgeTools(this.ingestion.knowledgeBases(), this.ingestion.documents(), null,
				new AnswerTools(null, null, null, null, null, calls), calls)
			.specifications(new JacksonMcpJsonMapper(json))
			.stream()
			.filter((specification) -> specification.tool().name().equals("list_documents"))
			.findFirst()
			.orElseThrow();
	}

	@BeforeEach
	void forget() {
		this.called.clear();
	}

	@AfterAll
	void close() throws Exception {
		this.ingestion.close();
	}

	@Test
	void asksTheCatalogForThePageAndNeverForTheWholeKnowledgeBase() throws Exception {
		JsonNode page = list(Map.of("knowledge_base", TestIngestion.KNOWLEDGE_BASE, "filename_contains", "NOTES",
				"offset", 2, "limit", 3));
		// the even ones are Notes-, in upload order
		assertThat(filenames(page)).containsExactly("Notes-4.txt", "Notes-6.txt", "Notes-8.txt");
		assertThat(page.get("total").asInt()).isEqualTo(53);
		assertThat(page.get("offset").asInt()).isEqualTo(2);
		assertThat(page.get("limit").asInt()).isEqualTo(3);
		assertThat(page.get("next_offset").asInt()).isEqualTo(5);
		assertThat(this.called).contains("findPage").doesNotContain("findByKnowledgeBase");
	}

	@Test
	void aCallWithoutAPageGetsTheFirstHundredAndWhereTheNextStarts() throws Exception {
		JsonNode first = list(Map.of("knowledge_base", TestIngestion.KNOWLEDGE_BASE));
		assertThat(first.get("documents")).hasSize(100);
		assertThat(first.get("total").asInt()).isEqualTo(105);
		assertThat(first.get("next_offset").asInt()).isEqualTo(100);
		JsonNode last = list(Map.of("knowledge_base", TestIngestion.KNOWLEDGE_BASE, "offset", 100));
		assertThat(filenames(last)).containsExactly("Notes-100.txt", "memo-101.txt", "Notes-102.txt", "memo-103.txt",
				"Notes-104.txt");
		assertThat(last.has("next_offset")).isFalse();
		assertThat(this.called).contains("findPage").doesNotContain("findByKnowledgeBase");
	}

	@Test
	void refusesASearchTextLongerThanTheListTakes() {
		CallToolResult result = call(
				Map.of("knowledge_base", TestIngestion.KNOWLEDGE_BASE, "filename_contains", "x".repeat(201)));
		assertThat(result.isError()).isTrue();
		assertThat(((McpSchema.TextContent) result.content().get(0)).text())
			.isEqualTo("filename_contains may hold at most 200 characters");
	}

	private JsonNode list(Map<String, Object> arguments) throws Exception {
		CallToolResult result = call(arguments);
		assertThat(result.isError()).isNotEqualTo(Boolean.TRUE);
		return json.readTree(((McpSchema.TextContent) result.content().get(0)).text());
	}

	private CallToolResult call(Map<String, Object> arguments) {
		Caller caller = new Caller(Caller.Kind.API_KEY, "key-1", Set.of(Scope.CHAT),
				List.of(TestIngestion.KNOWLEDGE_BASE), null, null, null);
		McpSyncServerExchange exchange = new McpSyncServerExchange(new McpAsyncServerExchange("session", null, null,
				null, McpTransportContext.create(Map.of(KnowledgeTools.CALLER, caller))));
		return this.tool.callHandler().apply(exchange, new McpSchema.CallToolRequest("list_documents", arguments));
	}

	private static List<String> filenames(JsonNode page) {
		return page.get("documents").findValuesAsText("filename");
	}

	/**
	 * @return the store, recording each method the test's thread calls (the workers'
	 * calls aside)
	 */
	private DocumentStore recorded(DocumentStore store) {
		Thread test = Thread.currentThread();
		return (DocumentStore) Proxy.newProxyInstance(DocumentStore.class.getClassLoader(),
				new Class<?>[] { DocumentStore.class }, (proxy, method, args) -> {
					if (Thread.currentThread() == test) {
						this.called.add(method.getName());
					}
					try {
						return method.invoke(store, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

}
