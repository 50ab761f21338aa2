/**
 * What keys look like: the API key format (prefix, random part, checksum), Base62, and
 * the hashes stored instead of keys.
 * <p>
 * A named interface of the {@code api.access} module, which other modules may use
 * ({@code ModularityTests}): api.people reads the keys' settings
 * ({@code ApiKeyProperties}) for the tokens it signs.
 */
@NamedInterface("keys")
package dev.ragchat.api.access.keys;

import org.springframework.modulith.NamedInterface;
