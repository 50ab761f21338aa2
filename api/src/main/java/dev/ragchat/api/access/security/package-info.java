/**
 * The security filter chain: credentials from headers, rate limits, the
 * failed-authentication lock-out.
 */
package dev.ragchat.api.access.security;
