package dev.ragchat.api.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;

/**
 * The error body OpenAI's API answers with,
 * {@code {"error":{"message","type","param","code"}}}: what every refusal under
 * {@value #PATH_PREFIX} (the OpenAI-compatible chat API) looks like instead of an RFC
 * 9457 problem, so that OpenAI clients show the message. The wording is the problems'.
 */
public final class OpenAiErrors {

	/** Where the OpenAI-compatible API lives. */
	public static final String PATH_PREFIX = "/v1/";

	private OpenAiErrors() {
	}

	/**
	 * @param request a request, or the error dispatch of one (then the path it was sent
	 * to counts)
	 * @return whether it went to the OpenAI-compatible API
	 */
	public static boolean applies(HttpServletRequest request) {
		Object original = (request.getDispatcherType() == DispatcherType.ERROR)
				? request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) : null;
		String uri = (original instanceof String sent) ? sent : request.getRequestURI();
		// null before Tomcat has mapped the request to the application
		String context = (request.getContextPath() != null) ? request.getContextPath() : "";
		if (uri == null || !uri.startsWith(context)) {
			return false;
		}
		String path = uri.substring(context.length());
		return path.startsWith(PATH_PREFIX) || path.equals(PATH_PREFIX.substring(0, PATH_PREFIX.length() - 1));
	}

	/**
	 * @param status the status answered
	 * @param message what went wrong, as the problem's detail says it
	 * @param param the request parameter at fault, or {@code null}
	 * @param code a machine-readable code, or {@code null} for the status's usual one
	 * @return the error body
	 */
	public static Map<String, Object> body(HttpStatus status, String message, String param, String code) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("message", message);
		error.put("type", type(status));
		error.put("param", param);
		error.put("code", (code != null) ? code : code(status));
		return Map.of("error", error);
	}

	static String type(HttpStatus status) {
		return switch (status) {
			case UNAUTHORIZED -> "authentication_error";
			case FORBIDDEN -> "permission_error";
			case NOT_FOUND -> "not_found_error";
			case TOO_MANY_REQUESTS -> "rate_limit_error";
			default -> status.is5xxServerError() ? "server_error" : "invalid_request_error";
		};
	}

	static String code(HttpStatus status) {
		return switch (status) {
			case UNAUTHORIZED -> "invalid_api_key";
			case FORBIDDEN -> "insufficient_permissions";
			case TOO_MANY_REQUESTS -> "rate_limit_exceeded";
			case PAYLOAD_TOO_LARGE -> "request_too_large";
			default -> null;
		};
	}

}
