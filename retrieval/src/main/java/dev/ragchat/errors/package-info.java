/**
 * The one family of exceptions every module throws when it refuses a request: not found,
 * rejected input, conflict, forbidden, too large. Their messages are safe to show to the
 * caller; the web edge maps each to an RFC 9457 problem in one place. It lives in the
 * lowest module so that every module can use it.
 */
package dev.ragchat.errors;
