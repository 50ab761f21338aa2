package dev.ragchat.api.openai.web;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragchat.answer.Turn;
import dev.ragchat.api.chat.SessionSettings;
import dev.ragchat.errors.RejectedInputException;
import dev.ragchat.retrieval.MetadataFilter;

/**
 * A {@code POST /v1/chat/completions} body, read and checked: every parameter that asks
 * for something ragchat does not do is refused, none is ignored. A parameter sent as
 * {@code null}, {@code false}, an empty list or object (or {@code n: 1}) asks for nothing
 * and passes.
 *
 * @param model the model id
 * @param history the user and assistant turns before the question, oldest first
 * @param question the last user message
 * @param settings the system prompt (system and developer messages) and temperature
 * @param stream whether to answer as {@code chat.completion.chunk} events
 * @param filter the extension field {@code filter}: only sources whose document values
 * pass it, or {@code null}
 * @param trace the extension field {@code trace}: whether the answer comes with its trace
 * (the stages as they ran)
 * @param knowledgeBases the extension field {@code knowledgeBases}: more knowledge bases
 * to ask with the model's, at once
 * @param documents the extension field {@code documents}: only these documents of them
 */
record CompletionRequest(String model, List<Turn> history, String question, SessionSettings settings, boolean stream,
		MetadataFilter filter, boolean trace, List<String> knowledgeBases, List<String> documents) {

	private static final Set<String> SUPPORTED = Set.of("model", "messages", "stream", "stream_options", "temperature",
			"n", "user", "filter", "trace", "knowledgeBases", "documents");

	private static final ObjectMapper json = new ObjectMapper();

	private static final double MIN_TEMPERATURE = Double.parseDouble(SessionSettings.MIN_TEMPERATURE);

	private static final double MAX_TEMPERATURE = Double.parseDouble(SessionSettings.MAX_TEMPERATURE);

	static CompletionRequest of(JsonNode body) {
		if (body == null || !body.isObject()) {
			throw OpenAiRefusal.invalid("The request body must be a JSON object", null);
		}
		for (Iterator<Map.Entry<String, JsonNode>> fields = body.fields(); fields.hasNext();) {
			Map.Entry<String, JsonNode> field = fields.next();
			if (!SUPPORTED.contains(field.getKey()) && asksForSomething(field.getValue())) {
				throw OpenAiRefusal.unsupported(field.getKey());
			}
		}
		JsonNode n = body.path("n");
		if (asksForSomething(n) && !(n.isIntegralNumber() && n.asInt() == 1)) {
			throw OpenAiRefusal.unsupported("n");
		}
		if (asksForSomething(body.path("stream_options").path("include_usage"))) {
			throw OpenAiRefusal.unsupported("stream_options.include_usage");
		}
		JsonNode model = body.path("model");
		if (!model.isTextual() || model.asText().isBlank()) {
			throw OpenAiRefusal.invalid(
					"model is required: an id from GET /v1/models (kb:<id> or config:<id>, optionally @<model>)",
					"model");
		}
		JsonNode stream = body.path("stream");
		if (!stream.isMissingNode() && !stream.isNull() && !stream.isBoolean()) {
			throw OpenAiRefusal.invalid("stream must be true or false", "stream");
		}
		JsonNode trace = body.path("trace");
		if (!trace.isMissingNode() && !trace.isNull() && !trace.isBoolean()) {
			throw OpenAiRefusal.invalid("trace must be true or false", "trace");
		}
		JsonNode temperature = body.path("temperature");
		if (!temperature.isMissingNode() && !temperature.isNull() && !temperature.isNumber()) {
			throw OpenAiRefusal.invalid("temperature must be a number", "temperature");
		}
		// the bounds of POST /sessions, which are OpenAI's; 1e400 reads as infinity
		if (temperature.isNumber()
				&& !(temperature.doubleValue() >= MIN_TEMPERATURE && temperature.doubleValue() <= MAX_TEMPERATURE)) {
			throw OpenAiRefusal.invalid("temperature must be between " + SessionSettings.MIN_TEMPERATURE + " and "
					+ SessionSettings.MAX_TEMPERATURE + "; got " + temperature.asText(), "temperature");
		}
		Messages messages = Messages.of(body.path("messages"));
		MetadataFilter filter;
		try {
			filter = MetadataFilter.parse(json.convertValue(body.path("filter"), Object.class));
		}
		catch (RejectedInputException ex) {
			throw OpenAiRefusal.invalid(ex.getMessage(), "filter");
		}
		return new CompletionRequest(model.asText(), messages.history(), messages.question(),
				new SessionSettings(messages.systemPrompt(), null,
						temperature.isNumber() ? temperature.asDouble() : null, null),
				stream.asBoolean(false), filter, trace.asBoolean(false),
				ids(body.path("knowledgeBases"), "knowledgeBases"), ids(body.path("documents"), "documents"));
	}

	/**
	 * An extension field that lists ids: missing, {@code null} or a list of texts.
	 */
	private static List<String> ids(JsonNode ids, String field) {
		if (ids.isMissingNode() || ids.isNull()) {
			return List.of();
		}
		if (!ids.isArray()) {
			throw OpenAiRefusal.invalid(field + " must be a list of ids", field);
		}
		List<String> all = new ArrayList<>();
		for (int i = 0; i < ids.size(); i++) {
			JsonNode id = ids.get(i);
			if (!id.isTextual() || id.asText().isBlank() || id.asText().length() > 100) {
				throw OpenAiRefusal.invalid(field + "[" + i + "] must be an id (1 to 100 characters)",
						field + "[" + i + "]");
			}
			all.add(id.asText());
		}
		return all;
	}

	private static boolean asksForSomething(JsonNode value) {
		return !(value.isMissingNode() || value.isNull() || (value.isBoolean() && !value.asBoolean())
				|| (value.isContainerNode() && value.isEmpty()));
	}

	/**
	 * The messages, sorted: system and developer messages make the system prompt, the
	 * last message is the question, user and assistant turns before it the history.
	 */
	private record Messages(List<Turn> history, String question, String systemPrompt) {

		private static final Set<String> MESSAGE_FIELDS = Set.of("role", "content", "name");

		static Messages of(JsonNode messages) {
			if (!messages.isArray() || messages.isEmpty()) {
				throw OpenAiRefusal.invalid("messages must be a non-empty list ending with the user's question",
						"messages");
			}
			List<Turn> turns = new ArrayList<>();
			List<String> system = new ArrayList<>();
			for (int i = 0; i < messages.size(); i++) {
				String at = "messages[" + i + "]";
				JsonNode message = messages.get(i);
				if (!message.isObject()) {
					throw OpenAiRefusal.invalid(at + " must be an object with role and content", at);
				}
				for (Iterator<Map.Entry<String, JsonNode>> fields = message.fields(); fields.hasNext();) {
					Map.Entry<String, JsonNode> field = fields.next();
					if (!MESSAGE_FIELDS.contains(field.getKey()) && asksForSomething(field.getValue())) {
						throw OpenAiRefusal.unsupported(at + "." + field.getKey());
					}
				}
				String role = message.path("role").asText("");
				String content = content(message.path("content"), at + ".content");
				switch (role) {
					case "system", "developer" -> system.add(content);
					case Turn.USER, Turn.ASSISTANT -> turns.add(new Turn(role, content));
					default -> throw OpenAiRefusal.invalid(
							at + ".role must be system, developer, user or assistant (no tools here)", at + ".role");
				}
			}
			JsonNode last = messages.get(messages.size() - 1);
			if (!Turn.USER.equals(last.path("role").asText())) {
				throw OpenAiRefusal.invalid("The last message must be the user's question", "messages");
			}
			Turn question = turns.remove(turns.size() - 1);
			return new Messages(List.copyOf(turns), question.content(),
					system.isEmpty() ? null : String.join("\n\n", system));
		}

		private static String content(JsonNode content, String at) {
			if (content.isTextual()) {
				return content.asText();
			}
			if (content.isArray()) {
				StringBuilder text = new StringBuilder();
				for (int i = 0; i < content.size(); i++) {
					JsonNode part = content.get(i);
					if (!"text".equals(part.path("type").asText()) || !part.path("text").isTextual()) {
						throw OpenAiRefusal.invalid(
								at + "[" + i + "]: only text parts are supported ({\"type\":\"text\",\"text\":…})",
								at + "[" + i + "]");
					}
					text.append((text.isEmpty()) ? "" : "\n").append(part.path("text").asText());
				}
				return text.toString();
			}
			throw OpenAiRefusal.invalid(at + " must be a string or a list of text parts", at);
		}

	}

}
