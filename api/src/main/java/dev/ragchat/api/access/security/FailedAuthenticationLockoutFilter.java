package dev.ragchat.api.access.security;

import java.io.IOException;
import java.time.Duration;

import dev.ragchat.api.audit.Audit;
import dev.ragchat.api.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses every credential from an address that has used up its failed-authentication
 * budget, before the credential is checked: while the lock-out lasts a right guess is
 * answered exactly like a wrong one (429 with {@code Retry-After}), so the answer tells a
 * guesser nothing and the limit really slows guessing. Applies to the master key, API
 * keys and session tokens alike; requests without a credential (public routes) pass.
 */
final class FailedAuthenticationLockoutFilter extends OncePerRequestFilter {

	static final String DETAIL = "Too many failed authentications from this address";

	private final RateLimits limits;

	private final Problems problems;

	private final Audit audit;

	FailedAuthenticationLockoutFilter(RateLimits limits, Problems problems, Audit audit) {
		this.limits = limits;
		this.problems = problems;
		this.audit = audit;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (carriesCredential(request)) {
			Duration wait = this.limits.failedAuthenticationLockout(request.getRemoteAddr());
			if (!wait.isZero()) {
				if (this.limits.lockOutStarts(request.getRemoteAddr(), wait)) {
					this.audit.lockedOut(CredentialConverter.kind(request));
				}
				RateLimitFilter.tooManyRequests(this.problems, request, response, wait, DETAIL);
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private static boolean carriesCredential(HttpServletRequest request) {
		return request.getHeader(CredentialConverter.MASTER_KEY_HEADER) != null
				|| request.getHeader(CredentialConverter.API_KEY_HEADER) != null
				|| request.getHeader(HttpHeaders.AUTHORIZATION) != null;
	}

}
