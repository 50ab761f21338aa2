package dev.ragchat.sources.crawl;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.ragchat.errors.RejectedInputException;

/**
 * The hosts a web source may reach, as the operator lists them
 * ({@code ragchat.sync.web.hosts}, {@value #SETTING}), and the addresses it may connect
 * to. An entry is a host name ({@code docs.example.com}), a domain and its sub-domains
 * ({@code *.example.com}), any host name ({@code *}), or an IP address or range
 * ({@code 10.1.2.0/24}, {@code 127.0.0.1}). A URL's host must match an entry; then every
 * address its name resolves to must be public, or else be listed itself as an address or
 * range: a name never makes a private address reachable, so that a public name that
 * resolves (or is rebound) to a loopback, private, link-local or other special address is
 * refused all the same. The addresses are checked when the connection is made, by the
 * {@link Fetcher}'s resolver, and the connection goes to exactly the addresses checked;
 * every redirect is checked again. Written by hand: the JDK has no address-range type,
 * and the few lines below are all of it.
 */
public final class HostPolicy {

	/** The setting, as an environment variable. */
	public static final String SETTING = "RAGCHAT_SYNC_WEB_HOSTS";

	private final List<String> names = new ArrayList<>();

	private final List<Range> ranges = new ArrayList<>();

	/**
	 * @param hosts the entries (blank ones are left out)
	 * @throws IllegalArgumentException naming an entry that is none of the above
	 */
	public HostPolicy(List<String> hosts) {
		for (String raw : (hosts != null) ? hosts : List.<String>of()) {
			String entry = (raw != null) ? raw.strip().toLowerCase(Locale.ROOT) : "";
			if (entry.isEmpty()) {
				continue;
			}
			Range range = Range.parse(entry);
			if (range != null) {
				this.ranges.add(range);
			}
			else if (entry.equals("*")
					|| entry.matches("(\\*\\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*")) {
				this.names.add(entry);
			}
			else {
				throw new IllegalArgumentException("ragchat.sync.web.hosts: '" + raw
						+ "' is neither a host name, *.domain, * nor an IP address or range");
			}
		}
	}

	/**
	 * @return whether no host at all is allowed (web sources are off)
	 */
	public boolean none() {
		return this.names.isEmpty() && this.ranges.isEmpty();
	}

