/**
 * The sync source store's adapters (embedded H2, MongoDB) and their configuration.
 */
package dev.ragchat.sources.store;
