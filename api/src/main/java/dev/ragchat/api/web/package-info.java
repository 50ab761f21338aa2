/**
 * The HTTP edge: RFC 9457 problems for every refusal and error, request limits, the
 * console's files under versioned names.
 */
package dev.ragchat.api.web;
