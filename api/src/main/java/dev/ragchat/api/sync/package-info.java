/**
 * Sync sources in the service: their secrets sealed with the service's key; their HTTP
 * surface in {@code web}.
 */
package dev.ragchat.api.sync;
