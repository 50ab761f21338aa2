package dev.ragchat.api.access.security;

import java.io.IOException;

import dev.ragchat.api.access.ApiKeys;
import dev.ragchat.api.access.Caller;
import dev.ragchat.api.access.KeyOwners;
import dev.ragchat.api.audit.Audit;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A person signed in with an identity provider: their HTTP session holds the id of the
 * API key their console acts with (never the key itself), and each request is that key
 * held by them, with their rights read now. A request that presents a credential header
 * is that credential's alone; a session whose key was revoked or expired ends.
 */
final class PersonSessionFilter extends OncePerRequestFilter {

	/** The session attribute that holds the console key's id. */
	static final String CONSOLE_KEY = PersonSessionFilter.class.getName() + ".consoleKey";

	private final ApiKeys keys;

	private final KeyOwners owners;

	private final ProviderCheck check;

	/**
	 * @param keys the keys
	 * @param owners the people who hold them
	 * @param check asks the provider again every so often, or {@code null} without one
	 */
	PersonSessionFilter(ApiKeys keys, KeyOwners owners, ProviderCheck check) {
		this.keys = keys;
		this.owners = owners;
		this.check = check;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		String keyId = (session != null) ? (String) session.getAttribute(CONSOLE_KEY) : null;
		if (keyId != null && SecurityContextHolder.getContext().getAuthentication() == null
				&& !CredentialConverter.presentsCredential(request)) {
			// the provider first (it may change the person's groups), then their rights
			// now
			boolean vouched = this.check == null || this.check.stillValid(session);
			var key = vouched ? this.keys.active(keyId) : java.util.Optional.<dev.ragchat.api.access.ApiKey>empty();
			var owner = key.flatMap((k) -> this.owners.ownerOf(k.id()));
			if (key.isPresent() && owner.isPresent()) {
				CallerAuthentication authentication = new CallerAuthentication(
						Caller.apiKey(key.get()).heldBy(owner.get()), true);
				SecurityContextHolder.getContext().setAuthentication(authentication);
				named(request, authentication);
			}
			else {
				session.invalidate();
			}
		}
		chain.doFilter(request, response);
	}

	/**
	 * Names the person behind an authenticated caller for the audit trail.
	 * @param request the request
	 * @param authentication its caller
	 */
	static void named(HttpServletRequest request, Authentication authentication) {
		if (authentication.getPrincipal() instanceof Caller caller && caller.person() != null) {
			request.setAttribute(Audit.PERSON_ATTRIBUTE, caller.person().id());
		}
	}

	/**
	 * @param request a request
	 * @return whether it comes from a person's console session (and so needs a CSRF token
	 * when it changes something)
	 */
	static boolean fromPersonSession(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return session != null && session.getAttribute(CONSOLE_KEY) != null
				&& !CredentialConverter.presentsCredential(request);
	}

}
