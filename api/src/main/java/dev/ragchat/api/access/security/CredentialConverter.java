package dev.ragchat.api.access.security;

import dev.ragchat.api.keys.KeyFormat;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Reads the one credential a request carries: {@code X-Master-Key}, {@code X-API-Key} or
 * {@code Authorization: Bearer}. A bearer value in the API key format ({@code rck_…}) is
 * an API key, exactly as if sent in {@code X-API-Key} (what OpenAI and MCP clients send);
 * any other bearer value is a session token.
 */
public final class CredentialConverter implements AuthenticationConverter {

	static final String MASTER_KEY_HEADER = "X-Master-Key";

	static final String API_KEY_HEADER = "X-API-Key";

	private static final String BEARER = "Bearer ";

	/** The seed client sends the master key in X-API-Key here. */
	public static final String SEED_KEY_PATH = "/get_temp_api_key";

	/** The seed client sends the session token without "Bearer " here. */
	static final java.util.Set<String> SEED_CHAT_PATHS = java.util.Set.of("/api/chat", "/chat");

	/**
	 * @param request a request
	 * @return what kind of credential it carries, for the audit trail (never the
	 * credential): {@code master-key}, {@code api-key}, {@code session-token},
	 * {@code several} or {@code malformed}
	 */
	static String kind(HttpServletRequest request) {
		try {
			Credential credential = new CredentialConverter().convert(request);
			if (credential == null) {
				return "none";
			}
			return switch (credential.type()) {
				case MASTER_KEY -> "master-key";
				case API_KEY -> "api-key";
				case SESSION_TOKEN -> "session-token";
			};
		}
		catch (BadCredentialsException ex) {
			return "malformed";
		}
	}

	/**
	 * @param request a request
	 * @return whether it carries a credential header (of any kind, valid or not)
	 */
	static boolean presentsCredential(HttpServletRequest request) {
		return request.getHeader(MASTER_KEY_HEADER) != null || request.getHeader(API_KEY_HEADER) != null
				|| request.getHeader(HttpHeaders.AUTHORIZATION) != null;
	}

	@Override
	public Credential convert(HttpServletRequest request) {
		String master = request.getHeader(MASTER_KEY_HEADER);
		String apiKey = request.getHeader(API_KEY_HEADER);
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		int sent = ((master != null) ? 1 : 0) + ((apiKey != null) ? 1 : 0) + ((authorization != null) ? 1 : 0);
		if (sent == 0) {
			return null;
		}
		if (sent > 1) {
			throw new BadCredentialsException("Send one credential: X-Master-Key, X-API-Key or Authorization");
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (master != null) {
			return new Credential(Credential.Type.MASTER_KEY, master);
		}
		if (apiKey != null && SEED_KEY_PATH.equals(path)) {
			return new Credential(Credential.Type.MASTER_KEY, apiKey.strip());
		}
		if (apiKey != null) {
			return new Credential(Credential.Type.API_KEY, apiKey.strip());
		}
		if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			if (SEED_CHAT_PATHS.contains(path)) {
				return new Credential(Credential.Type.SESSION_TOKEN, authorization.strip());
			}
			throw new BadCredentialsException("Use Authorization: Bearer <session token or API key>");
		}
		String bearer = authorization.substring(BEARER.length()).strip();
		if (KeyFormat.looksLikeKey(bearer)) {
			return new Credential(Credential.Type.API_KEY, bearer);
		}
		return new Credential(Credential.Type.SESSION_TOKEN, bearer);
	}

}
