/**
 * The backups' HTTP edge: {@code /api/v1/admin/backups} for the master key.
 */
package dev.ragchat.api.backup.web;
