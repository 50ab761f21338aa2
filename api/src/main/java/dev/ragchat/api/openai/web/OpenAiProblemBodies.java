package dev.ragchat.api.openai.web;

import dev.ragchat.api.web.OpenAiErrors;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Every problem Spring MVC answers under {@code /v1/} becomes OpenAI's error body, with
 * the problem's status and wording: the errors of no controller of the chat API (an
 * unknown path 404, a method 405 or a media type 415 or 406 its endpoints do not take,
 * which Spring MVC raises before a controller is chosen and {@code ProblemResponses}
 * answers) and the container's errors rendered by {@code ProblemErrorController}. What
 * {@link OpenAiErrorResponses} answers (the chat API's own refusals, with their
 * {@code param} and {@code code}) is already in OpenAI's shape and passes unchanged, as
 * does everything outside {@code /v1/}.
 */
@RestControllerAdvice
class OpenAiProblemBodies implements ResponseBodyAdvice<Object> {

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType selectedContentType,
			Class<? extends HttpMessageConverter<?>> selectedConverterType, ServerHttpRequest request,
			ServerHttpResponse response) {
		if (!(body instanceof ProblemDetail problem) || !(request instanceof ServletServerHttpRequest servlet)
				|| !OpenAiErrors.applies(servlet.getServletRequest())) {
			return body;
		}
		HttpStatus status = HttpStatus.resolve(problem.getStatus());
		if (status == null) {
			status = HttpStatus.INTERNAL_SERVER_ERROR;
		}
		String message = (problem.getDetail() != null) ? problem.getDetail()
				: (problem.getTitle() != null) ? problem.getTitle() : status.getReasonPhrase();
		// the converter was chosen for the problem (application/problem+json)
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		return OpenAiErrors.body(status, message, null, null);
	}

}
