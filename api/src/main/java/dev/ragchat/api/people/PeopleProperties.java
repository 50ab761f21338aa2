package dev.ragchat.api.people;

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
 */
@ConfigurationProperties("ragchat.people")
public record PeopleProperties(@DefaultValue("groups") String groupsClaim, @DefaultValue List<String> adminGroups,
		@DefaultValue("5m") Duration checkEvery) {

	public PeopleProperties {
		adminGroups = (adminGroups != null) ? List.copyOf(adminGroups) : List.of();
	}

}
