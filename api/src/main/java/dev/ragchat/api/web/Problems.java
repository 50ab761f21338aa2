package dev.ragchat.api.web;

import java.io.IOException;
import java.net.URI;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragchat.errors.BadUpstreamException;
import dev.ragchat.errors.BusyException;
import dev.ragchat.errors.ConflictException;
import dev.ragchat.errors.ForbiddenException;
import dev.ragchat.errors.IdempotencyConflictException;
import dev.ragchat.errors.NotFoundException;
import dev.ragchat.errors.RagChatException;
import dev.ragchat.errors.RejectedInputException;
import dev.ragchat.errors.TooLargeException;
import dev.ragchat.errors.UnavailableException;
import dev.ragchat.errors.UnprocessableException;
import dev.ragchat.errors.UnsupportedMediaTypeException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * RFC 9457 problems: the one mapping of refusals to statuses, and problem responses
 * written from places outside Spring MVC (the security filter chain, servlet filters,
 * streamed answers), in the same shape the MVC exception handler produces.
 */
public final class Problems {

	private final ObjectMapper objectMapper;

	public Problems(ObjectMapper objectMapper) {
		this.objectMapper = objectMapper;
	}

	/**
	 * The one mapping of refusals to statuses, for JSON answers
	 * ({@code ProblemResponses}) and for the error events of streamed ones alike.
	 * @param ex a refusal of any module
	 * @return its status
	 */
	public static HttpStatus status(RagChatException ex) {
		return switch (ex) {
			case NotFoundException notFound -> HttpStatus.NOT_FOUND;
			case UnsupportedMediaTypeException unsupported -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
			case UnprocessableException unprocessable -> HttpStatus.UNPROCESSABLE_ENTITY;
			case RejectedInputException rejected -> HttpStatus.BAD_REQUEST;
			// the documented answer to a reused Idempotency-Key with another body
			case IdempotencyConflictException idempotency -> HttpStatus.UNPROCESSABLE_ENTITY;
			case ConflictException conflict -> HttpStatus.CONFLICT;
			case ForbiddenException forbidden -> HttpStatus.FORBIDDEN;
			case TooLargeException tooLarge -> HttpStatus.PAYLOAD_TOO_LARGE;
			case UnavailableException unavailable -> HttpStatus.SERVICE_UNAVAILABLE;
			case BadUpstreamException badUpstream -> HttpStatus.BAD_GATEWAY;
			case BusyException busy -> HttpStatus.TOO_MANY_REQUESTS;
		};
	}

	/**
	 * @param ex a refusal of any module
	 * @return its problem, with the refusal's message as the detail
	 */
	public static ProblemDetail refusal(RagChatException ex) {
		return ProblemDetail.forStatusAndDetail(status(ex), ex.getMessage());
	}

	/**
	 * @return the problem of an unexpected error, without its internals (log them)
	 */
	public static ProblemDetail unexpected() {
		return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"Something went wrong on our side; the error was logged");
	}

	public static ProblemDetail of(HttpStatus status, String detail, HttpServletRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setInstance(URI.create(request.getRequestURI()));
		return problem;
	}

	public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		if (response.isCommitted()) {
			return;
		}
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		this.objectMapper.writeValue(response.getOutputStream(), problem);
	}

	/**
	 * Writes a refusal made outside Spring MVC: a problem, or under the OpenAI-compatible
	 * API the error body OpenAI clients read ({@link OpenAiErrors}), with the same
	 * wording.
	 * @param request the request
	 * @param response its response
	 * @param status the status
	 * @param detail what went wrong
	 * @throws IOException if the response cannot be written
	 */
	public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
			throws IOException {
		if (OpenAiErrors.applies(request)) {
			if (response.isCommitted()) {
				return;
			}
			response.setStatus(status.value());
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			this.objectMapper.writeValue(response.getOutputStream(), OpenAiErrors.body(status, detail, null, null));
			return;
		}
		write(response, of(status, detail, request));
	}

}
