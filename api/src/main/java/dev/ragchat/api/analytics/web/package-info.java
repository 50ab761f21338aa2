/**
 * The analytics' HTTP edge: {@code GET /api/v1/admin/analytics} for the master key.
 */
package dev.ragchat.api.analytics.web;
