package dev.ragchat.api.access.security;

import java.io.IOException;
import java.time.Duration;

import dev.ragchat.api.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spends one request of the authenticated key's budget, or answers 429 with
 * {@code Retry-After}.
 */
final class RateLimitFilter extends OncePerRequestFilter {

	private final RateLimits limits;

	private final Problems problems;

	RateLimitFilter(RateLimits limits, Problems problems) {
		this.limits = limits;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof CallerAuthentication caller) {
			Duration wait = this.limits.tryRequest(caller.getName());
			if (!wait.isZero()) {
				tooManyRequests(this.problems, request, response, wait, "This key has used up its request budget");
				return;
			}
		}
		chain.doFilter(request, response);
	}

	static void tooManyRequests(Problems problems, HttpServletRequest request, HttpServletResponse response,
			Duration wait, String detail) throws IOException {
		long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, detail + "; retry in " + seconds + " s");
	}

}
