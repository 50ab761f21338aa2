package dev.ragchat.api.access.security;

import java.io.IOException;
import java.util.Optional;

import dev.ragchat.api.access.ApiKey;
import dev.ragchat.api.access.ApiKeys;
import dev.ragchat.api.access.Caller;
import dev.ragchat.api.access.KeyOwners;
import dev.ragchat.api.access.Person;
import dev.ragchat.api.audit.Audit;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

	private static final Logger logger = LoggerFactory.getLogger(PersonSessionFilter.class);

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
			Optional<ApiKey> key = vouched ? this.keys.active(keyId) : Optional.empty();
			Optional<Person> owner = key.flatMap((k) -> this.owners.ownerOf(k.id()));
			if (key.isPresent() && owner.isPresent()) {
				CallerAuthentication authentication = new CallerAuthentication(
						Caller.apiKey(key.get()).heldBy(owner.get()), true);
				SecurityContextHolder.getContext().setAuthentication(authentication);
				named(request, authentication);
			}
			else {
				// said, so that an operator (or a test) can tell why a person was signed
				// out: the key's id is no secret
				logger.info("A person's session ended at {} {}: {}", request.getMethod(), request.getRequestURI(),
						!vouched ? "the identity provider no longer vouches for them"
								: key.isEmpty() ? "its console key " + keyId + " is revoked or expired"
										: "no person holds its console key " + keyId);
				session.invalidate();
			}
		}
		else if (keyId == null && request.getRequestedSessionId() != null
				&& !CredentialConverter.presentsCredential(request)) {
			// every page a signed-out browser loads sends its dead cookie: said only when
			// asked for
			logger.debug("The session cookie of {} {} names {}", request.getMethod(), request.getRequestURI(),
					request.isRequestedSessionIdValid() ? "a session nobody signed in to" : "no live session");
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
