/**
 * Session, session-scope and message store adapters (embedded H2, MongoDB) and their
 * configuration.
 */
package dev.ragchat.api.chat.store;
