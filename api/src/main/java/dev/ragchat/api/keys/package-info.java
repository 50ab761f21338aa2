/**
 * What keys look like: the API key format (prefix, random part, checksum), Base62, the
 * hashes stored instead of keys, and the keys' settings ({@code ApiKeyProperties}).
 * <p>
 * A module of its own, not a part of {@code api.access}, because two modules use it:
 * api.access issues and checks keys in this format, and api.people reads the keys'
 * settings for the tokens it signs. It depends on no other module.
 */
package dev.ragchat.api.keys;
