/**
 * The catalog's adapters (embedded H2 with Flyway, MongoDB) and their configuration.
 */
package dev.ragchat.ingestion.catalog;
