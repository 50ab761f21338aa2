package dev.ragchat.api.access;

import java.util.Map;

/**
 * A person signing in with an identity provider: who they are is recorded, and their
 * console is given an API key they hold (kept on the server, in their HTTP session: the
 * browser holds only the session cookie).
 */
public interface PersonSignIn {

	/**
	 * @param issuer the provider's issuer URL
	 * @param subject the provider's {@code sub}
	 * @param claims the ID token's and user info's claims
	 * @return the id of the API key their console acts with
	 * @throws dev.ragchat.errors.ForbiddenException for a person an operator removed
	 */
	String signIn(String issuer, String subject, Map<String, Object> claims);

	/**
	 * The provider vouched for a signed-in person again (a refreshed ID token): their
	 * name and groups are recorded anew.
	 * @param issuer the provider's issuer URL
	 * @param subject the provider's {@code sub}
	 * @param claims the new ID token's claims
	 * @throws dev.ragchat.errors.ForbiddenException for a person an operator removed, or
	 * one never seen
	 */
	void refreshed(String issuer, String subject, Map<String, Object> claims);

	/**
	 * @return how often the provider is asked again whether a signed-in person is still
	 * who they were
	 */
	java.time.Duration checkEvery();

	/**
	 * @return the address people reach ragchat at, without a trailing slash: the only
	 * base of the addresses the provider sends them back to; {@code null} when unset (the
	 * request's host is used, if it is one of the server's names)
	 */
	java.net.URI publicUrl();

}
