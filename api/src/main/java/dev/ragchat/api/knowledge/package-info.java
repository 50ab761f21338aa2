/**
 * Knowledge-base, document and search endpoints.
 */
package dev.ragchat.api.knowledge;
