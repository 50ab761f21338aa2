package dev.ragchat.api.web;

import java.util.Collection;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.CompositeHeaderWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;

/**
 * The security headers of every response: the security filter chain writes them on what
 * Spring answers, {@link ProblemReportValve} on the errors Tomcat answers by itself
 * (which never reach the chain). Spring Security's own header writers, configured once.
 */
public final class SecurityHeaders {

	/**
	 * One policy for every response: the API's JSON needs none of it, and Swagger UI's
	 * page and the console load only their own scripts and styles (no inline script or
	 * style; Swagger UI's initializer and the console are files), Swagger UI's icons as
	 * data: images, the console's page previews as blob: images (fetched with the
	 * credential header, which an img element cannot send), and both call the API on this
	 * origin.
	 */
	public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
			+ " img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none';"
			+ " form-action 'self'; frame-ancestors 'none'";

	/**
	 * The policy, with origins a form of the console may also be sent to: signing out is
	 * a form posted to the service that ends at the identity provider's end-session
	 * endpoint, and browsers apply {@code form-action} to every redirect of a form's
	 * submission.
	 * @param formActions origins ({@code https://id.example.com}) besides the service's
	 * @return the policy
	 */
	public static String contentSecurityPolicy(Collection<String> formActions) {
		StringBuilder origins = new StringBuilder();
		formActions.stream().distinct().sorted().forEach((origin) -> origins.append(' ').append(origin));
		return CONTENT_SECURITY_POLICY.replace("form-action 'self'", "form-action 'self'" + origins);
	}

	/** HSTS: a year, subdomains included. */
	public static final long HSTS_MAX_AGE_SECONDS = 31_536_000;

	private static final HeaderWriter WRITERS = new CompositeHeaderWriter(
			List.of(new CacheControlHeadersWriter(), new XContentTypeOptionsHeaderWriter(),
					new XXssProtectionHeaderWriter(), new HstsHeaderWriter(HSTS_MAX_AGE_SECONDS, true),
					new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.DENY),
					new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)));

	private SecurityHeaders() {
	}

	/**
	 * Writes the headers the security filter chain writes (Spring Security's defaults,
	 * with this HSTS and this policy), where a response has not got them yet.
	 * @param request the request (HSTS only over HTTPS)
	 * @param response its response
	 */
	public static void write(HttpServletRequest request, HttpServletResponse response) {
		WRITERS.writeHeaders(request, response);
	}

}
