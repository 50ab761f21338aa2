package dev.ragchat.api.access;

/**
 * Published when a temporary API key is revoked: whatever it started ends with it.
 *
 * @param keyId the revoked key
 */
public record ApiKeyRevoked(String keyId) {

}
