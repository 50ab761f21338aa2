package dev.ragchat.api.openai.web;

import java.util.Map;

import dev.ragchat.api.web.OpenAiErrors;
import dev.ragchat.api.web.Problems;
import dev.ragchat.errors.BusyException;
import dev.ragchat.errors.RagChatException;
import dev.ragchat.errors.TooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The chat API's refusals as OpenAI error bodies (the REST API's problems, reworded
 * nowhere): before {@code ProblemResponses}, for this controller only. The errors raised
 * before a controller is chosen become the same shape through
 * {@link OpenAiProblemBodies}.
 */
@RestControllerAdvice(assignableTypes = ChatCompletionController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class OpenAiErrorResponses {

	private static final Logger logger = LoggerFactory.getLogger(OpenAiErrorResponses.class);

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> refused(OpenAiRefusal ex) {
		return error(ex.status(), ex.getMessage(), ex.param(), ex.code());
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> busy(BusyException ex) {
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, Integer.toString(ex.retryAfterSeconds()))
			.contentType(MediaType.APPLICATION_JSON)
			.body(OpenAiErrors.body(HttpStatus.TOO_MANY_REQUESTS, ex.getMessage(), null, null));
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> refused(RagChatException ex) {
		return error(Problems.status(ex), ex.getMessage(), null, null);
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof TooLargeException tooLarge) {
				return error(HttpStatus.PAYLOAD_TOO_LARGE, tooLarge.getMessage(), null, null);
			}
		}
		return error(HttpStatus.BAD_REQUEST, "The request body is missing or is not JSON", null, null);
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> notJson(HttpMediaTypeNotSupportedException ex) {
		return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send the request body as application/json", null, null);
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> unexpected(Exception ex) {
		logger.error("Unexpected error", ex);
		return error(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side; the error was logged", null,
				null);
	}

	private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message, String param,
			String code) {
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.body(OpenAiErrors.body(status, message, param, code));
	}

}
