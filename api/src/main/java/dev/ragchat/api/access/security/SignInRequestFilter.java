package dev.ragchat.api.access.security;

import java.io.IOException;

import dev.ragchat.api.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Before Spring Security's sign-in and sign-out filters: a sign-in with a provider that
 * is not configured is a 404 problem (Spring Security would answer 500), and a sign-in,
 * its callback or a sign-out whose host is none of the server's names is a 400 problem
 * when no public URL is configured (the addresses the provider sends people back to are
 * built from that host).
 */
final class SignInRequestFilter extends OncePerRequestFilter {

	private final ClientRegistrationRepository registrations;

	private final RedirectBase base;

	private final Problems problems;

	SignInRequestFilter(ClientRegistrationRepository registrations, RedirectBase base, Problems problems) {
		this.registrations = registrations;
		this.base = base;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String registrationId = registrationId(path, PersonSignInConfigurer.AUTHORIZATION_BASE + "/");
		boolean signIn = registrationId != null;
		boolean callback = registrationId(path, PersonSignInConfigurer.CALLBACK_BASE + "/") != null;
		if (!signIn && !callback && !path.equals(PersonSignInConfigurer.SIGN_OUT)) {
			chain.doFilter(request, response);
			return;
		}
		if (signIn && this.registrations.findByRegistrationId(registrationId) == null) {
			this.problems.write(request, response, HttpStatus.NOT_FOUND, "No identity provider '"
					+ abbreviated(registrationId) + "' to sign in with: GET /api/v1/sign-in lists them");
			return;
		}
		if (!this.base.accepts(request)) {
			this.problems.write(request, response, HttpStatus.BAD_REQUEST, "The host '"
					+ abbreviated(request.getServerName())
					+ "' is none of this server's names (its certificate's, server.address, localhost): the identity"
					+ " provider does not send people there. Behind a proxy, set ragchat.people.public-url"
					+ " (RAGCHAT_PEOPLE_PUBLIC_URL) to the address people use");
			return;
		}
		chain.doFilter(request, response);
	}

	/**
	 * @return the one path segment after the prefix, or {@code null}
	 */
	private static String registrationId(String path, String prefix) {
		if (!path.startsWith(prefix)) {
			return null;
		}
		String id = path.substring(prefix.length());
		return (id.isEmpty() || id.indexOf('/') >= 0) ? null : id;
	}

	private static String abbreviated(String text) {
		return (text.length() <= 100) ? text : text.substring(0, 100) + "…";
	}

}
