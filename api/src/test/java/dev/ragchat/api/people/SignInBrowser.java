package dev.ragchat.api.people;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser for the sign-in tests: cookies kept, redirects followed one by one, through
 * the provider's login page. Behind a proxy the provider sends people to the public
 * address; this browser then reaches the service directly, as the proxy would.
 */
final class SignInBrowser {

	private static final ObjectMapper json = new ObjectMapper();

	private final CookieManager cookies = new CookieManager();

	private final HttpClient client;

	private final SSLContext ssl;

	private final String base;

	private final String publicBase;

	private final String issuer;

	private String lastSetCookie = "";

	/**
	 * @param base the service's address
	 * @param publicBase the address people reach it at (the same without a proxy)
	 * @param issuer the provider's issuer URL
	 * @param ssl trusts the service's certificate
	 */
	SignInBrowser(String base, String publicBase, String issuer, SSLContext ssl) {
		this.base = base;
		this.publicBase = publicBase;
		this.issuer = issuer;
		this.ssl = ssl;
		this.client = client(ssl, this.cookies);
	}

	static HttpClient client(SSLContext ssl, CookieManager cookies) {
		return HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.sslContext(ssl)
			.cookieHandler(cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
	}

	/**
	 * Through the provider's login page, as far as the redirect back to the service.
	 * @return the callback URL the provider sends the browser to
	 */
	String authorize(String username) throws Exception {
		return authorize(username, "test");
	}

	String authorize(String username, String registration) throws Exception {
		HttpResponse<String> start = get(this.base + "/oauth2/authorization/" + registration);
		assertThat(start.statusCode()).as(start.body()).isEqualTo(302);
		String authorize = start.headers().firstValue("Location").orElseThrow();
		assertThat(authorize).startsWith(this.issuer)
			.contains("code_challenge=")
			.contains("code_challenge_method=S256")
			.contains("nonce=");
		HttpResponse<String> toLogin = get(authorize);
		assertThat(toLogin.statusCode()).isEqualTo(302);
		HttpResponse<String> loginPage = get(toLogin.headers().firstValue("Location").orElseThrow());
		Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage.body());
		assertThat(csrf.find()).as("the login form's CSRF token").isTrue();
		HttpResponse<String> loggedIn = post(this.issuer + "/login", "username=" + username + "&password="
				+ TestIdentityProvider.PASSWORD + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8));
		assertThat(loggedIn.statusCode()).isEqualTo(302);
		HttpResponse<String> back = get(loggedIn.headers().firstValue("Location").orElseThrow());
		assertThat(back.statusCode()).isEqualTo(302);
		String callback = back.headers().firstValue("Location").orElseThrow();
		assertThat(callback).startsWith(this.publicBase + "/login/oauth2/code/" + registration + "?code=");
		return callback;
	}

	/**
	 * @param callback where the provider sends the browser back
	 * @return the same, reached directly (as a proxy at the public address would)
	 */
	String direct(String callback) {
		return this.base + callback.substring(this.publicBase.length());
	}

	void signIn(String username) throws Exception {
		HttpResponse<String> done = get(direct(authorize(username)));
		assertThat(done.statusCode()).as(done.body()).isEqualTo(302);
		assertThat(done.headers().firstValue("Location")).hasValue(this.publicBase + "/");
	}

	String cookie() {
		return this.cookies.getCookieStore()
			.get(URI.create(this.base))
			.stream()
			.filter((c) -> c.getName().equals("ragchat_session"))
			.findFirst()
			.map((c) -> c.getName() + (c.isHttpOnly() ? "; HttpOnly" : "") + (c.getSecure() ? "; Secure" : "")
					+ "; SameSite=" + sameSite())
			.orElse("");
	}

	private String sameSite() {
		return this.lastSetCookie.contains("SameSite=Lax") ? "Lax" : "?";
	}

	HttpResponse<String> get(String url) throws Exception {
		HttpResponse<String> response = this.client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((c) -> c.startsWith("ragchat_session="))
			.forEach((c) -> this.lastSetCookie = c);
		return response;
	}

	HttpResponse<String> post(String url, String form) throws Exception {
		return this.client.send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> form(String path, String form) throws Exception {
		return post(this.base + path, form);
	}

	HttpResponse<String> send(String method, String path, String body) throws Exception {
		return send(method, path, body, null);
	}

	HttpResponse<String> send(String method, String path, String body, String csrf) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (csrf != null) {
			request.header("X-CSRF-TOKEN", csrf);
		}
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	JsonNode json(String method, String path, String body, int status) throws Exception {
		HttpResponse<String> response = send(method, path, body);
		assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(status);
		return json.readTree(response.body());
	}

	/**
	 * A request with a {@code Host} header of the caller's choosing, as a proxy that
	 * forwards the client's unchecked would send it (Java's HTTP client sets its own),
	 * with this browser's session cookie.
	 * @param method the method
	 * @param path the path
	 * @param host the {@code Host} header
	 * @param form a form body, or {@code null}
	 * @return the answer
	 */
	Raw withHost(String method, String path, String host, String form) throws Exception {
		URI service = URI.create(this.base);
		try (SSLSocket socket = (SSLSocket) this.ssl.getSocketFactory()
			.createSocket(service.getHost(), service.getPort())) {
			StringBuilder request = new StringBuilder().append(method)
				.append(' ')
				.append(path)
				.append(" HTTP/1.0\r\nHost: ")
				.append(host)
				.append("\r\n");
			this.cookies.getCookieStore()
				.get(service)
				.forEach((c) -> request.append("Cookie: ")
					.append(c.getName())
					.append('=')
					.append(c.getValue())
					.append("\r\n"));
			byte[] body = (form != null) ? form.getBytes(StandardCharsets.UTF_8) : new byte[0];
			if (form != null) {
				request.append("Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ")
					.append(body.length)
					.append("\r\n");
			}
			request.append("\r\n");
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.write(body);
			out.flush();
			// HTTP/1.0: the answer ends when the connection does
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream all = new ByteArrayOutputStream();
			in.transferTo(all);
			String text = all.toString(StandardCharsets.UTF_8);
			int end = text.indexOf("\r\n\r\n");
			String[] head = text.substring(0, end).split("\r\n");
			Map<String, String> headers = new LinkedHashMap<>();
			for (int i = 1; i < head.length; i++) {
				int colon = head[i].indexOf(':');
				headers.put(head[i].substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT),
						head[i].substring(colon + 1).strip());
			}
			return new Raw(Integer.parseInt(head[0].split(" ")[1]), headers, text.substring(end + 4));
		}
	}

	/**
	 * @param url a URL
	 * @param name a query parameter's name
	 * @return its value, decoded
	 */
	static String param(String url, String name) {
		Matcher m = Pattern.compile("[?&]" + Pattern.quote(name) + "=([^&]*)").matcher(url);
		assertThat(m.find()).as(name + " in " + url).isTrue();
		return URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
	}

	/**
	 * An answer read off the socket.
	 *
	 * @param status its status
	 * @param headers its headers, by lower-case name (the last of each)
	 * @param body its body
	 */
	record Raw(int status, Map<String, String> headers, String body) {

	}

}
