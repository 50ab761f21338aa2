/**
 * The model choice's store adapters (embedded H2, MongoDB) and their configuration.
 */
package dev.ragchat.api.models.store;
