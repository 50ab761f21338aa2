/**
 * Moving a knowledge base to another embedding model while it is searched: the chunks
 * re-embedded into the new model's index, the switch in one write, a failure or cancel
 * leaving the old index as it was.
 */
package dev.ragchat.ingestion.migration;