	/**
	 * Checks a URL a source names or a crawl meets: http or https, no user name or
	 * password in it, a port from 1 to 65535, a host that is listed, and if the host is
	 * an IP address, one that may be reached.
	 * @param url the URL
	 * @return why it may not be fetched, or {@code null} if it may
	 */
	public String refusal(URI url) {
		String scheme = (url.getScheme() != null) ? url.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("http") && !scheme.equals("https")) {
			return "only http and https URLs are fetched";
		}
		if (url.getRawUserInfo() != null) {
			return "a URL may not carry a user name or password; give the source an auth secret instead";
		}
		String host = host(url);
		if (host == null || host.isEmpty()) {
			return "the URL has no host";
		}
		if (url.getPort() != -1 && (url.getPort() < 1 || url.getPort() > 65535)) {
			return "port " + url.getPort() + " is no TCP port (1 to 65535)";
		}
		if (none()) {
			return "no web host is allowed on this service; the operator lists them in " + SETTING;
		}
		InetAddress literal = literal(host);
		if (literal != null) {
			return addressRefusal(host, literal);
		}
		if (!nameListed(host)) {
			return "host " + host + " is not among the hosts web sources may reach (" + SETTING + ")";
		}
		return null;
	}

	/**
	 * @param url a URL
	 * @throws RejectedInputException if it may not be fetched, with the reason
	 */
	public void check(URI url) {
		String refusal = refusal(url);
		if (refusal != null) {
			throw new RejectedInputException("url " + url + " is refused: " + refusal);
		}
	}

	/**
	 * Resolves a host and checks every address it has.
	 * @param host a host name or IP address literal
	 * @return its addresses, all allowed
	 * @throws Refused if one may not be reached (or the host is not listed)
	 * @throws UnknownHostException if it does not resolve
	 */
	InetAddress[] resolve(String host) throws UnknownHostException {
		String name = host.toLowerCase(Locale.ROOT);
		if (name.startsWith("[") && name.endsWith("]")) {
			name = name.substring(1, name.length() - 1);
		}
		InetAddress literal = literal(name);
		if (literal == null && !nameListed(name)) {
			throw new Refused("host " + name + " is not among the hosts web sources may reach (" + SETTING + ")");
		}
		InetAddress[] addresses = (literal != null) ? new InetAddress[] { literal } : InetAddress.getAllByName(name);
		for (InetAddress address : addresses) {
			String refusal = addressRefusal(name, address);
			if (refusal != null) {
				throw new Refused(refusal);
			}
		}
		return addresses;
	}

	private String addressRefusal(String host, InetAddress address) {
		for (Range range : this.ranges) {
			if (range.contains(address)) {
				return null;
			}
		}
		String special = special(address);
		if (special != null) {
			return host
					+ ((host.equals(address.getHostAddress())) ? ""
							: " resolves to " + address.getHostAddress() + ", which")
					+ " is " + special + " address; such an address is reached only when it is listed" + " in "
					+ SETTING;
		}
		if (!this.names.contains("*") && literal(host) != null) {
			return "address " + host + " is not among the hosts web sources may reach (" + SETTING + ")";
		}
		return null;
	}

	private boolean nameListed(String host) {
		for (String name : this.names) {
			if (name.equals("*") || name.equals(host) || (name.startsWith("*.")
					&& (host.endsWith(name.substring(1)) || host.equals(name.substring(2))))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * @param url a URL
	 * @return its host, lower case, without the brackets of an IPv6 literal
	 */
	static String host(URI url) {
		String host = url.getHost();
		if (host == null) {
			return null;
		}
		host = host.toLowerCase(Locale.ROOT);
		return (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
	}

	/**
	 * @param host a host
	 * @return it as an address, if it is an IP address literal; {@code null} for a name
	 * (never a DNS lookup)
	 */
	static InetAddress literal(String host) {
		if (!host.contains(":") && !host.matches("[0-9.]+")) {
			return null;
		}
		try {
			// an IP literal: no lookup happens
			return InetAddress.getByName(host);
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	/**
	 * @param address an address
	 * @return what kind of special-purpose address it is ("a loopback", "a private"...),
	 * or {@code null} for a public one
	 */
	static String special(InetAddress address) {
		if (address.isLoopbackAddress()) {
			return "a loopback";
		}
		if (address.isAnyLocalAddress()) {
			return "an unspecified";
		}
		if (address.isLinkLocalAddress()) {
			return "a link-local";
		}
		if (address.isSiteLocalAddress()) {
			return "a private";
		}
		if (address.isMulticastAddress()) {
			return "a multicast";
		}
		byte[] b = address.getAddress();
		return (address instanceof Inet6Address) ? specialV6(b) : specialV4(b);
	}

	/**
	 * @param b an IPv6 address's bytes
	 * @return what kind of special-purpose address it is, or {@code null}
	 */
	private static String specialV6(byte[] b) {
		if ((b[0] & 0xfe) == 0xfc) {
			return "a private (unique local)";
		}
		if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) {
			return "a private (site-local)";
		}
		// an IPv4 address inside an IPv6 one: IPv4-compatible, NAT64 (64:ff9b::/96),
		// 6to4 (2002::/16)
		byte[] v4 = null;
		if (isZero(b, 0, 12)) {
			v4 = java.util.Arrays.copyOfRange(b, 12, 16);
		}
		else if (b[0] == 0x00 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && isZero(b, 4, 12)) {
			v4 = java.util.Arrays.copyOfRange(b, 12, 16);
		}
		else if (b[0] == 0x20 && b[1] == 0x02) {
			v4 = java.util.Arrays.copyOfRange(b, 2, 6);
		}
		if (v4 != null) {
			try {
				String inside = special(InetAddress.getByAddress(v4));
				return (inside != null) ? inside + " (inside an IPv6)" : null;
			}
			catch (UnknownHostException ex) {
				return "an unreadable";
			}
		}
		return null;
	}

	/**
	 * @param b an IPv4 address's bytes
	 * @return what kind of special-purpose address it is, or {@code null}
	 */
	private static String specialV4(byte[] b) {
		int first = b[0] & 0xff;
		int second = b[1] & 0xff;
		if (first == 0) {
			return "a \"this network\"";
		}
		if (first == 100 && second >= 64 && second <= 127) {
			return "a shared (carrier-grade NAT)";
		}
		if (first == 192 && second == 0 && (b[2] & 0xff) == 0) {
			return "an IETF protocol";
		}
		if (first == 198 && (second == 18 || second == 19)) {
			return "a benchmarking";
		}
		if (first >= 240) {
			return "a reserved";
		}
		return null;
	}

	private static boolean isZero(byte[] b, int from, int to) {
		for (int i = from; i < to; i++) {
			if (b[i] != 0) {
				return false;
			}
		}
		return true;
	}

	/**
	 * A host that may not be reached: the crawl reports it with the reason, and connects
	 * nowhere.
	 */
	public static final class Refused extends UnknownHostException {

		Refused(String reason) {
			super(reason);
		}

	}

	/**
	 * An address range: an address and a prefix length.
	 */
	private record Range(byte[] network, int bits) {

		static Range parse(String entry) {
			int slash = entry.indexOf('/');
			InetAddress literal = literal((slash >= 0) ? entry.substring(0, slash) : entry);
			if (literal == null) {
				return null;
			}
			int bits = -1;
			if (slash >= 0) {
				try {
					bits = Integer.parseInt(entry.substring(slash + 1));
				}
				catch (NumberFormatException ex) {
					throw new IllegalArgumentException("ragchat.sync.web.hosts: '" + entry + "' has no prefix length");
				}
			}
			int max = (literal instanceof Inet4Address) ? 32 : 128;
			if (bits < 0) {
				bits = max;
			}
			if (bits > max) {
				throw new IllegalArgumentException("ragchat.sync.web.hosts: '" + entry + "' has too long a prefix");
			}
			return new Range(literal.getAddress(), bits);
		}

		boolean contains(InetAddress address) {
			byte[] b = address.getAddress();
			if (b.length != this.network.length) {
				return false;
			}
			for (int i = 0; i < this.bits; i++) {
				int mask = 0x80 >> (i % 8);
				if ((b[i / 8] & mask) != (this.network[i / 8] & mask)) {
					return false;
				}
			}
			return true;
		}

	}

}
