package dev.ragchat.api.mcp.web;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragchat.api.access.Caller;
import dev.ragchat.api.mcp.KnowledgeTools;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.WebMvcStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The MCP server (the MCP Java SDK, Streamable HTTP on Spring MVC) at {@value #ENDPOINT}.
 * The security filter chain has authenticated the request before the transport sees it,
 * {@link McpRequestGuard} has checked it; the transport hands the caller to the tools
 * through the call's context.
 */
@Configuration(proxyBeanMethods = false)
class McpServerConfiguration {

	static final String ENDPOINT = "/mcp";

	private static final String INSTRUCTIONS = "ragchat answers questions from document knowledge bases with"
			+ " citations. Call list_knowledge_bases first, then search (passages) or ask (a cited answer)"
			+ " with a knowledge_base id.";

	@Bean
	WebMvcStreamableServerTransportProvider mcpTransport() {
		return WebMvcStreamableServerTransportProvider.builder()
			.jsonMapper(mcpJsonMapper())
			.mcpEndpoint(ENDPOINT)
			.contextExtractor((request) -> {
				Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
				if (authentication != null && authentication.getPrincipal() instanceof Caller caller) {
					return McpTransportContext.create(Map.of(KnowledgeTools.CALLER, caller));
				}
				return McpTransportContext.EMPTY;
			})
			.build();
	}

	@Bean(destroyMethod = "closeGracefully")
	McpSyncServer mcpServer(WebMvcStreamableServerTransportProvider transport, KnowledgeTools tools,
			ObjectProvider<BuildProperties> build) {
		BuildProperties properties = build.getIfAvailable();
		return McpServer.sync(transport)
			.serverInfo("ragchat", (properties != null) ? properties.getVersion() : "dev")
			.instructions(INSTRUCTIONS)
			.capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
			.tools(tools.specifications(mcpJsonMapper()))
			.build();
	}

	/**
	 * The transport's routes behind {@link McpRequestGuard}, which answers what the SDK
	 * would mishandle and binds each session to the key that initialized it.
	 */
	@Bean
	RouterFunction<ServerResponse> mcpRoutes(WebMvcStreamableServerTransportProvider transport, McpSyncServer server) {
		return transport.getRouterFunction()
			.filter(new McpRequestGuard(mcpJsonMapper(), new ToolArguments(server.listTools())));
	}

	private static McpJsonMapper mcpJsonMapper() {
		return new JacksonMcpJsonMapper(new ObjectMapper());
	}

}
