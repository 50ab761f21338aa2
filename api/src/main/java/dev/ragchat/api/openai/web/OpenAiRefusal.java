package dev.ragchat.api.openai.web;

import org.springframework.http.HttpStatus;

/**
 * A request the chat API refuses, with the parameter at fault as OpenAI names it.
 */
final class OpenAiRefusal extends RuntimeException {

	private final HttpStatus status;

	private final String param;

	private final String code;

	OpenAiRefusal(HttpStatus status, String message, String param, String code) {
		super(message);
		this.status = status;
		this.param = param;
		this.code = code;
	}

	static OpenAiRefusal invalid(String message, String param) {
		return new OpenAiRefusal(HttpStatus.BAD_REQUEST, message, param, "invalid_value");
	}

	static OpenAiRefusal unsupported(String param) {
		return new OpenAiRefusal(HttpStatus.BAD_REQUEST,
				"'" + param + "' is not supported by ragchat's chat completions: it answers from the knowledge base"
						+ " with citations, one choice, no tools",
				param, "unsupported_parameter");
	}

	HttpStatus status() {
		return this.status;
	}

	String param() {
		return this.param;
	}

	String code() {
		return this.code;
	}

}
