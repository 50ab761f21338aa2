/**
 * What keys look like: the API key format (prefix, random part, checksum), Base62, and
 * the hashes stored instead of keys.
 */
package dev.ragchat.api.access.keys;
