package dev.ragchat.api.web;

import java.util.stream.Collectors;

import dev.ragchat.errors.BusyException;
import dev.ragchat.errors.RagChatException;
import dev.ragchat.errors.TooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The HTTP edge: exceptions become RFC 9457 problem responses, never stack traces (the
 * refusals through {@link Problems#refusal}, as streamed answers' error events do).
 * Spring MVC's own exceptions (404, 405, 415, ...) are handled by the superclass.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ProblemResponses.class);

	/**
	 * Every refusal of every module, as one problem each.
	 * @param ex the refusal
	 * @return its problem, with the refusal's message as the detail
	 */
	@ExceptionHandler
	ProblemDetail refused(RagChatException ex) {
		return Problems.refusal(ex);
	}

	/**
	 * Work at its limit: the problem, and when to try again ({@code Retry-After}).
	 * @param ex the refusal
	 * @return its problem with the header
	 */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> busy(BusyException ex) {
		return ResponseEntity.status(Problems.status(ex))
			.header(HttpHeaders.RETRY_AFTER, Integer.toString(ex.retryAfterSeconds()))
			.body(Problems.refusal(ex));
	}

	/**
	 * A multipart body the container could not parse (no boundary, cut before its closing
	 * boundary, a malformed part header). Uploads over the size limits are a subclass
	 * that the superclass answers with 413, the nearer match.
	 */
	@ExceptionHandler
	ProblemDetail malformedMultipart(MultipartException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The multipart request body could not be read: send multipart/form-data with a boundary,"
						+ " complete up to its closing boundary, with well-formed part headers");
	}

	@ExceptionHandler
	ProblemDetail unexpected(Exception ex) {
		logger.error("Unexpected error", ex);
		return Problems.unexpected();
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Throwable cause = ex;
		while (cause != null) {
			if (cause instanceof TooLargeException tooLarge) {
				return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
					.body(ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, tooLarge.getMessage()));
			}
			cause = cause.getCause();
		}
		return ResponseEntity.badRequest()
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
					"The request body is missing or is not the JSON this endpoint expects"));
	}

	@Override
	protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
					"No endpoint " + ex.getHttpMethod() + " /" + ex.getResourcePath()));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String detail = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> error.getField() + " " + error.getDefaultMessage())
			.sorted()
			.collect(Collectors.joining("; "));
		return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail));
	}

}
