/**
 * HTTPS: the self-signed development certificate.
 */
package dev.ragchat.api.tls;
