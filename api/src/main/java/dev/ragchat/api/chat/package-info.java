/**
 * Chat sessions, conversations, messages, citations and shared chat configurations.
 */
package dev.ragchat.api.chat;
