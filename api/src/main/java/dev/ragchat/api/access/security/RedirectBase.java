package dev.ragchat.api.access.security;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import javax.naming.NamingException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.core.env.Environment;
import org.springframework.security.web.util.UrlUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where an identity provider sends people back to (the sign-in's redirect URI, the
 * post-logout redirect URI, and the console after each): the configured public URL when
 * there is one, else the request's own address, but only when its host is one of the
 * server's names. A {@code Host} header is the client's to choose: behind a proxy that
 * forwards it unchecked, a base taken from it would send people (and their authorization
 * codes) wherever the header says.
 */
final class RedirectBase {

	/**
	 * Always the server's: a loopback name leads nowhere but the person's own machine.
	 */
	private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "0:0:0:0:0:0:0:1");

	/** A subject alternative name's type: a DNS name. */
	private static final Integer DNS_NAME = 2;

	/** A subject alternative name's type: an IP address. */
	private static final Integer IP_ADDRESS = 7;

	private final URI publicUrl;

	private final Supplier<Collection<String>> serverNames;

	/**
	 * @param publicUrl the address people reach the server at, without a trailing slash,
	 * or {@code null}
	 * @param serverNames the server's names (its certificate's, its configured address),
	 * read at each use (a certificate is reloaded when renewed)
	 */
	RedirectBase(URI publicUrl, Supplier<Collection<String>> serverNames) {
		this.publicUrl = publicUrl;
		this.serverNames = serverNames;
	}

	/**
	 * @return whether a public URL is configured (the request's host is then never used)
	 */
	boolean isConfigured() {
		return this.publicUrl != null;
	}

	/**
	 * @param request a request to a sign-in or sign-out address
	 * @return the base to send people back to, without a trailing slash
	 */
	String of(HttpServletRequest request) {
		return (this.publicUrl != null) ? this.publicUrl.toString() : requestBase(request);
	}

	/**
	 * @param request a request
	 * @return whether its host may serve as the base: always with a public URL (it is not
	 * used then), else when it is one of the server's names
	 */
	boolean accepts(HttpServletRequest request) {
		return this.publicUrl != null || isServerName(request.getServerName());
	}

	/**
	 * @param request the sign-in's request
	 * @param resolved the redirect URI Spring Security expanded from the request's
	 * address
	 * @return the same on the public URL, when one is configured (a redirect URI an
	 * operator fixed in the registration is left as it is)
	 */
	String redirectUri(HttpServletRequest request, String resolved) {
		if (this.publicUrl == null || resolved == null) {
			return resolved;
		}
		String base = requestBase(request);
		return resolved.startsWith(base) ? this.publicUrl + resolved.substring(base.length()) : resolved;
	}

	/**
	 * The request's base exactly as Spring Security's authorization request resolver
	 * expands {@code {baseUrl}}.
	 */
	private static String requestBase(HttpServletRequest request) {
		return UriComponentsBuilder.fromUriString(UrlUtils.buildFullRequestUrl(request))
			.replacePath(request.getContextPath())
			.replaceQuery(null)
			.fragment(null)
			.build()
			.toUriString();
	}

	/**
	 * @param bundles the SSL bundles, or {@code null}
	 * @param environment the settings
	 * @return the server's names: its certificate's (subject alternative names, or its
	 * common name when it has none) and {@code server.address}
	 */
	static List<String> serverNames(SslBundles bundles, Environment environment) {
		List<String> names = new ArrayList<>();
		String address = environment.getProperty("server.address");
		if (address != null && !address.isBlank()) {
			names.add(address);
		}
		String bundle = environment.getProperty("server.ssl.bundle");
		if (bundles == null || bundle == null || !environment.getProperty("server.ssl.enabled", Boolean.class, true)) {
			return names;
		}
		try {
			// read at each use: a renewed certificate is reloaded into the bundle
			KeyStore store = bundles.getBundle(bundle).getStores().getKeyStore();
			for (String alias : Collections.list(store.aliases())) {
				if (store.getCertificate(alias) instanceof X509Certificate certificate) {
					names.addAll(certificateNames(certificate));
				}
			}
		}
		catch (GeneralSecurityException | NamingException | NoSuchSslBundleException ex) {
			// no certificate to read names from: loopback and server.address remain
		}
		return names;
	}

	private static List<String> certificateNames(X509Certificate certificate)
			throws CertificateParsingException, NamingException {
		List<String> names = new ArrayList<>();
		Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
		if (alternatives != null) {
			for (List<?> alternative : alternatives) {
				if ((DNS_NAME.equals(alternative.get(0)) || IP_ADDRESS.equals(alternative.get(0)))
						&& alternative.get(1) instanceof String name) {
					names.add(name);
				}
			}
		}
		if (names.isEmpty()) {
			for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
				if ("CN".equalsIgnoreCase(rdn.getType())) {
					names.add(rdn.getValue().toString());
				}
			}
		}
		return names;
	}

	private boolean isServerName(String host) {
		String name = normalized(host);
		if (name == null) {
			return false;
		}
		if (LOOPBACK.contains(name)) {
			return true;
		}
		for (String serverName : this.serverNames.get()) {
			String known = normalized(serverName);
			if (known == null) {
				continue;
			}
			if (known.equals(name)) {
				return true;
			}
			// a certificate's wildcard covers one label: *.example.com, a.example.com
			if (known.startsWith("*.") && name.endsWith(known.substring(1))) {
				String label = name.substring(0, name.length() - known.length() + 1);
				if (!label.isEmpty() && label.indexOf('.') < 0) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * @return a host name in lower case without a trailing dot, an IPv6 address in full
	 * form without brackets (so that {@code [::1]} is {@code 0:0:0:0:0:0:0:1}), or
	 * {@code null}
	 */
	static String normalized(String host) {
		if (host == null || host.isBlank()) {
			return null;
		}
		String name = host.strip().toLowerCase(Locale.ROOT);
		if (name.startsWith("[") && name.endsWith("]")) {
			name = name.substring(1, name.length() - 1);
		}
		if (name.indexOf(':') >= 0) {
			// an IPv6 literal (no host name has a colon): parsed, never looked up
			try {
				return InetAddress.getByName(name).getHostAddress();
			}
			catch (UnknownHostException | SecurityException ex) {
				return null;
			}
		}
		return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
	}

}
