package dev.ragchat.ingestion.sync.crawl;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.ragchat.errors.RejectedInputException;

/**
 * Which pages a web source reads: those of its start URL's site (scheme, host and port;
 * http and https of the same host are one site) under the start URL's path prefix (its
 * folder: {@code /docs/guide/} for {@code /docs/guide/intro.html}, and for a last part
 * without a dot, that part too: {@code /docs/} for {@code /docs}), plus the paths an
 * include pattern matches, less those an exclude pattern matches. A pattern is matched
 * against a URL's path (with its query, if any): {@code *} stands for any characters but
 * {@code /}, {@code **} for any characters, and a pattern ending with {@code /} matches
 * everything under it. Patterns never widen the scope to another site.
 */
public final class WebScope {

	/** The most patterns of each kind. */
	public static final int MAX_PATTERNS = 50;

	private static final int MAX_PATTERN = 500;

	private final URI start;

	private final List<String> prefixes;

	private final List<Pattern> include;

	private final List<Pattern> exclude;

	/**
	 * @param start the start URL (normalized)
	 * @param include more paths
	 * @param exclude paths left out
	 */
	public WebScope(URI start, List<String> include, List<String> exclude) {
		this(start, List.of(), include, exclude);
	}

	/**
	 * @param start the start URL (normalized)
	 * @param more more start pages on the same site (normalized), each reading its folder
	 * too
	 * @param include more paths
	 * @param exclude paths left out
	 */
	public WebScope(URI start, List<URI> more, List<String> include, List<String> exclude) {
		this.start = start;
		List<String> prefixes = new java.util.ArrayList<>();
		prefixes.add(prefix(start));
		more.forEach((url) -> prefixes.add(prefix(url)));
		this.prefixes = List.copyOf(prefixes);
		this.include = patterns("include", include);
		this.exclude = patterns("exclude", exclude);
	}

	/** A start URL's folder: the path up to its last slash, or the path as a folder. */
	private static String prefix(URI start) {
		String path = start.getRawPath();
		int slash = path.lastIndexOf('/');
		String last = path.substring(slash + 1);
		return (last.isEmpty() || last.contains(".")) ? path.substring(0, slash + 1) : path + "/";
	}

	/**
	 * @param url a URL (normalized)
	 * @return whether the source reads it
	 */
	public boolean contains(URI url) {
		if (!sameSite(url)) {
			return false;
		}
		String path = url.getRawPath();
		String target = (url.getRawQuery() != null) ? path + "?" + url.getRawQuery() : path;
		boolean in = this.prefixes.stream().anyMatch((prefix) -> path.startsWith(prefix) || (path + "/").equals(prefix))
				|| this.include.stream().anyMatch((p) -> p.matcher(target).matches());
		return in && this.exclude.stream().noneMatch((p) -> p.matcher(target).matches());
	}

	/**
	 * @param url a URL (normalized)
	 * @return whether it is on the start URL's site
	 */
	boolean sameSite(URI url) {
		return url.getHost() != null && url.getHost().equalsIgnoreCase(this.start.getHost())
				&& port(url) == port(this.start);
	}

	/**
	 * @param url a URL
	 * @return its port, or its scheme's default
	 */
	public static int port(URI url) {
		if (url.getPort() != -1) {
			return url.getPort();
		}
		// http and https of one host are one site: their default ports are one port
		return -1;
	}

	private static List<Pattern> patterns(String name, List<String> globs) {
		List<Pattern> patterns = new ArrayList<>();
		if (globs == null) {
			return patterns;
		}
		if (globs.size() > MAX_PATTERNS) {
			throw new RejectedInputException(name + " may hold at most " + MAX_PATTERNS + " patterns");
		}
		for (String glob : globs) {
			if (glob == null || glob.isBlank() || glob.length() > MAX_PATTERN || !glob.startsWith("/")
					|| glob.chars().anyMatch(Character::isISOControl)) {
				throw new RejectedInputException(name + " patterns are paths starting with / (at most " + MAX_PATTERN
						+ " characters), e.g. /docs/** or /blog/; '" + glob + "' is not");
			}
			patterns.add(glob(glob.endsWith("/") ? glob + "**" : glob));
		}
		return patterns;
	}

	/**
	 * A glob as a regular expression: {@code **} any characters, {@code *} any but
	 * {@code /}, everything else literal. Written by hand: the JDK's glob
	 * ({@code FileSystem.getPathMatcher}) matches file paths, not URL paths.
	 */
	private static Pattern glob(String glob) {
		StringBuilder regex = new StringBuilder();
		int i = 0;
		while (i < glob.length()) {
			if (glob.startsWith("**", i)) {
				regex.append(".*");
				i += 2;
			}
			else if (glob.charAt(i) == '*') {
				regex.append("[^/]*");
				i++;
			}
			else {
				int next = glob.indexOf('*', i);
				int end = (next < 0) ? glob.length() : next;
				regex.append(Pattern.quote(glob.substring(i, end)));
				i = end;
			}
		}
		return Pattern.compile(regex.toString());
	}

	/**
	 * A URL as a crawl keeps it: scheme and host in lower case, no default port, no
	 * fragment, dot segments resolved, an empty path as {@code /}.
	 * @param url a URL
	 * @return it normalized, or {@code null} if it is no http(s) URL with a host
	 */
	public static URI normalize(URI url) {
		if (url == null || url.getScheme() == null || url.getRawAuthority() == null) {
			return null;
		}
		String scheme = url.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https")) {
			return null;
		}
		String host = url.getHost();
		if (host == null) {
			return null;
		}
		int port = url.getPort();
		if ((scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443)) {
			port = -1;
		}
		String path = (url.getRawPath() == null || url.getRawPath().isEmpty()) ? "/" : url.getRawPath();
		try {
			String authority = ((url.getRawUserInfo() != null) ? url.getRawUserInfo() + "@" : "")
					+ host.toLowerCase(Locale.ROOT) + ((port != -1) ? ":" + port : "");
			URI normal = new URI(
					scheme + "://" + authority + path + ((url.getRawQuery() != null) ? "?" + url.getRawQuery() : ""))
				.normalize();
			return normal.getRawPath().startsWith("/..") ? null : normal;
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

	/**
	 * @param text a URL as written
	 * @return it parsed and normalized, or {@code null} if it is none
	 */
	public static URI parse(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return normalize(new URI(text.strip()));
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

}
