/**
 * The HTTP edge: RFC 9457 problems for every refusal and error, request limits.
 */
package dev.ragchat.api.web;
