/**
 * The one family of exceptions every module throws when it refuses a request: not found,
 * rejected input (and unprocessable: well formed, but this configuration cannot act on
 * it), conflict, forbidden, too large, unavailable (a needed part is not configured) and
 * bad upstream (a model answered with something unusable). Their messages are safe to
 * show to the caller; the web edge maps each to an RFC 9457 problem in one place. It
 * lives in the lowest module so that every module can use it.
 */
package dev.ragchat.errors;
