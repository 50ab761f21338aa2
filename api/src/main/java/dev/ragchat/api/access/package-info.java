/**
 * Who is calling: the master key, temporary API keys, session tokens, scopes, and the API
 * key store port.
 */
package dev.ragchat.api.access;
