/**
 * Sync source endpoints: {@code /api/v1/knowledge-bases/{kb}/sources}, their syncs and
 * runs.
 */
package dev.ragchat.api.sync.web;
