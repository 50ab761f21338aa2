package dev.ragchat.api.mcp;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import dev.ragchat.errors.RagChatException;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springaicommunity.mcp.annotation.McpTool;
import org.springaicommunity.mcp.provider.tool.SyncMcpToolProvider;

import org.springframework.ai.mcp.annotation.spring.AnnotationProviderUtil;
import org.springframework.util.StringUtils;

/**
 * The {@link McpTool} methods of an object as the MCP SDK's tool specifications, through
 * mcp-annotations' {@link SyncMcpToolProvider} (0.8, as Spring AI 1.1.3's
 * {@code SyncMcpAnnotationProviders} uses it): it generates each tool's input schema from
 * the method's typed parameters and converts the arguments to those types. Three gaps of
 * it are filled here, by hand because it has no hook for them:
 * <ul>
 * <li>it generates a parameter's schema from its type alone, so an integer's bounds
 * ({@link Min @Min}, {@link Max @Max} on the parameter) would not reach the schema, where
 * the transport's guard checks them and a client reads them: they are added to the
 * parameter's property as {@code minimum} and {@code maximum};</li>
 * <li>it answers any exception of a tool as a tool error worded with its root cause's
 * message, and logs nothing, so a bug's internals would reach the client and the log
 * would not: here it rethrows every exception ({@link #NO_TOOL_ERROR}), a refusal (a
 * {@link RagChatException}) becomes a tool error with its own message, the REST problem's
 * wording, and anything else is logged and answered without its details;</li>
 * <li>it reads the arguments from the request's map, which is {@code null} when a call
 * sends none: such a call gets an empty one.</li>
 * </ul>
 */
final class McpToolMethods {

	/**
	 * The exception class mcp-annotations would answer as a tool error itself: no
	 * exception is an {@link Error}, so it rethrows every one to {@link #call}.
	 */
	private static final Class<? extends Throwable> NO_TOOL_ERROR = Error.class;

	private static final Logger logger = LoggerFactory.getLogger(McpToolMethods.class);

	private McpToolMethods() {
	}

	/**
	 * @param tools objects with methods annotated {@link McpTool}
	 * @param json the mapper the generated schemas are read with
	 * @return a tool for each method, of each object in turn
	 */
	static List<SyncToolSpecification> specifications(List<Object> tools, McpJsonMapper json) {
		Map<String, Method> methods = new HashMap<>();
		for (Object object : tools) {
			for (Method method : AnnotationProviderUtil.beanMethods(object)) {
				McpTool tool = method.getAnnotation(McpTool.class);
				if (tool != null) {
					methods.put(StringUtils.hasText(tool.name()) ? tool.name() : method.getName(), method);
				}
			}
		}
		Provider provider = new Provider(tools);
		provider.setJsonMapper(json);
		return provider.getToolSpecifications()
			.stream()
			.map((specification) -> SyncToolSpecification.builder()
				.tool(bounded(specification.tool(), methods.get(specification.tool().name())))
				.callHandler((exchange, request) -> call(specification.callHandler(), exchange, request))
				.build())
			.toList();
	}

	/** The tool, with its parameters' {@link Min} and {@link Max} in its input schema. */
	@SuppressWarnings("unchecked")
	private static McpSchema.Tool bounded(McpSchema.Tool tool, Method method) {
		McpSchema.JsonSchema schema = tool.inputSchema();
		Map<String, Object> properties = new LinkedHashMap<>(schema.properties());
		for (Parameter parameter : method.getParameters()) {
			Min min = parameter.getAnnotation(Min.class);
			Max max = parameter.getAnnotation(Max.class);
			if (min != null || max != null) {
				Map<String, Object> property = new LinkedHashMap<>(
						(Map<String, Object>) properties.get(parameter.getName()));
				if (min != null) {
					property.put("minimum", min.value());
				}
				if (max != null) {
					property.put("maximum", max.value());
				}
				properties.put(parameter.getName(), property);
			}
		}
		return new McpSchema.Tool(
				tool.name(), tool.title(), tool.description(), new McpSchema.JsonSchema(schema.type(), properties,
						schema.required(), schema.additionalProperties(), schema.defs(), schema.definitions()),
				tool.outputSchema(), tool.annotations(), tool.meta());
	}

	private static CallToolResult call(BiFunction<McpSyncServerExchange, CallToolRequest, CallToolResult> method,
			McpSyncServerExchange exchange, CallToolRequest request) {
		try {
			return method.apply(exchange, (request.arguments() != null) ? request
					: new CallToolRequest(request.name(), Map.of(), request.meta()));
		}
		catch (RuntimeException ex) {
			RagChatException refusal = refusal(ex);
			if (refusal != null) {
				return CallToolResult.builder().addTextContent(refusal.getMessage()).isError(true).build();
			}
			logger.error("MCP tool {} failed", request.name(), ex);
			return CallToolResult.builder()
				.addTextContent("Something went wrong on our side; the error was logged")
				.isError(true)
				.build();
		}
	}

	/**
	 * The refusal a tool threw, which reaches here wrapped: mcp-annotations invokes the
	 * method reflectively and rethrows what it threw as the cause of a
	 * {@link RuntimeException}.
	 */
	private static RagChatException refusal(Throwable thrown) {
		for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
			if (cause instanceof RagChatException refusal) {
				return refusal;
			}
		}
		return null;
	}

	private static final class Provider extends SyncMcpToolProvider {

		Provider(List<Object> tools) {
			super(tools);
		}

		@Override
		protected Method[] doGetClassMethods(Object bean) {
			return AnnotationProviderUtil.beanMethods(bean);
		}

		@Override
		protected Class<? extends Throwable> doGetToolCallException() {
			return NO_TOOL_ERROR;
		}

	}

}
