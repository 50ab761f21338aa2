/**
 * The audit trail's HTTP edge: the caller's address for each event and the master key's
 * read-back endpoint.
 */
package dev.ragchat.api.audit.web;
