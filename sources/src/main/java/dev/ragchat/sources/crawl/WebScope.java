package dev.ragchat.sources.crawl;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.ragchat.errors.RejectedInputException;

/**
 * Which pages a web source reads: those of its start URL's site (scheme, host and port;
 * http and https of the same host are one site) under the start URL's path prefix (its
 * folder: {@code /docs/guide/} for {@code /docs/guide/intro.html}, and for a last part
 * without a dot, that part too: {@code /docs/} for {@code /docs}), plus the paths an
 * include pattern matches, less those an exclude pattern matches. A pattern is matched
 * against a URL's path (with its query, if any): {@code *} stands for any characters but
 * {@code /}, {@code **} for any characters, and a pattern ending with {@code /} matches
 * everything under it. Patterns never widen the scope to another site. A pattern is
 * matched in time linear in the path's length times its own ({@link Glob}), never by
 * backtracking, so that no pattern can pin a crawl; one with more than
 * {@value #MAX_WILDCARDS} wildcards is refused.
 */
public final class WebScope {

	/** The most patterns of each kind. */
	public static final int MAX_PATTERNS = 50;

	private static final int MAX_PATTERN = 500;

	/** The most wildcards ({@code *} or {@code **}) of one pattern. */
	public static final int MAX_WILDCARDS = 20;

	private final URI start;

	private final List<String> prefixes;

	private final List<Glob> include;

	private final List<Glob> exclude;

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
				|| this.include.stream().anyMatch((p) -> p.matches(target));
		return in && this.exclude.stream().noneMatch((p) -> p.matches(target));
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

	private static List<Glob> patterns(String name, List<String> globs) {
		List<Glob> patterns = new ArrayList<>();
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
			Glob compiled = Glob.of(glob.endsWith("/") ? glob + "**" : glob);
			if (compiled.wildcards() > MAX_WILDCARDS) {
				throw new RejectedInputException(name + " patterns may have at most " + MAX_WILDCARDS
						+ " wildcards (* or **); '" + glob + "' has " + compiled.wildcards());
			}
			patterns.add(compiled);
		}
		return patterns;
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

	/**
	 * A glob: {@code **} any characters, {@code *} any but {@code /}, everything else
	 * literal. Matched by keeping the set of path positions each part of the pattern can
	 * end at (a dynamic program over the path, one pass per part), so a match takes at
	 * most the path's length times the pattern's, whatever the pattern: a regular
	 * expression ({@code .*a.*a…b}) backtracks exponentially on a path that almost
	 * matches. Written by hand: the JDK's glob ({@code FileSystem.getPathMatcher})
	 * matches file paths, not URL paths, and compiles to a regular expression too.
	 *
	 * @param parts the literal parts and wildcards ({@code "*"}, {@code "**"}) in order;
	 * a literal part is never empty
	 * @param wildcards how many of the parts are wildcards
	 */
	record Glob(List<String> parts, int wildcards) {

		static Glob of(String glob) {
			List<String> parts = new ArrayList<>();
			int wildcards = 0;
			int i = 0;
			while (i < glob.length()) {
				if (glob.startsWith("**", i)) {
					// a run of stars is one wildcard: ** if it has two or more
					int end = i;
					while (end < glob.length() && glob.charAt(end) == '*') {
						end++;
					}
					parts.add("**");
					wildcards++;
					i = end;
				}
				else if (glob.charAt(i) == '*') {
					parts.add("*");
					wildcards++;
					i++;
				}
				else {
					int next = glob.indexOf('*', i);
					int end = (next < 0) ? glob.length() : next;
					parts.add(glob.substring(i, end));
					i = end;
				}
			}
			return new Glob(List.copyOf(parts), wildcards);
		}

		/**
		 * @param text a path (and query)
		 * @return whether the whole of it matches
		 */
		boolean matches(String text) {
			int n = text.length();
			// at[k]: the parts so far can match text[0, k)
			boolean[] at = new boolean[n + 1];
			at[0] = true;
			for (String part : this.parts) {
				boolean[] next = new boolean[n + 1];
				boolean any = false;
				if (part.equals("**")) {
					boolean reached = false;
					for (int k = 0; k <= n; k++) {
						reached |= at[k];
						next[k] = reached;
						any |= reached;
					}
				}
				else if (part.equals("*")) {
					boolean reached = false;
					for (int k = 0; k <= n; k++) {
						// a * does not cross a /
						reached = at[k] || (reached && text.charAt(k - 1) != '/');
						next[k] = reached;
						any |= reached;
					}
				}
				else {
					int length = part.length();
					for (int k = 0; k + length <= n; k++) {
						if (at[k] && text.startsWith(part, k)) {
							next[k + length] = true;
							any = true;
						}
					}
				}
				if (!any) {
					return false;
				}
				at = next;
			}
			return at[n];
		}

	}

}
