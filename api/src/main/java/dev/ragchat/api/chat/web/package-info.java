/**
 * Session, message and chat-config endpoints, and the seed-compatible chat routes.
 */
package dev.ragchat.api.chat.web;
