package dev.ragchat.api.people;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * People who sign in with an identity provider (the providers themselves are Spring
 * Security's {@code spring.security.oauth2.client.*} settings).
 *
 * @param groupsClaim the ID token or user info claim that names a person's groups (a list
 * of names, or one name)
 * @param adminGroups groups whose members may do everything in every knowledge base, as
 * an admin API key for all of them may (`RAGCHAT_PEOPLE_ADMIN_GROUPS`, comma separated)
 * @param checkEvery how often a signed-in person's provider is asked again (with the
 * session's refresh token) whether they are still who they were: their groups are read
 * anew, and a refusal ends the session
 * @param publicUrl the https address people reach ragchat at (`https://chat.example.com`,
 * with a path when a proxy serves it under one): when set, the only base of the addresses
 * the provider sends people back to (the sign-in's redirect URI, the post-logout redirect
 * URI). When unset, those are built from the request's host, which must then be one of
 * the server's names (its certificate's, `server.address`, localhost): a sign-in or
 * sign-out with another host is refused (400). Set it behind a proxy
 */
@ConfigurationProperties("ragchat.people")
public record PeopleProperties(@DefaultValue("groups") String groupsClaim, @DefaultValue List<String> adminGroups,
		@DefaultValue("5m") Duration checkEvery, URI publicUrl) {

	public PeopleProperties {
		adminGroups = (adminGroups != null) ? List.copyOf(adminGroups) : List.of();
		if (publicUrl != null) {
			// https only: the session cookie is Secure, a browser would not send it back
			// over http
			if (!"https".equalsIgnoreCase(publicUrl.getScheme()) || publicUrl.getHost() == null
					|| publicUrl.getRawQuery() != null || publicUrl.getRawFragment() != null
					|| publicUrl.getRawUserInfo() != null) {
				throw new IllegalArgumentException("ragchat.people.public-url must be an https:// address without"
						+ " query or fragment, such as https://chat.example.com; got '" + publicUrl + "'");
			}
			// the base other paths are appended to: no trailing slash
			String text = publicUrl.toString();
			publicUrl = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
		}
	}

}
