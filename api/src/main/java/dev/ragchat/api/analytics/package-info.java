/**
 * Usage analytics ({@code Analytics}): sessions, questions, grounded and refused answers,
 * latency, uploads and pages per UTC day, the most cited documents, per API key and per
 * chat configuration, computed from the catalog's stores the same way on every backend.
 */
package dev.ragchat.api.analytics;
