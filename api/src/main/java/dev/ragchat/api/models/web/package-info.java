/**
 * The model choice's HTTP edge: which model answers (any caller), and the model screen's
 * calls (master key, under {@code /api/v1/admin/models}).
 */
package dev.ragchat.api.models.web;
