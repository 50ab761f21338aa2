/**
 * Media and extraction store adapters (embedded H2, MongoDB) and their configuration.
 */
package dev.ragchat.api.media.store;
