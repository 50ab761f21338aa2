/**
 * The catalog's adapters (embedded H2 with Flyway, MongoDB) and their configuration, and
 * the catalog kernel every feature's store configuration builds its stores with:
 * {@link dev.ragchat.ingestion.catalog.Catalog}, on the backend
 * {@link dev.ragchat.ingestion.catalog.CatalogProperties} names.
 * <p>
 * The kernel stays here, not in ingestion's front: this package is an application module
 * whose public types are its interface, which api's and sources' store packages may use
 * (no named interface needed), and the kernel needs {@code CatalogProperties} and the
 * imports of the clients, which the front (used by this package's adapters, for their
 * ports) could not take without a cycle.
 */
package dev.ragchat.ingestion.catalog;
