package dev.ragchat.api.web;

import java.io.IOException;
import java.util.stream.Collectors;

import dev.ragchat.errors.BusyException;
import dev.ragchat.errors.RagChatException;
import dev.ragchat.errors.TooLargeException;
import jakarta.servlet.http.HttpServletResponse;
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
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * The HTTP edge: exceptions become RFC 9457 problem responses, never stack traces (the
 * refusals through {@link Problems#refusal}, as streamed answers' error events do).
 * Spring MVC's own exceptions (404, 405, 415, ...) are handled by the superclass.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ProblemResponses.class);

	private static final DisconnectedClientHelper disconnectedClient = new DisconnectedClientHelper(
			ProblemResponses.class.getPackageName() + ".DisconnectedClient");

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

	/**
	 * What no other handler answers: a 500 problem without internals, the error logged. A
	 * client that went away (Stop while an answer streams, a closed tab) is answered
	 * nothing, with a line at DEBUG, as nobody is listening: the container's client-abort
	 * exceptions as Spring recognises them, and an I/O failure on a response already
	 * streaming (Tomcat tells of an HTTP/2 stream its client reset with a plain
	 * {@link IOException}). Nothing else is taken for one: an {@link IOException} while a
	 * request is read or an answer is made is an error like any other.
	 * @param ex the exception
	 * @param response the response, committed once a stream has begun
	 * @return the problem, or {@code null} when there is nothing to write
	 */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> unexpected(Exception ex, HttpServletResponse response) {
		if (disconnectedClient.checkAndLogClientDisconnectedException(ex)) {
			return null;
		}
		if (response.isCommitted() && ex instanceof IOException) {
			logger.debug("The client went away from a streamed response: {}", ex.getMessage());
			return null;
		}
		logger.error("Unexpected error", ex);
		// a stream already begun has said so in its own error event, if it could
		return response.isCommitted() ? null : ResponseEntity.of(Problems.unexpected()).build();
	}

	/**
	 * An upload over one of the container's limits: which one the exception does not say
	 * (Tomcat reports too many parts as a size), so the problem names all three.
	 */
	@Override
	protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
					"The upload is over a limit: the size of a file (spring.servlet.multipart.max-file-size),"
							+ " of the request (spring.servlet.multipart.max-request-size) or its number of files"
							+ " and fields (server.tomcat.max-part-count); send fewer or smaller files at a time"));
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
