/**
 * Chat-config store adapters (embedded H2, MongoDB) and their configuration.
 */
package dev.ragchat.api.chatconfig.store;
